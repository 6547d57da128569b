import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { notifySubscribers } from '../../src/domain/statuspage/notify-subscribers.ts';
import { createApp } from '../../src/http/app.ts';
import { createMailSender } from '../../src/integrations/mail/mail-sender.ts';
import { parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { MIN, seedClient, seedOutage, seedPage, seedSite } from './status-fixtures.ts';

const PUBLIC = 'https://status.agency.test';
let t: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let app: ReturnType<typeof createApp>;
let send: ReturnType<typeof createMailSender>['sendMail'];

beforeEach(async () => {
  t = await createTestDb();
  smtp = await startSmtpReceiver();
  send = createMailSender({ smtpUrl: smtp.url, from: 'status@agency.test', timeoutMs: 5000 }).sendMail;
  app = createApp({ ctx: t.ctx, logger: pino({ level: 'silent' }), publicUrl: PUBLIC, sendMail: send });
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

async function seedTwoPages() {
  const acme = await seedClient(t.ctx, { name: 'Acme', plan: 'premium' });
  const { site, monitor } = await seedSite(t.ctx, acme.id);
  const a = await seedPage(t.ctx, acme.id, site.id, { slug: 'acme', language: 'es', host: 'status.acme.example' });
  const beta = await seedClient(t.ctx, { name: 'Beta', plan: 'premium' });
  const b = await seedSite(t.ctx, beta.id, { host: 'beta.example' });
  await seedPage(t.ctx, beta.id, b.site.id, { slug: 'beta', title: 'Beta status' });
  return { monitor, pageA: a.page };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = { origin: PUBLIC }) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  });
const subscriberRow = () => t.ctx.db.selectFrom('status_subscribers').selectAll().executeTakeFirstOrThrow();
const sweep = () => notifySubscribers(t.ctx, { send, publicUrl: PUBLIC });

describe('status page subscribers', () => {
  it('double opt-in, one Spanish mail per incident with one-click unsubscribe, nothing after unsubscribing', async () => {
    const { monitor } = await seedTwoPages();
    const page = await app.request('/status/acme');
    expect(await page.text()).toContain('action="/status/acme/subscribe"');

    const answer = await post('/status/acme/subscribe', { email: ' Ana@Example.TEST ', website: '' });
    expect(answer.status).toBe(200);
    const answerText = await answer.text();
    expect(answerText).toContain('Si esta dirección puede suscribirse');
    expect(smtp.messages).toHaveLength(1);
    const confirmMail = parseMail(smtp.messages[0]!.raw);
    expect(smtp.messages[0]!.to).toEqual(['ana@example.test']);
    expect(confirmMail.headers.get('subject')).toBe('Confirma tu suscripción a Acme status');
    expect(confirmMail.headers.get('list-unsubscribe')).toMatch(
      /^<https:\/\/status\.agency\.test\/status\/acme\/unsubscribe\//,
    );
    const token = /\/status\/acme\/subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmMail.text)?.[1] as string;
    expect(token).toBeTruthy();
    expect((await subscriberRow()).confirm_token_hash).not.toContain(token);

    // Asking again within 10 minutes: the same answer, no second mail.
    const again = await post('/status/acme/subscribe', { email: 'ana@example.test' });
    expect(await again.text()).toBe(answerText);
    expect(smtp.messages).toHaveLength(1);

    // Page A's secret on page B's address is unknown there.
    expect((await app.request(`/status/beta/subscribe/confirm/${token}`)).status).toBe(404);
    expect((await post(`/status/beta/subscribe/confirm/${token}`, {})).status).toBe(404);

    // The link shows a button; only the POST confirms (mail scanners open links).
    const confirmPage = await app.request(`/status/acme/subscribe/confirm/${token}`);
    expect(confirmPage.status).toBe(200);
    expect(await confirmPage.text()).toContain('Confirmar la suscripción');
    expect((await subscriberRow()).status).toBe('pending');
    expect((await post(`/status/acme/subscribe/confirm/${token}`, {})).status).toBe(200);
    expect((await subscriberRow()).status).toBe('confirmed');
    expect((await app.request(`/status/acme/subscribe/confirm/${token}`)).status).toBe(404);

    // An incident on the covered monitor: two concurrent sweeps and a repeated one send one mail.
    t.clock.advance(MIN);
    const incidentId = await seedOutage(t.ctx, monitor.id, t.clock.now(), null);
    t.clock.advance(2 * MIN);
    const outcomes = await Promise.all([sweep(), sweep()]);
    expect(outcomes.reduce((n, o) => n + o.sent, 0)).toBe(1);
    expect((await sweep()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(2);
    const incidentMail = parseMail(smtp.messages[1]!.raw);
    // The page has a custom domain: links go there.
    expect(incidentMail.headers.get('subject')).toBe(
      '[Acme status] Nueva incidencia: Online shop: interrupción del servicio',
    );
    expect(incidentMail.text).toContain('Estamos investigando un problema que afecta a Online shop');
    expect(incidentMail.text).not.toContain('zz-secret');
    const unsubscribeUrl = /https:\/\/status\.acme\.example\/unsubscribe\/[A-Za-z0-9_-]+/.exec(incidentMail.text)?.[0];
    expect(unsubscribeUrl).toBeTruthy();
    expect(incidentMail.headers.get('list-unsubscribe')).toBe(`<${unsubscribeUrl}> (Unsubscribe)`);
    expect(incidentMail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const unsubscribePath = new URL(unsubscribeUrl as string).pathname;
    // Page B's host does not know page A's unsubscribe secret.
    expect((await app.request(`/status/beta${unsubscribePath}`)).status).toBe(404);
    const confirmUnsub = await app.request(unsubscribePath, { headers: { host: 'status.acme.example' } });
    expect(confirmUnsub.status).toBe(200);
    expect(await confirmUnsub.text()).toContain('Darse de baja');
    expect((await subscriberRow()).status).toBe('confirmed');
    // A mail client's one-click POST carries no Origin.
    const oneClick = await app.request(unsubscribePath, {
      method: 'POST',
      headers: { host: 'status.acme.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await subscriberRow()).status).toBe('unsubscribed');

    t.clock.advance(5 * MIN);
    await resolveIncidentByCheck(t.ctx.db, incidentId, t.clock.now(), t.clock.now());
    expect((await sweep()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  });

  it('refuses cross-origin posts, answers bots like people, validates and limits per IP', async () => {
    await seedTwoPages();
    expect((await post('/status/acme/subscribe', { email: 'x@example.test' }, {})).status).toBe(403);
    expect(
      (await post('/status/acme/subscribe', { email: 'x@example.test' }, { origin: 'https://evil.test' })).status,
    ).toBe(403);
    const bot = await post('/status/acme/subscribe', { email: 'bot@example.test', website: 'http://spam' });
    expect(bot.status).toBe(200);
    expect(await t.ctx.db.selectFrom('status_subscribers').selectAll().execute()).toEqual([]);
    for (let i = 0; i < 10; i++)
      expect((await post('/status/acme/subscribe', { email: 'not-an-address' })).status).toBe(400);
    const limited = await post('/status/acme/subscribe', { email: 'ok@example.test' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(smtp.messages).toHaveLength(0);
  });

  it('subscribes on a custom domain and mails only events after the confirmation', async () => {
    const { monitor } = await seedTwoPages();
    const early = await seedOutage(t.ctx, monitor.id, t.clock.now() - 10 * MIN, null);
    const res = await post(
      '/subscribe',
      { email: 'cd@example.test' },
      { host: 'status.acme.example', origin: 'https://status.acme.example' },
    );
    expect(res.status).toBe(200);
    const token = /\/subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(parseMail(smtp.messages[0]!.raw).text)?.[1] as string;
    expect(parseMail(smtp.messages[0]!.raw).text).toContain('http://status.acme.example/subscribe/confirm/');
    const confirmed = await post(
      `/subscribe/confirm/${token}`,
      {},
      { host: 'status.acme.example', origin: 'https://status.acme.example' },
    );
    expect(confirmed.status).toBe(200);
    t.clock.advance(MIN);
    expect((await sweep()).sent).toBe(0); // the incident began before the subscription
    await resolveIncidentByCheck(t.ctx.db, early, t.clock.now(), t.clock.now());
    expect((await sweep()).sent).toBe(1);
    expect(parseMail(smtp.messages[1]!.raw).headers.get('subject')).toMatch(/^\[Acme status\] Resuelta: /);
  });
});
