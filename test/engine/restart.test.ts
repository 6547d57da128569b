import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStorage } from '../../src/bootstrap.ts';
import { systemClock } from '../../src/clock.ts';
import type { Ctx } from '../../src/domain/context.ts';
import { openStorage, type Storage } from '../../src/storage/database.ts';
import { type LoopbackHttpServer, startHttpServer } from '../support/loopback/http-server.ts';
import { testDatabaseUrl } from '../support/test-db.ts';
import { createHttpMonitor, createSiteFor, incidentsOf, resultsOf } from './fixtures.ts';

// The real worker process (`steward start --role worker`) on a file database (SQLite, or a
// PostgreSQL schema with STEWARD_TEST_DATABASE_URL), killed and restarted while checks are due.

const INTERVAL_S = 2;
const SLOW_MS = 1_200;

let dir: string;
let storage: Storage;
let ctx: Ctx;
let workerEnv: Record<string, string>;
let dropSchema = async () => {};
let server: LoopbackHttpServer;
let downStatus = 500;
/** Requests to the slow path that have arrived and not been answered yet. */
const slowInFlight = new Set<number>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-restart-'));
  workerEnv = { STEWARD_DATA_DIR: dir, STEWARD_LOG_LEVEL: 'warn', STEWARD_DATABASE_URL: '' };
  if (testDatabaseUrl) {
    const schema = `restart_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    workerEnv.STEWARD_DATABASE_URL = url.toString();
    storage = openStorage({ kind: 'postgres', url: testDatabaseUrl, schema, poolSize: 2 });
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: testDatabaseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  } else {
    storage = openStorage({ kind: 'sqlite', file: path.join(dir, 'steward.db') });
  }
  ctx = await prepareStorage(storage, systemClock);
  server = await startHttpServer((req, res) => {
    if (req.url === '/down') {
      res.statusCode = downStatus;
      res.end('x');
      return;
    }
    const at = Date.now();
    slowInFlight.add(at);
    setTimeout(() => {
      slowInFlight.delete(at);
      res.end('slow but fine');
    }, SLOW_MS);
  });
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
  await dropSchema();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Worker = { child: ChildProcess; readyAtMs: number; exited: Promise<number | null> };

async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ['bin/steward.js', 'start', '--role', 'worker'], {
    env: { ...process.env, ...workerEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${stderr}`)), 30_000);
    child.stderr?.on('data', (d) => {
      stderr += d;
      if (stderr.includes('worker is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${stderr}`)));
  });
  return { child, readyAtMs: Date.now(), exited };
}

async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('restart safety of the worker process', () => {
  it('loses nothing and duplicates nothing across a kill, a restart and a graceful stop', async () => {
    const { siteId } = await createSiteFor(ctx);
    const down = await createHttpMonitor(ctx, siteId, server.url('/down'));
    const slow = await createHttpMonitor(ctx, siteId, server.url('/slow'));
    // Faster than any plan allows, so the test runs in seconds; the engine takes the stored value.
    await storage.db.updateTable('monitors').set({ interval_s: INTERVAL_S }).execute();

    // 1. Run until the outage is an incident and the healthy monitor has a history; then kill -9.
    const first = await startWorker();
    const [incident] = await waitFor(async () => {
      const open = await incidentsOf(storage.db, down.id);
      return open.length > 0 && (await resultsOf(storage.db, slow.id)).length >= 3 && open;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const before = await storage.db.selectFrom('check_results').selectAll().execute();

    // 2. Restart: every stored result is still there, the open incident is the same one, checks resume.
    const second = await startWorker();
    const resumed = await waitFor(async () => {
      const rows = await resultsOf(storage.db, slow.id);
      return rows.find((r) => r.started_at >= second.readyAtMs);
    });
    expect(resumed.started_at - second.readyAtMs).toBeLessThanOrEqual(INTERVAL_S * 1000 + 500);
    await waitFor(async () => (await resultsOf(storage.db, down.id)).some((r) => r.started_at >= second.readyAtMs));
    const after = await storage.db.selectFrom('check_results').selectAll().execute();
    const key = (r: (typeof before)[number]) => `${r.monitor_id}|${r.started_at}|${r.location}`;
    const afterKeys = new Set(after.map(key));
    expect(before.filter((r) => !afterKeys.has(key(r)))).toEqual([]);
    expect(await incidentsOf(storage.db, down.id)).toMatchObject([{ id: incident!.id, status: 'open' }]);

    // 3. Graceful stop while a slow check is in flight: it finishes and its result is written.
    await waitFor(async () => slowInFlight.size > 0 && true);
    const inFlightSinceMs = Math.min(...slowInFlight);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const slowRows = await resultsOf(storage.db, slow.id);
    expect(slowRows.some((r) => Math.abs(r.started_at - inFlightSinceMs) < 500 && r.total_ms >= SLOW_MS - 100)).toBe(
      true,
    );

    // 4. The site recovers while no worker runs; the next worker resolves the same incident, once.
    downStatus = 200;
    const third = await startWorker();
    await waitFor(async () => (await incidentsOf(storage.db, down.id))[0]?.status === 'resolved');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    const incidents = await incidentsOf(storage.db, down.id);
    expect(incidents).toHaveLength(1);
    const events = await storage.db
      .selectFrom('incident_events')
      .select('kind')
      .where('incident_id', '=', incident!.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['opened', 'resolved']);
    const keys = (await storage.db.selectFrom('check_results').selectAll().execute()).map(key);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);
});
