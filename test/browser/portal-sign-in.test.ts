import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { createMailSender } from '../../src/integrations/mail/mail-sender.ts';
import { parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { createPortalWorld, type PortalWorld } from '../portal/portal-world.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const chromiumMissing = !existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';

describe.skipIf(chromiumMissing && !mustRun)('client portal sign-in in Chromium', () => {
  let t: TestApp;
  let w: PortalWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let server: ReturnType<typeof serve>;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp();
    w = await createPortalWorld(t);
    const mail = createMailSender({ smtpUrl: smtp.url, from: 'portal@agency.test', timeoutMs: 5000 });
    const app = createApp({ ctx: t.ctx, logger: pino({ level: 'silent' }), sendMail: mail.sendMail });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Staff invite Ana (Spanish); the invitation itself goes through SMTP too.
    const invited = await app.request(`/api/v1/clients/${w.acme.clientId}/contacts/${w.acme.contactId}/portal-invite`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.technician}` },
    });
    expect(invited.status).toBe(201);
    profileDir = await mkdtemp(path.join(tmpdir(), 'steward-portal-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
      locale: 'es-ES',
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    await smtp?.close();
    await t?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  async function shots(name: string) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: `/tmp/portal-${name}-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('signs Ana in by an e-mail link and lands on /portal, in Spanish', async () => {
    await page.goto(`${base}/portal`);
    expect(new URL(page.url()).pathname).toBe('/portal/login');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await shots('login');
    await page.getByRole('link', { name: 'Enviarme un enlace de acceso' }).click();
    await page.getByLabel('Correo electrónico').fill('ana@acme.test');
    const before = smtp.messages.length;
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Si la dirección está registrada');
    expect(smtp.messages.length).toBe(before + 1);
    const mail = parseMail(smtp.messages[before]?.raw ?? '');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/portal\/link\/\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();

    await page.goto(link as string);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Continuar al portal');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expect(page.getByText('Sesión de Ana Ruiz, Acme Bakery').count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['Resumen', 'Incidencias', 'SLA', 'Plan', 'Soporte'],
    );
    expect(await page.locator('script').count()).toBe(0);
    await shots('home');

    // The link was used up; signing out ends the session.
    await page.goto(link as string);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Algo ha fallado');
    await page.goto(`${base}/portal`);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    expect(new URL(page.url()).pathname).toBe('/portal/login');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Has cerrado la sesión.');
  });
});
