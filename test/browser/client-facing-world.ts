import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { inviteContactToPortal } from '../../src/domain/portal/invite-contact.ts';
import { addStatusPageComponent } from '../../src/domain/statuspage/add-component.ts';
import { createApp } from '../../src/http/app.ts';
import { createMailSender } from '../../src/integrations/mail/mail-sender.ts';
import { type ParsedMail, parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { seedPortalClient } from '../portal/content-world.ts';
import { DAY, seedPage, seedSite } from '../status/status-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The client-facing world on a real HTTP server with real SMTP: Acme (German-speaking contact,
 * French status page) and Beta, whose ids Acme's contact must never open. Staff users come from
 * createTestApp (admin@agency.test / admin-password-1).
 */
export async function startClientFacingWorld() {
  const smtp = await startSmtpReceiver();
  const t: TestApp = await createTestApp();
  const acme = await seedPortalClient(t, { name: 'Acme Bakery', language: 'de' });
  const beta = await seedPortalClient(t, { name: 'Beta Books', language: 'en' });
  const status = await seedPage(t.ctx, acme.client.id, acme.site.id, {
    slug: 'acme',
    title: 'Acme Bakery status',
    language: 'fr',
    componentName: 'Boutique en ligne',
  });
  // A second covered site whose monitor is free to open a fresh incident during the test.
  const blog = await seedSite(t.ctx, acme.client.id, { host: 'blog.acme.example', ageMs: 20 * DAY });
  await addStatusPageComponent(t.ctx, systemActor, status.page.id, { siteId: blog.site.id, displayName: 'Blog' });
  const mail = createMailSender({ smtpUrl: smtp.url, from: 'steward@agency.test', timeoutMs: 5000 });
  // The public URL must name the server's own port (links in mails): the app is made once it listens.
  let app: ReturnType<typeof createApp> | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (req) => (app as ReturnType<typeof createApp>).fetch(req), port: 0, hostname: '127.0.0.1' },
      () => resolve(s),
    );
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createApp({ ctx: t.ctx, logger: pino({ level: 'silent' }), publicUrl: base, sendMail: mail.sendMail });
  await inviteContactToPortal(t.ctx, systemActor, mail.sendMail, {
    clientId: acme.client.id,
    contactId: acme.contact.id,
    baseUrl: base,
  });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    t,
    smtp,
    send: mail.sendMail,
    base,
    acme,
    beta,
    status,
    blog,
    browser,
    /** Each visitor (contact, staff, status page reader) gets a cookie jar of their own. */
    async newPage(locale = 'en-GB'): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
      return context.newPage();
    },
    /** The mails received since `from` (an index into smtp.messages) sent to `to`. */
    mailsTo(to: string, from = 0): ParsedMail[] {
      return smtp.messages
        .slice(from)
        .filter((m) => m.to.includes(to))
        .map((m) => parseMail(m.raw));
    },
    async stop() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await smtp.close();
      await t.close();
    },
  };
}

export type ClientFacingWorld = Awaited<ReturnType<typeof startClientFacingWorld>>;

/** Full-page screenshots at desktop and phone widths; nothing may stick out sideways on the phone. */
export async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `/tmp/client-facing-${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The one URL in a mail's text that matches `pattern`. */
export function linkIn(mail: ParsedMail, pattern: RegExp): string {
  const found = pattern.exec(mail.text)?.[0];
  if (!found) throw new Error(`no link like ${pattern} in: ${mail.text}`);
  return found;
}
