import { Hono } from 'hono';
import pino from 'pino';
import { addContact } from '../../src/domain/clients/contacts.ts';
import { systemActor } from '../../src/domain/context.ts';
import { acknowledgeIncident, addIncidentNote } from '../../src/domain/incidents/incident-actions.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import type { SendMail } from '../../src/domain/portal/portal-mail.ts';
import { openPortalSupportRequest } from '../../src/domain/portal/support-requests-portal.ts';
import { postIncidentUpdate } from '../../src/domain/statuspage/post-incident-update.ts';
import { statusByCode, toAppError } from '../../src/http/errors.ts';
import { registerPortalContent } from '../../src/http/portal/portal-content.tsx';
import type { PortalContact, PortalEnv } from '../../src/http/portal/portal-env.ts';
import { DAY, HOUR, MIN, SECRET, seedChecks, seedClient, seedOutage, seedSite } from '../status/status-fixtures.ts';
import type { TestDb } from '../support/test-db.ts';

export const CSRF = 'csrf-test-token';

/**
 * The portal's content pages without the sign-in in front: a tiny app that sets the signed-in
 * contact itself (as the session middleware does) and answers errors like the portal does.
 */
export function contentApp(t: TestDb, portal: PortalContact, sendMail?: SendMail) {
  const inner = new Hono<PortalEnv>();
  inner.use('*', async (c, next) => {
    c.set('ctx', t.ctx);
    c.set('logger', pino({ level: 'silent' }));
    c.set('portal', portal);
    c.set('csrfToken', CSRF);
    c.set('publicUrl', 'https://steward.agency.test');
    await next();
  });
  registerPortalContent(inner, { sendMail });
  inner.onError((err, c) => {
    const e = toAppError(err);
    if (!e) throw err;
    return c.text(e.message, statusByCode[e.code]);
  });
  const app = new Hono();
  app.route('/portal', inner);
  return {
    get: (path: string) => app.request(path),
    post: (path: string, fields: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: CSRF, ...fields }).toString(),
      }),
  };
}

/** One client with everything the portal shows, including things it must never show (SECRET). */
export async function seedPortalClient(
  t: TestDb,
  opts: { name: string; language?: 'en' | 'es' | 'fr' | 'de'; plan?: 'basic' | 'standard' | 'premium' },
) {
  const ctx = t.ctx;
  const client = await seedClient(ctx, { name: opts.name, plan: opts.plan ?? 'standard' });
  const contact = await addContact(ctx, systemActor, client.id, {
    name: `${opts.name} Contact`,
    email: `contact@${opts.name.toLowerCase().replace(/\W/g, '')}.test`,
    language: opts.language ?? 'en',
  });
  const { site, monitor } = await seedSite(ctx, client.id, { ageMs: 40 * DAY });
  const now = ctx.clock.now();
  await seedChecks(ctx, monitor.id, now - 3 * DAY, now, 150);
  const resolved = await seedOutage(ctx, monitor.id, now - 2 * DAY, now - 2 * DAY + 40 * MIN);
  await addIncidentNote(ctx, systemActor, resolved, { text: `internal note ${SECRET}` });
  await postIncidentUpdate(ctx, systemActor, resolved, {
    status: 'identified',
    message: 'The hosting provider had a network fault.',
  });
  const open = await seedOutage(ctx, monitor.id, now - 30 * MIN, null);
  await acknowledgeIncident(ctx, systemActor, open);
  const window = await createMaintenanceWindow(ctx, systemActor, {
    kind: 'once',
    clientId: client.id,
    siteId: site.id,
    title: 'Server upgrade',
    startsAt: new Date(now + 2 * DAY).toISOString(),
    endsAt: new Date(now + 2 * DAY + 2 * HOUR).toISOString(),
  });
  const scope = { clientId: client.id, contactId: contact.id };
  const request = await openPortalSupportRequest(ctx, scope, {
    subject: `Help ${opts.name}`,
    description: 'The contact form does not send.',
    siteId: site.id,
    urgency: 'high',
  });
  const portal: PortalContact = {
    contactId: contact.id,
    clientId: client.id,
    clientName: client.name,
    name: contact.name,
    email: contact.email,
    language: opts.language ?? 'en',
    timeZone: client.timeZone,
  };
  return { client, contact, site, monitor, incidents: { resolved, open }, window, request, portal };
}
