import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { startServer } from '../../src/main.ts';
import { startHttpServer } from '../support/loopback/http-server.ts';
import { createHttpMonitor, createSiteFor, resultsOf } from './fixtures.ts';

// Roles on the embedded database: which parts a process runs is about wiring, not SQL.
const dirs: string[] = [];
const configFor = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-roles-'));
  dirs.push(dir);
  return loadConfig({ STEWARD_PORT: '0', STEWARD_DATA_DIR: dir, STEWARD_LOG_LEVEL: 'silent' });
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(ctx: Ctx, url: string) {
  const { siteId } = await createSiteFor(ctx);
  const monitor = await createHttpMonitor(ctx, siteId, url);
  const beat = await createMonitor(ctx, systemActor, { siteId, kind: 'heartbeat', config: { periodS: 60 } });
  await ctx.db.updateTable('monitors').set({ interval_s: 1 }).where('id', '=', monitor.id).execute();
  return { monitorId: monitor.id, token: beat.heartbeatToken! };
}

describe('process roles', () => {
  it('"all" serves HTTP (heartbeat pings included) and runs checks in one process', async () => {
    const target = await startHttpServer((_req, res) => res.end('ok'));
    const config = configFor();
    const running = await startServer(config, { installSignalHandlers: false });
    try {
      const ctx = { db: running.storage.db, clock: systemClock };
      const { monitorId, token } = await seed(ctx, target.url('/'));
      const ping = await fetch(`${running.url}/hb/${token}`, { method: 'POST' });
      expect(ping.status).toBe(200);
      expect(await ping.json()).toEqual({ ok: true });
      for (let i = 0; i < 100 && (await resultsOf(ctx.db, monitorId)).length === 0; i++) await sleep(100);
      expect((await resultsOf(ctx.db, monitorId)).length).toBeGreaterThan(0);
      expect(running.engine).not.toBeNull();
    } finally {
      await running.stop();
      await target.close();
    }
  });

  it('"web" runs no checks and "worker" serves no HTTP', async () => {
    const target = await startHttpServer((_req, res) => res.end('ok'));
    const config = configFor();
    const web = await startServer(config, { role: 'web', installSignalHandlers: false });
    try {
      const ctx = { db: web.storage.db, clock: systemClock };
      const { monitorId } = await seed(ctx, target.url('/'));
      await sleep(2_500);
      expect(web.engine).toBeNull();
      expect(await resultsOf(ctx.db, monitorId)).toEqual([]);
      expect(target.requests).toEqual([]);
    } finally {
      await web.stop();
    }
    const worker = await startServer(config, { role: 'worker', installSignalHandlers: false });
    try {
      expect(worker.url).toBeNull();
      for (let i = 0; i < 100 && target.requests.length === 0; i++) await sleep(100);
      expect(target.requests.length).toBeGreaterThan(0);
    } finally {
      await worker.stop();
      await target.close();
    }
  });
});
