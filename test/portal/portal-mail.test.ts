import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { createMailSender } from '../../src/integrations/mail/mail-sender.ts';
import { parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createPortalWorld, linkIn, type PortalWorld } from './portal-world.ts';

describe('portal mails through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let app: ReturnType<typeof createApp>;
  let w: PortalWorld;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp();
    const mail = createMailSender({ smtpUrl: smtp.url, from: 'portal@agency.test', timeoutMs: 5000 });
    app = createApp({
      ctx: t.ctx,
      logger: pino({ level: 'silent' }),
      publicUrl: 'https://steward.agency.test/',
      sendMail: mail.sendMail,
    });
    w = await createPortalWorld(t);
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('sends the invitation in the contact’s language with a working link, and the sign-in link', async () => {
    const res = await app.request(`/api/v1/clients/${w.acme.clientId}/contacts/${w.acme.contactId}/portal-invite`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ delivery: 'sent', email: 'ana@acme.test' });
    expect(smtp.messages).toHaveLength(1);
    const invite = parseMail(smtp.messages[0]?.raw ?? '');
    expect(smtp.messages[0]?.to).toEqual(['ana@acme.test']);
    expect(invite.headers.get('subject')).toContain('Acme Bakery');
    expect(invite.text).toContain('Hola, Ana Ruiz:');
    expect(invite.text).toContain('https://steward.agency.test/portal/invite/');
    expect(invite.html).toContain('href="https://steward.agency.test/portal/invite/');
    const token = linkIn(invite.text, 'invite');
    const page = await app.request(`/portal/invite/${token}`);
    expect(page.status).toBe(200);
    // The mail log keeps what was sent, without the live secret.
    const logged = await t.ctx.db.selectFrom('mail_messages').select(['text_body', 'status']).execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.status).toBe('sent');
    expect(logged[0]?.text_body).not.toContain(token);

    // Sign-in link: the pre-sign-in form needs its double-submit token.
    const login = await app.request('/portal/login/link');
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    await t.api('POST', `/clients/${w.beta.clientId}/contacts/${w.beta.contactId}/portal-invite`);
    const asked = await app.request('/portal/login/link', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'ben@beta.test' }).toString(),
    });
    expect(asked.status).toBe(200);
    const linkMail = smtp.messages.find((m) => m.to.includes('ben@beta.test'));
    const parsed = parseMail(linkMail?.raw ?? '');
    expect(parsed.headers.get('subject')).toBe('Your sign-in link for Beta Books');
    expect(parsed.text).toContain('expires in 15 minutes');
    expect((await app.request(`/portal/link/${linkIn(parsed.text, 'link')}`)).status).toBe(200);
  });
});
