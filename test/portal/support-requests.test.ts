import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { createApiToken } from '../../src/domain/users/tokens.ts';
import { createFirstOwner, createUser } from '../../src/domain/users/users.ts';
import { supportRequestDetailDoc, supportRequestDoc } from '../../src/http/api/support-requests-doc-schemas.ts';
import { createApp } from '../../src/http/app.ts';
import { createMailSender } from '../../src/integrations/mail/mail-sender.ts';
import { parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { signedIn, textOf } from '../pages/console-client.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { contentApp, seedPortalClient } from './content-world.ts';

let t: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeEach(async () => {
  t = await createTestDb();
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

/** The whole app with mail going to the real SMTP test server, and staff to sign in. */
async function stewardWithMail() {
  const { sendMail } = createMailSender({ smtpUrl: smtp.url, from: 'steward@agency.test', timeoutMs: 5_000 });
  const app = createApp({
    ctx: t.ctx,
    logger: pino({ level: 'silent' }),
    sendMail,
    publicUrl: 'https://steward.agency.test',
  });
  await createFirstOwner(t.ctx, { email: 'owner@agency.test', password: 'owner-password-1', name: 'Olga Owner' });
  await createUser(t.ctx, systemActor, { email: 'admin@agency.test', password: 'admin-password-1', role: 'admin' });
  await createUser(t.ctx, systemActor, { email: 'tech@agency.test', password: 'tech-password-1', role: 'technician' });
  const token = (await createApiToken(t.ctx, systemActor, { email: 'tech@agency.test', name: 't' })).token;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { app, sendMail, api, testApp: { ...t, app } as unknown as TestApp };
}

describe('support requests', () => {
  it('round trip: contact opens, staff see and answer, the contact reads the answer; mails both ways', async () => {
    const steward = await stewardWithMail();
    const acme = await seedPortalClient(t, { name: 'Casa Pan', language: 'es' });
    const other = await seedPortalClient(t, { name: 'Bravo Books' });
    smtp.messages.length = 0;
    const portal = contentApp(t, acme.portal, steward.sendMail);

    const opened = await portal.post('/portal/support', {
      subject: 'El formulario no envía',
      description: 'Desde el lunes el formulario de contacto falla.',
      siteId: acme.site.id,
      urgency: 'urgent',
    });
    expect(opened.status).toBe(303);
    const id = (opened.headers.get('location') ?? '').split('/').pop()?.split('?')[0] ?? '';

    // The agency hears of it: every owner and admin, with a console link.
    expect(smtp.messages).toHaveLength(1);
    const toAgency = smtp.messages[0]!;
    expect(toAgency.to.sort()).toEqual(['admin@agency.test', 'owner@agency.test']);
    const agencyMail = parseMail(toAgency.raw);
    expect(agencyMail.headers.get('subject')).toBe('[Support] Casa Pan: El formulario no envía');
    expect(agencyMail.text).toContain(`https://steward.agency.test/admin/support/${id}`);
    expect(agencyMail.text).toContain('Desde el lunes el formulario de contacto falla.');

    // Staff see it in the console list (not the other client's as theirs) and in the API.
    const staff = await signedIn(steward.testApp, 'technician');
    const list = await staff.get('/admin/support');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('El formulario no envía');
    expect(list.html).toContain(`/admin/support/${id}`);
    const listed = await steward.api('GET', '/support-requests?status=open');
    expect(listed.status).toBe(200);
    const ids = listed.body.data.map((r: unknown) => supportRequestDoc.parse(r).id);
    expect(ids).toContain(id);
    expect(ids).toContain(other.request.id);
    const fetched = await steward.api('GET', `/support-requests/${id}`);
    expect(supportRequestDetailDoc.parse(fetched.body)).toMatchObject({
      status: 'open',
      urgency: 'urgent',
      siteId: acme.site.id,
      contactId: acme.contact.id,
    });

    // Staff answer from the console: the contact gets it in Spanish with a portal link.
    await staff.get(`/admin/support/${id}`);
    const reply = await staff.post(`/admin/support/${id}/messages`, { body: 'Ya está arreglado: era el plugin SMTP.' });
    expect(reply.status).toBe(303);
    expect(smtp.messages).toHaveLength(2);
    const toContact = smtp.messages[1]!;
    expect(toContact.to).toEqual([acme.contact.email]);
    const contactMail = parseMail(toContact.raw);
    expect(contactMail.headers.get('subject')).toBe('Re: El formulario no envía');
    expect(contactMail.text).toContain('Hemos respondido a tu solicitud de soporte');
    expect(contactMail.text).toContain(`https://steward.agency.test/portal/support/${id}`);

    // The contact reads it in the portal; the request is answered.
    const seen = await (await portal.get(`/portal/support/${id}`)).text();
    expect(seen).toContain('Ya está arreglado: era el plugin SMTP.');
    expect(seen).toContain('Respondida');
    expect(seen).toContain('(soporte)');

    // A reply through the API mails the contact too; closing is conditional.
    const apiReply = await steward.api('POST', `/support-requests/${id}/messages`, { body: '¿Todo bien?' });
    expect(apiReply.status).toBe(201);
    expect(supportRequestDetailDoc.parse(apiReply.body).messages).toHaveLength(2);
    expect(smtp.messages).toHaveLength(3);
    expect((await steward.api('POST', `/support-requests/${id}/close`)).body.status).toBe('closed');
    expect((await steward.api('POST', `/support-requests/${id}/close`)).status).toBe(409);
    expect((await steward.api('POST', `/support-requests/${id}/messages`, { body: 'x' })).status).toBe(409);

    // The contact's reply reopens it and tells the agency.
    await portal.post(`/portal/support/${id}/messages`, { body: 'Gracias, funciona.' });
    expect((await steward.api('GET', `/support-requests/${id}`)).body.status).toBe('open');
    expect(smtp.messages).toHaveLength(4);
    expect(parseMail(smtp.messages[3]!.raw).headers.get('subject')).toBe(
      '[Support] Reply from Casa Pan: El formulario no envía',
    );

    // The console can close and reopen.
    await staff.get(`/admin/support/${id}`);
    expect((await staff.post(`/admin/support/${id}/close`, {})).status).toBe(303);
    const closedList = await staff.get('/admin/support?status=closed');
    expect(closedList.html).toContain(`/admin/support/${id}`);
    expect((await staff.post(`/admin/support/${id}/reopen`, {})).status).toBe(303);
    expect((await steward.api('GET', `/support-requests/${id}`)).body.status).toBe('open');

    // Every mail is in the outbox record.
    const stored = await t.ctx.db.selectFrom('mail_messages').select('status').execute();
    expect(stored.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('API: staff open a request for a client, only with that client’s site; unknown ids are 404', async () => {
    const steward = await stewardWithMail();
    const a = await seedPortalClient(t, { name: 'Acme Bakery' });
    const b = await seedPortalClient(t, { name: 'Bravo Books' });
    const base = { clientId: a.client.id, subject: 'Phone call', description: 'Asked for a new page.' };
    const created = await steward.api('POST', '/support-requests', { ...base, contactId: a.contact.id });
    expect(created.status).toBe(201);
    expect(supportRequestDetailDoc.parse(created.body).status).toBe('open');
    expect((await steward.api('POST', '/support-requests', { ...base, siteId: b.site.id })).status).toBe(404);
    expect((await steward.api('POST', '/support-requests', { ...base, contactId: b.contact.id })).status).toBe(404);
    expect((await steward.api('GET', '/support-requests/sup_nope')).status).toBe(404);
    expect((await steward.api('POST', '/support-requests', { ...base, urgency: 'asap' })).status).toBe(422);
  });
});
