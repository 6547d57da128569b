import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import {
  incidentUpdateDoc,
  incidentUpdatesDoc,
  statusPageComponentDoc,
  statusPageDetailDoc,
  statusPageDoc,
  statusPageDomainDoc,
} from '../../src/http/api/status-pages-doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeClient, makeContract, makeSite, useTestApp } from './helpers.ts';
import { recordOutage } from './monitoring-fixtures.ts';

const t = useTestApp();

async function clientOn(plan: 'basic' | 'standard' | 'premium', name = 'Acme') {
  const client = await makeClient(t(), { name, timeZone: 'Europe/Madrid' });
  await makeContract(t(), client.id, { planId: plan, status: 'active' });
  const site = await makeSite(t(), client.id, { url: `https://${name.toLowerCase()}.example` });
  return { client, site };
}

async function makePage(clientId: string, body: Record<string, unknown> = {}) {
  return expectOk(
    await t().api('POST', '/status-pages', { clientId, title: 'Acme status', ...body }),
    201,
    statusPageDoc,
  );
}

describe('status pages API', () => {
  it('creates, reads, edits, brands and lists a page (documented shapes)', async () => {
    const { client, site } = await clientOn('premium');
    const page = await makePage(client.id, { slug: 'acme' });
    expect(page).toMatchObject({ slug: 'acme', language: 'en', timeZone: 'Europe/Madrid', published: false });
    const component = expectOk(
      await t().api('POST', `/status-pages/${page.id}/components`, { siteId: site.id, displayName: 'Shop' }),
      201,
      statusPageComponentDoc,
    );
    expectOk(
      await t().api('PATCH', `/status-pages/${page.id}/components/${component.id}`, { groupName: 'Web' }),
      200,
      statusPageComponentDoc,
    );
    expectOk(
      await t().api('POST', `/status-pages/${page.id}/domains`, { host: 'Status.Acme.example' }),
      201,
      statusPageDomainDoc,
    );
    const published = expectOk(
      await t().api('PATCH', `/status-pages/${page.id}`, { published: true }),
      200,
      statusPageDoc,
    );
    expect(published.published).toBe(true);
    const branded = expectOk(
      await t().api('PATCH', `/status-pages/${page.id}/branding`, {
        brandColor: '#FF6600',
        hidePoweredBy: true,
        footerLinks: [{ label: 'Help', url: 'https://acme.example/help' }],
      }),
      200,
      statusPageDoc,
    );
    expect(branded).toMatchObject({ brandColor: '#ff6600', hidePoweredBy: true });
    const detail = expectOk(await t().api('GET', `/status-pages/${page.id}`), 200, statusPageDetailDoc);
    expect(detail.components).toMatchObject([{ displayName: 'Shop', groupName: 'Web', target: { kind: 'site' } }]);
    expect(detail.domains.map((d) => d.host)).toEqual(['status.acme.example']);
    const list = expectOk(await t().api('GET', `/status-pages?clientId=${client.id}`), 200, listOf(statusPageDoc));
    expect(list.data.map((p) => p.id)).toEqual([page.id]);
    // An empty PATCH changes nothing.
    const same = expectOk(await t().api('PATCH', `/status-pages/${page.id}`, {}), 200, statusPageDoc);
    expect(same).toEqual(branded);
    expectOk(await t().api('PATCH', `/status-pages/${page.id}/branding`, {}), 200, statusPageDoc);
    expectOk(
      await t().api('PATCH', `/status-pages/${page.id}/components/${component.id}`, {}),
      200,
      statusPageComponentDoc,
    );
  });

  it('answers 409 naming the plans for a client on Basic, and for a taken slug or domain', async () => {
    const basic = await clientOn('basic', 'Basicco');
    const err = expectError(
      await t().api('POST', '/status-pages', { clientId: basic.client.id, title: 'X' }),
      409,
      'conflict',
    );
    expect(err.message).toBe("Basicco's plan (Basic) has no status page; Standard and Premium include one");
    const { client } = await clientOn('standard');
    const page = await makePage(client.id, { slug: 'taken' });
    expectError(await t().api('POST', '/status-pages', { clientId: client.id, title: 'Y', slug: 'taken' }), 409);
    const hide = expectError(await t().api('PATCH', `/status-pages/${page.id}/branding`, { hidePoweredBy: true }), 409);
    expect(hide.message).toContain('Premium allows it');
    const other = await makePage(client.id, { slug: 'other' });
    await t().api('POST', `/status-pages/${page.id}/domains`, { host: 'status.acme.example' });
    expectError(await t().api('POST', `/status-pages/${other.id}/domains`, { host: 'status.acme.example' }), 409);
  });

  it('answers 422 for invalid values, listing each field', async () => {
    const { client, site } = await clientOn('standard');
    expectInvalid(await t().api('POST', '/status-pages', { clientId: client.id, title: '', slug: 'Bad Slug!' }), [
      'title',
      'slug',
    ]);
    const page = await makePage(client.id);
    expectInvalid(
      await t().api('PATCH', `/status-pages/${page.id}/branding`, {
        brandColor: 'orange',
        footerLinks: [{ label: 'x', url: 'javascript:alert(1)' }],
      }),
      ['brandColor', 'footerLinks.0.url'],
    );
    expectInvalid(await t().api('POST', `/status-pages/${page.id}/domains`, { host: '127.0.0.1' }), ['host']);
    expectInvalid(
      await t().api('POST', `/status-pages/${page.id}/components`, {
        siteId: site.id,
        monitorId: 'm',
        displayName: 'X',
      }),
      ['siteId'],
    );
    expectInvalid(await t().api('POST', `/status-pages/${page.id}/components/reorder`, { componentIds: ['spc_x'] }), [
      'componentIds',
    ]);
  });

  it('answers 404 for unknown ids and for another client’s site on a page', async () => {
    const a = await clientOn('standard', 'Alpha');
    const b = await clientOn('standard', 'Beta');
    const page = await makePage(a.client.id);
    expectError(await t().api('GET', '/status-pages/stp_unknown'), 404, 'not_found');
    expectError(await t().api('PATCH', '/status-pages/stp_unknown', { title: 'x' }), 404);
    expectError(await t().api('POST', '/status-pages', { clientId: 'cli_unknown', title: 'x' }), 404);
    expectError(await t().api('DELETE', `/status-pages/${page.id}/components/spc_unknown`), 404);
    expectError(await t().api('DELETE', `/status-pages/${page.id}/domains/nope.example`), 404);
    expectError(await t().api('GET', '/incidents/inc_unknown/updates'), 404);
    // Beta's site cannot be shown on Alpha's page.
    expectInvalid(
      await t().api('POST', `/status-pages/${page.id}/components`, { siteId: b.site.id, displayName: 'X' }),
      ['siteId'],
    );
    await t().api('POST', `/status-pages/${page.id}/archive`);
    expectError(await t().api('GET', `/status-pages/${page.id}`), 404);
  });

  it('lets technicians read and post public updates, not change pages (403); 401 without a token', async () => {
    const { client, site } = await clientOn('standard');
    const page = await makePage(client.id);
    const tech = t().tokens.technician;
    expectOk(await t().api('GET', `/status-pages/${page.id}`, undefined, tech), 200, statusPageDetailDoc);
    expectError(await t().api('POST', '/status-pages', { clientId: client.id, title: 'T' }, tech), 403, 'forbidden');
    expectError(await t().api('PATCH', `/status-pages/${page.id}`, { title: 'T' }, tech), 403);
    expectError(await t().api('POST', `/status-pages/${page.id}/archive`, undefined, tech), 403);
    expectError(await t().api('GET', '/status-pages', undefined, null), 401, 'unauthenticated');
    const monitor = await t().api('POST', '/monitors', { siteId: site.id, kind: 'http' });
    const incidentId = await recordOutage(t(), monitor.body.id, t().clock.now() - 600_000, null);
    const update = expectOk(
      await t().api(
        'POST',
        `/incidents/${incidentId}/updates`,
        { status: 'identified', message: 'Disk full', title: 'Shop down' },
        tech,
      ),
      201,
      incidentUpdateDoc,
    );
    expect(update).toMatchObject({ status: 'identified', message: 'Disk full' });
    const read = expectOk(await t().api('GET', `/incidents/${incidentId}/updates`), 200, incidentUpdatesDoc);
    expect(read).toMatchObject({ title: 'Shop down', updates: [{ message: 'Disk full' }] });
    expectInvalid(await t().api('POST', `/incidents/${incidentId}/updates`, { status: 'fixed', message: '' }), [
      'status',
      'message',
    ]);
  });
});
