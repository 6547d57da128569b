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
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { seedLivedInPage } from './status-page-world.ts';

const CHROMIUM = '/usr/bin/chromium';
const chromiumMissing = !existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
const HOSTS = { en: 'status.northwind.example', es: 'estado.panaderia.example' };

describe.skipIf(chromiumMissing && !mustRun)('public status page in Chromium, on a custom host', () => {
  let db: TestDb;
  let server: ReturnType<typeof serve>;
  let port: number;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    db = await createTestDb();
    await seedLivedInPage(db.ctx, {
      name: 'Northwind Traders',
      slug: 'northwind',
      host: HOSTS.en,
      language: 'en',
      names: [
        'Online shop',
        'Blog',
        'Order API',
        'Orders are failing; we are on it.',
        'Order API unavailable',
        'Database upgrade',
      ],
    });
    await seedLivedInPage(db.ctx, {
      name: 'Panadería Sol',
      slug: 'panaderia',
      host: HOSTS.es,
      language: 'es',
      names: [
        'Tienda online',
        'Blog',
        'Pedidos',
        'Los pedidos fallan; estamos en ello.',
        'Pedidos no disponibles',
        'Actualización del servidor',
      ],
    });
    const app = createApp({ ctx: db.ctx, logger: pino({ level: 'silent' }) });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
    profileDir = await mkdtemp(path.join(tmpdir(), 'steward-status-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
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
        // The custom domains resolve to the test server: the browser sends them as Host.
        `--host-resolver-rules=MAP ${HOSTS.en} 127.0.0.1, MAP ${HOSTS.es} 127.0.0.1`,
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    await db?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  async function shots(name: string) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `/tmp/statuspage-${name}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `/tmp/statuspage-${name}-390.png`, fullPage: true });
    // Nothing may stick out sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('shows the English page at the root of its domain', async () => {
    await page.goto(`http://${HOSTS.en}:${port}/`);
    await expect(page.title()).resolves.toBe('Northwind Traders');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Northwind Traders');
    await expect(page.locator('#overall').textContent()).resolves.toBe('Partial outage');
    await expect(page.getByRole('main').getByRole('link', { name: 'Order API unavailable' }).count()).resolves.toBe(1);
    await expect(page.getByRole('list', { name: 'Daily uptime of Online shop, last 90 days' }).count()).resolves.toBe(
      1,
    );
    expect(await page.locator('script').count()).toBe(0);
    // The first notable day takes focus and shows its figures.
    const bar = page.locator('.bars li[tabindex="0"]').first();
    await bar.focus();
    await expect(bar.getAttribute('data-tip')).resolves.toMatch(/uptime/);
    await shots('en');
    await bar.focus();
    await page.waitForTimeout(300); // the tooltip fades in
    await page.screenshot({ path: '/tmp/statuspage-en-tooltip.png', clip: { x: 0, y: 0, width: 1280, height: 900 } });
  });

  it('shows the Spanish page on its own domain, and an incident page', async () => {
    await page.goto(`http://${HOSTS.es}:${port}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('#overall').textContent()).resolves.toBe('Interrupción parcial');
    await expect(page.getByRole('heading', { name: 'Incidencias en curso' }).count()).resolves.toBe(1);
    await shots('es');
    await page.getByRole('link', { name: 'Pedidos no disponibles' }).first().click();
    await expect(page.getByRole('heading', { name: 'Novedades' }).count()).resolves.toBe(1);
    expect(new URL(page.url()).pathname).toMatch(/^\/incidents\/inc-[0-9a-f]{24}$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/statuspage-es-incident-390.png', fullPage: true });
  });

  it('serves feeds that parse as XML', async () => {
    await page.goto('about:blank');
    for (const feed of ['feed.atom', 'feed.rss']) {
      const text = await (await fetch(`http://127.0.0.1:${port}/status/northwind/${feed}`)).text();
      const result = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.nodeName,
          entries: doc.getElementsByTagName('entry').length + doc.getElementsByTagName('item').length,
        };
      }, text);
      expect(result.errors, feed).toBe(0);
      expect(result.root).toBe(feed === 'feed.atom' ? 'feed' : 'rss');
      expect(result.entries).toBeGreaterThan(3);
    }
  });
});
