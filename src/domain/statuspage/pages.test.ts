import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedClient, seedOutage, seedSite } from '../../../test/status/status-fixtures.ts';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { AppError } from '../../errors.ts';
import { type Actor, systemActor } from '../context.ts';
import { createUser } from '../users/users.ts';
import { addStatusPageComponent } from './add-component.ts';
import { archiveStatusPage } from './archive-page.ts';
import { attachStatusPageDomain } from './attach-domain.ts';
import { createStatusPage } from './create-page.ts';
import { detachStatusPageDomain } from './detach-domain.ts';
import { isOurDomain } from './is-our-domain.ts';
import { listIncidentUpdates } from './list-incident-updates.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { getStatusPage } from './read-pages.ts';
import { removeStatusPageComponent } from './remove-component.ts';
import { reorderStatusPageComponents } from './reorder-components.ts';
import { updateStatusPageBranding } from './update-branding.ts';
import { updateStatusPage } from './update-page.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const technician: Actor = { kind: 'user', userId: 'usr_x', role: 'technician' };

async function realTechnician(): Promise<Actor> {
  const user = await createUser(t.ctx, systemActor, {
    email: 'tech@agency.test',
    password: 'tech-password-1',
    role: 'technician',
  });
  return { kind: 'user', userId: user.id, role: 'technician' };
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('plan gating', () => {
  it('refuses a page for a client on Basic, naming the plans that include one', async () => {
    const client = await seedClient(t.ctx, { name: 'Acme', plan: 'basic' });
    const err = await refusal(createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Acme status' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe("Acme's plan (Basic) has no status page; Standard and Premium include one");
  });

  it('refuses a client without a live plan, and publishing once the plan is gone', async () => {
    const none = await seedClient(t.ctx, { name: 'Nobody', plan: null });
    const err = await refusal(createStatusPage(t.ctx, systemActor, { clientId: none.id, title: 'X' }));
    expect(err.message).toBe('Nobody has no live plan; Standard and Premium include one');
    const client = await seedClient(t.ctx, { name: 'Later' });
    const page = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Later status' });
    await t.ctx.db.updateTable('contracts').set({ status: 'ended' }).where('client_id', '=', client.id).execute();
    const publish = await refusal(updateStatusPage(t.ctx, systemActor, page.id, { published: true }));
    expect(publish.code).toBe('conflict');
  });

  it('allows hiding "Powered by Steward" only on plans with that feature', async () => {
    const standard = await seedClient(t.ctx, { name: 'Std', plan: 'standard' });
    const page = await createStatusPage(t.ctx, systemActor, { clientId: standard.id, title: 'Std status' });
    const err = await refusal(updateStatusPageBranding(t.ctx, systemActor, page.id, { hidePoweredBy: true }));
    expect(err.message).toBe(`Std's plan (Standard) does not allow hiding "Powered by Steward"; Premium allows it`);
    const premium = await seedClient(t.ctx, { name: 'Prem', plan: 'premium' });
    const p2 = await createStatusPage(t.ctx, systemActor, { clientId: premium.id, title: 'Prem status' });
    const saved = await updateStatusPageBranding(t.ctx, systemActor, p2.id, {
      hidePoweredBy: true,
      brandColor: '#AABBCC',
      footerLinks: [{ label: 'Contact', url: 'mailto:help@prem.example' }],
    });
    expect(saved).toMatchObject({ hidePoweredBy: true, brandColor: '#aabbcc' });
  });
});

describe('pages', () => {
  it('makes a slug from the title, takes language and zone from the client, refuses a taken slug', async () => {
    const client = await seedClient(t.ctx, { locale: 'es', timeZone: 'America/Mexico_City' });
    const page = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Panadería Sol — Estado' });
    expect(page).toMatchObject({ slug: 'panaderia-sol-estado', language: 'es', timeZone: 'America/Mexico_City' });
    expect(page.published).toBe(false);
    const err = await refusal(
      createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Panaderia Sol Estado' }),
    );
    expect(err.code).toBe('conflict');
    await archiveStatusPage(t.ctx, systemActor, page.id);
    // Archiving frees the slug.
    await expect(
      createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Panaderia Sol Estado' }),
    ).resolves.toMatchObject({ slug: 'panaderia-sol-estado' });
  });

  it('refuses bad colours and link schemes, and technicians', async () => {
    const client = await seedClient(t.ctx);
    const page = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'S' });
    for (const input of [
      { brandColor: 'red' },
      { footerLinks: [{ label: 'x', url: 'javascript:alert(1)' }] },
      { logoUrl: 'data:image/png;base64,AAAA' },
    ]) {
      expect((await refusal(updateStatusPageBranding(t.ctx, systemActor, page.id, input))).code).toBe('invalid');
    }
    expect((await refusal(updateStatusPage(t.ctx, technician, page.id, { title: 'T' }))).code).toBe('forbidden');
  });
});

