import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { notifySubscribers } from '../../src/domain/statuspage/notify-subscribers.ts';
import { translator } from '../../src/i18n/catalog.ts';
import { portalCatalog } from '../../src/i18n/portal.ts';
import { portalAuthCatalog } from '../../src/i18n/portal-auth.ts';
import { statusPageCatalog } from '../../src/i18n/status-page.ts';
import { MIN, SECRET, seedOutage } from '../status/status-fixtures.ts';
import { CHROMIUM, type ClientFacingWorld, linkIn, shots, startClientFacingWorld } from './client-facing-world.ts';

const chromiumMissing = !existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
if (chromiumMissing && !mustRun) {
  console.warn(`Skipping the client-facing browser test: ${CHROMIUM} is missing. CI=true makes this a failure.`);
}

const pt = translator(portalCatalog, 'de'); // Acme's contact reads German
const at = translator(portalAuthCatalog, 'de');
const st = translator(statusPageCatalog, 'fr'); // Acme's status page is French
const STEP_MS = 90_000;

describe.skipIf(chromiumMissing && !mustRun)('client-facing pages in Chromium', () => {
  let w: ClientFacingWorld;
  let contact: Page; // Acme's contact, signed in to the portal in the second test
  let requestPath = '';

  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`CI=true but ${CHROMIUM} is missing; the browser test cannot run`);
    w = await startClientFacingWorld();
  }, 120_000);

  afterAll(async () => {
    await w?.stop();
  });

  it(
    'a visitor subscribes with double opt-in, gets an incident mail, unsubscribes by its link, and hears nothing more',
    async () => {
      const email = 'visitor@example.test';
      const page = await w.newPage('fr-FR');
      page.setDefaultTimeout(10_000);
      await page.goto(`${w.base}/status/acme`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.getByRole('heading', { name: st('subscribeHeading') }).count()).resolves.toBe(1);
      await shots(page, 'status');

      // The seeded news (an update, a maintenance window) dates from before the subscription.
      w.t.clock.advance(MIN);
      const before = w.smtp.messages.length;
      await page.getByLabel(st('subscribeEmailLabel')).fill(email);
      await page.getByRole('button', { name: st('subscribeButton') }).click();
      await expect(page.getByText(st('subscribeSent')).count()).resolves.toBe(1);
      const confirmMail = w.mailsTo(email, before);
      expect(confirmMail).toHaveLength(1);
      const confirmUrl = linkIn(confirmMail[0]!, /http:\/\/127\.0\.0\.1:\d+\/status\/acme\/subscribe\/confirm\/\S+/);

      // Opening the link only asks; the button confirms.
      await page.goto(confirmUrl);
      await expect(page.getByRole('heading', { name: st('confirmHeading') }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: st('confirmButton') }).click();
      await expect(page.getByText(st('confirmDone')).count()).resolves.toBe(1);

      // An incident on a covered monitor, after the confirmation: the sweep mails it once.
      w.t.clock.advance(MIN);
      const incidentId = await seedOutage(w.t.ctx, w.blog.monitor.id, w.t.clock.now(), null);
      w.t.clock.advance(2 * MIN);
      const sweep = () => notifySubscribers(w.t.ctx, { send: w.send, publicUrl: w.base });
      const outcome = await sweep();
      const notices = w.mailsTo(email, before);
      expect(outcome, notices.map((m) => m.headers.get('subject')).join(' | ')).toEqual({ sent: 1, failed: 0 });
      expect(notices).toHaveLength(2);
      const notice = notices[1]!;
      expect(notice.headers.get('subject')).toMatch(/^\[Acme Bakery status\] .*Blog/);
      expect(notice.text).not.toContain(SECRET);
      const unsubscribeUrl = linkIn(notice, /http:\/\/127\.0\.0\.1:\d+\/status\/acme\/unsubscribe\/\S+/);
      expect(notice.headers.get('list-unsubscribe')).toContain(unsubscribeUrl);

      await page.goto(unsubscribeUrl);
      await expect(page.getByRole('heading', { name: st('unsubscribeHeading') }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: st('unsubscribeButton') }).click();
      await expect(page.getByText(st('unsubscribeDone')).count()).resolves.toBe(1);

      // The incident is resolved later: a new event, but no mail for the former subscriber.
      w.t.clock.advance(5 * MIN);
      await resolveIncidentByCheck(w.t.ctx.db, incidentId, w.t.clock.now(), w.t.clock.now());
      expect(await sweep()).toEqual({ sent: 0, failed: 0 });
      expect(w.mailsTo(email, before)).toHaveLength(2);
      await page.context().close();
    },
    STEP_MS,
  );

  it(
    'a contact signs in by e-mail link, browses site and incident, opens a request that staff answer',
    async () => {
      const { acme } = w;
      contact = await w.newPage('de-DE');
      contact.setDefaultTimeout(10_000);
      await contact.goto(`${w.base}/portal`);
      await contact.getByRole('link', { name: at('login.linkInstead') }).click();
      await contact.getByLabel(at('login.email')).fill(acme.contact.email);
      const before = w.smtp.messages.length;
      await contact.getByRole('button', { name: at('link.submit') }).click();
      const signIn = w.mailsTo(acme.contact.email, before);
      expect(signIn).toHaveLength(1);
      await contact.goto(linkIn(signIn[0]!, /http:\/\/127\.0\.0\.1:\d+\/portal\/link\/\S+/));
      await expect(contact.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(at('link.confirmTitle'));
      await contact.getByRole('button', { name: at('link.confirmSubmit') }).click();
      expect(new URL(contact.url()).pathname).toBe('/portal');
      await expect(contact.locator('html').getAttribute('lang')).resolves.toBe('de');
      await expect(contact.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(pt('overview.title'));
      await shots(contact, 'portal-overview');

      await contact.locator(`main a[href="/portal/sites/${acme.site.id}"]`).first().click();
      expect(new URL(contact.url()).pathname).toBe(`/portal/sites/${acme.site.id}`);
      await expect(contact.getByText(pt('site.uptime30d')).count()).resolves.toBeGreaterThan(0);
      await shots(contact, 'portal-site');

      // The open incident falls under the contract (the resolved one began before it was signed).
      await contact.locator(`main a[href="/portal/incidents/${acme.incidents.open}"]`).first().click();
      expect(new URL(contact.url()).pathname).toBe(`/portal/incidents/${acme.incidents.open}`);
      await expect(contact.getByRole('heading', { name: pt('incident.timeline') }).count()).resolves.toBe(1);
      await expect(contact.getByRole('heading', { name: pt('incident.slaHeading') }).count()).resolves.toBe(1);
      await expect(contact.getByText(pt('metric.first_response')).count()).resolves.toBeGreaterThan(0);
      await expect(contact.getByText(pt('incident.noSla')).count()).resolves.toBe(0);
      await expect(contact.getByText(pt('event.acknowledged')).count()).resolves.toBe(1);
      expect(await contact.content()).not.toContain(SECRET);
      await shots(contact, 'portal-incident');

      // A support request through the form: the agency is mailed.
      const subject = 'Das Kontaktformular sendet nichts';
      await contact.goto(`${w.base}/portal/support/new`);
      await contact.getByLabel(pt('support.subject')).fill(subject);
      await contact.getByLabel(pt('support.description')).fill('Seit heute früh kommt keine Nachricht an.');
      await contact.getByLabel(pt('support.site')).selectOption(acme.site.id);
      await contact.getByLabel(pt('support.urgency')).selectOption('high');
      const beforeRequest = w.smtp.messages.length;
      await contact.getByRole('button', { name: pt('support.submit') }).click();
      requestPath = new URL(contact.url()).pathname;
      expect(requestPath).toMatch(/^\/portal\/support\/\w+$/);
      await expect(contact.getByText(pt('support.sent')).count()).resolves.toBe(1);
      expect(w.mailsTo('admin@agency.test', beforeRequest).map((m) => m.text)).toEqual([
        expect.stringContaining(`/admin/support/${requestPath.split('/').pop()}`),
      ]);

      // Staff, in a browser of their own, find and answer it.
      const staff = await w.newPage();
      staff.setDefaultTimeout(10_000);
      await staff.goto(`${w.base}/admin/support`);
      expect(new URL(staff.url()).pathname).toBe('/login');
      await staff.getByLabel('E-mail').fill('admin@agency.test');
      await staff.getByLabel('Password').fill('admin-password-1');
      await staff.getByRole('button', { name: 'Sign in' }).click();
      await staff.waitForURL(`${w.base}/admin/support`);
      await staff.getByRole('link', { name: subject }).click();
      await expect(staff.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(subject);
      const answer = 'Wir haben den Mailversand repariert; bitte noch einmal testen.';
      const beforeReply = w.smtp.messages.length;
      await staff.getByLabel('Message to the contact').fill(answer);
      await staff.getByRole('button', { name: 'Send reply' }).click();
      await expect(staff.getByRole('status').textContent()).resolves.toContain('Reply sent');
      await staff.context().close();

      const replyMail = w.mailsTo(acme.contact.email, beforeReply);
      expect(replyMail).toHaveLength(1);
      expect(replyMail[0]!.text).toContain(answer);
      expect(replyMail[0]!.text).toContain(`${w.base}${requestPath}`);

      await contact.goto(`${w.base}${requestPath}`);
      await expect(contact.getByText(answer).count()).resolves.toBe(1);
      await expect(contact.getByText(pt('supportStatus.answered')).count()).resolves.toBeGreaterThan(0);
      await shots(contact, 'portal-support');
    },
    STEP_MS,
  );

  it(
    "another client's ids give the contact a 404 page, and the portal cookie does not open the console",
    async () => {
      expect(requestPath, 'the contact signed in in the previous test').not.toBe('');
      const { beta } = w;
      for (const path of [
        `/portal/sites/${beta.site.id}`,
        `/portal/incidents/${beta.incidents.open}`,
        `/portal/incidents/${beta.incidents.resolved}`,
        `/portal/support/${beta.request.id}`,
        `/portal/maintenance/${beta.window.id}`,
      ]) {
        const response = await contact.goto(`${w.base}${path}`);
        expect(response?.status(), path).toBe(404);
        await expect(contact.getByText(at('error.notFound')).count(), path).resolves.toBe(1);
        const html = await contact.content();
        expect(html, path).not.toContain('Beta Books');
        expect(html, path).not.toContain(`Help Beta Books`);
      }
      // A reply posted to Beta's request from Acme's signed-in page is refused too.
      const post = await contact.request.post(`${w.base}/portal/support/${beta.request.id}/messages`, {
        form: { body: 'hello' },
      });
      expect([403, 404]).toContain(post.status());

      await contact.goto(`${w.base}/admin`);
      expect(new URL(contact.url()).pathname).toBe('/login');
      await contact.goto(`${w.base}/admin/support`);
      expect(new URL(contact.url()).pathname).toBe('/login');
      expect((await contact.request.get(`${w.base}/api/v1/clients`)).status()).toBe(401);
      // Still signed in to the portal: the staff routes simply did not know this cookie.
      await contact.goto(`${w.base}/portal`);
      expect(new URL(contact.url()).pathname).toBe('/portal');
      await contact.context().close();
    },
    STEP_MS,
  );
});
