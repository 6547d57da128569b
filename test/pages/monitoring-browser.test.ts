import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createAlertChannel } from '../../src/domain/alerts/channels.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { addIncidentNote } from '../../src/domain/incidents/incident-actions.ts';
import { createFirstOwner } from '../../src/domain/users/users.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { startServer } from '../../src/main.ts';
import { createScratchDatabase, type ScratchDatabase } from '../browser/scratch-database.ts';
import { seedShowcase } from './monitoring-fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');
const chromiumMissing = !existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
const OWNER = { name: 'Olga Owner', email: 'olga@agency.example', password: 'a-long-owner-password' };

describe.skipIf(chromiumMissing && !mustRun)('monitoring console in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let profileDir: string;
  let scratch: ScratchDatabase | undefined;
  let seed: Awaited<ReturnType<typeof seedShowcase>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'steward-mon-data-'));
    profileDir = await mkdtemp(path.join(tmpdir(), 'steward-mon-profile-'));
    scratch = await createScratchDatabase(process.env.STEWARD_TEST_DATABASE_URL);
    const config = loadConfig({
      STEWARD_DATA_DIR: dataDir,
      STEWARD_PORT: '0',
      STEWARD_LOG_LEVEL: 'silent',
      ...(scratch && { STEWARD_DATABASE_URL: scratch.url }),
    });
    // Web only: the check engine would probe the made-up sites and change the data under the camera.
    server = await startServer(config, { role: 'web', installSignalHandlers: false });
    const ctx = { db: server.storage.db, clock: systemClock };
    await createFirstOwner(ctx, OWNER);
    seed = await seedShowcase(ctx);
    await addIncidentNote(ctx, { kind: 'system' }, seed.openIncidentId, {
      text: 'Host says the mail relay is being restarted.',
    });
    // Alerts for the open incident: one e-mail stored (no SMTP here), one webhook that keeps failing.
    await createAlertChannel(ctx, { kind: 'system' }, { kind: 'email', addresses: 'oncall@agency.example' });
    await createAlertChannel(ctx, { kind: 'system' }, { kind: 'webhook', url: 'http://127.0.0.1:9/hook' });
    await enqueueAlertsFor(ctx, { kind: 'down', incidentId: seed.openIncidentId, atMs: Date.now() });
    const senders = createAlertSenders({ smtpUrl: undefined, mailFrom: 'steward@agency.example' }, 2000);
    await deliverDueAlerts(ctx, { senders });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await mkdir(RESULTS_DIR, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, name), fullPage: true });

  it('shows the monitors list, a monitor with its chart, an incident and the refused interval', async () => {
    await page.goto(`${server.url}/admin/monitors`);
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/admin/monitors`);
    const rows = page.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(6);
    await expect(rows.first().textContent()).resolves.toContain('Mail server'); // down first
    await expect(page.locator('svg.sparkline').count()).resolves.toBe(4);
    await shot('monitors-list.png');

    await page.getByRole('link', { name: 'Shop home page' }).click();
    await page.waitForURL(`${server.url}/admin/monitors/${seed.home.id}`);
    await expect(page.locator('figure.chart svg rect').count()).resolves.toBeGreaterThan(100);
    await expect(page.getByRole('heading', { name: 'Check log' }).isVisible()).resolves.toBe(true);
    await shot('monitor-detail.png');
    await page.getByRole('link', { name: '7 days' }).click();
    await expect(page.locator('figure.chart').textContent()).resolves.toContain('p95');
    await shot('monitor-detail-7d.png');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'Mail server' }).click();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Acknowledged');
    await shot('incident.png');

    await page.goto(`${server.url}/admin/incidents`);
    await expect(page.locator('table tbody tr').count()).resolves.toBe(2);
    await shot('incidents-list.png');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await expect(page.locator('table').textContent()).resolves.toContain('pending');
    await page.locator('details summary').first().click();
    await shot('outbox.png');

    await page.goto(`${server.url}/admin/maintenance?client=${seed.client.id}`);
    const form = page.locator('form#new-maintenance');
    await form.getByLabel('Title').fill('Weekly updates');
    await form.getByLabel('Every week').check();
    await form.getByLabel('Sun').check();
    await form.getByLabel('Weekly: start time').fill('03:00');
    await form.getByLabel('Weekly: minutes').fill('60');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.locator('table').textContent()).resolves.toContain('Every Sun at 03:00 for 60 min');
    await shot('maintenance.png');

    await page.goto(`${server.url}/admin/monitors/new?kind=tcp`);
    await page.getByLabel('Site').selectOption(seed.site.id);
    await page.getByLabel('Port').fill('22');
    await page.getByLabel('Check every (seconds)').fill('30');
    await page.getByRole('button', { name: 'Add monitor' }).click();
    await expect(page.locator('.field.has-error').textContent()).resolves.toContain('need the Premium plan');
    await shot('monitor-form-refused.png');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/monitors`);
    await shot('monitors-list-390.png');
  }, 120_000);
});