describe('components', () => {
  it('accepts only live sites and monitors of the page’s own client; no duplicates; reorder lists all', async () => {
    const client = await seedClient(t.ctx);
    const other = await seedClient(t.ctx, { name: 'Other' });
    const { site, monitor } = await seedSite(t.ctx, client.id);
    const { site: foreign } = await seedSite(t.ctx, other.id, { host: 'other.example' });
    const page = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'S' });
    const a = await addStatusPageComponent(t.ctx, systemActor, page.id, { siteId: site.id, displayName: 'Shop' });
    const b = await addStatusPageComponent(t.ctx, systemActor, page.id, {
      monitorId: monitor.id,
      displayName: 'Home page',
      groupName: 'Web',
    });
    expect([a.position, b.position]).toEqual([0, 1]);
    expect(
      (await refusal(addStatusPageComponent(t.ctx, systemActor, page.id, { siteId: foreign.id, displayName: 'X' })))
        .code,
    ).toBe('invalid');
    expect(
      (await refusal(addStatusPageComponent(t.ctx, systemActor, page.id, { siteId: site.id, displayName: 'Again' })))
        .code,
    ).toBe('conflict');
    expect((await refusal(addStatusPageComponent(t.ctx, systemActor, page.id, { displayName: 'None' }))).code).toBe(
      'invalid',
    );
    expect(
      (await refusal(reorderStatusPageComponents(t.ctx, systemActor, page.id, { componentIds: [b.id] }))).code,
    ).toBe('invalid');
    await reorderStatusPageComponents(t.ctx, systemActor, page.id, { componentIds: [b.id, a.id] });
    expect((await getStatusPage(t.ctx, page.id)).components.map((c) => c.id)).toEqual([b.id, a.id]);
    await removeStatusPageComponent(t.ctx, systemActor, page.id, a.id);
    expect((await refusal(removeStatusPageComponent(t.ctx, systemActor, page.id, a.id))).code).toBe('not_found');
  });
});

describe('domains', () => {
  it('normalises hosts, refuses one attached anywhere, answers isOurDomain, frees hosts on archive', async () => {
    const client = await seedClient(t.ctx);
    const p1 = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'One' });
    const p2 = await createStatusPage(t.ctx, systemActor, { clientId: client.id, title: 'Two' });
    const d = await attachStatusPageDomain(t.ctx, systemActor, p1.id, { host: 'Status.Acme.Example.' });
    expect(d.host).toBe('status.acme.example');
    expect(
      (await refusal(attachStatusPageDomain(t.ctx, systemActor, p2.id, { host: 'status.acme.example' }))).code,
    ).toBe('conflict');
    expect((await refusal(attachStatusPageDomain(t.ctx, systemActor, p2.id, { host: '10.0.0.1' }))).code).toBe(
      'invalid',
    );
    expect(await isOurDomain(t.ctx, 'STATUS.acme.example')).toBe(true);
    expect(await isOurDomain(t.ctx, 'other.acme.example')).toBe(false);
    expect((await refusal(detachStatusPageDomain(t.ctx, systemActor, p2.id, 'status.acme.example'))).code).toBe(
      'not_found',
    );
    await archiveStatusPage(t.ctx, systemActor, p1.id);
    expect(await isOurDomain(t.ctx, 'status.acme.example')).toBe(false);
    await expect(
      attachStatusPageDomain(t.ctx, systemActor, p2.id, { host: 'status.acme.example' }),
    ).resolves.toBeDefined();
  });
});

describe('public incident updates', () => {
  it('records stage, message and author; the latest title wins', async () => {
    const client = await seedClient(t.ctx);
    const { monitor } = await seedSite(t.ctx, client.id);
    const incidentId = await seedOutage(t.ctx, monitor.id, t.clock.now() - 3_600_000, null);
    const tech = await realTechnician();
    await postIncidentUpdate(t.ctx, tech, incidentId, {
      status: 'investigating',
      message: 'Looking',
      title: 'Shop down',
    });
    t.clock.advance(60_000);
    await postIncidentUpdate(t.ctx, tech, incidentId, {
      status: 'identified',
      message: 'Disk full',
      title: 'Shop slow',
    });
    const read = await listIncidentUpdates(t.ctx, incidentId);
    expect(read.title).toBe('Shop slow');
    expect(read.updates.map((u) => [u.status, u.message, u.postedBy])).toEqual([
      ['investigating', 'Looking', tech.kind === 'user' && tech.userId],
      ['identified', 'Disk full', tech.kind === 'user' && tech.userId],
    ]);
    expect(
      (await refusal(postIncidentUpdate(t.ctx, technician, 'inc_nope', { status: 'resolved', message: 'x' }))).code,
    ).toBe('not_found');
    expect(
      (await refusal(postIncidentUpdate(t.ctx, technician, incidentId, { status: 'done', message: 'x' }))).code,
    ).toBe('invalid');
  });
});
