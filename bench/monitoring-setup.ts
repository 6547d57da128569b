import { prepareStorage } from '../src/bootstrap.ts';
import { createClient } from '../src/domain/clients/clients.ts';
import { systemActor } from '../src/domain/context.ts';
import { parseMonitorConfig } from '../src/domain/monitoring/monitors.ts';
import { phaseMs } from '../src/domain/monitoring/schedule.ts';
import { createSite } from '../src/domain/sites/sites.ts';
import { newId } from '../src/ids.ts';
import { openStorage, type Storage } from '../src/storage/database.ts';
import type { MonitorsTable } from '../src/storage/schema.ts';
import type { Target } from './monitoring-targets.ts';

export type BenchMonitor = { id: string; target: Target; phaseMs: number };

/**
 * A fresh embedded database with one client, one site and a monitor per target. Rows are
 * inserted directly in batches (creating 10 000 through the use case would only slow the setup);
 * configs still go through the same parser as createMonitor, so they carry the same defaults.
 */
export async function createBenchDb(file: string, targets: Target[], intervalS: number) {
  const storage: Storage = openStorage({ kind: 'sqlite', file });
  const ctx = await prepareStorage(storage);
  const client = await createClient(ctx, systemActor, { name: 'Bench Agency Client' });
  const site = await createSite(ctx, systemActor, { clientId: client.id, url: 'https://bench.example' });
  const nowMs = Date.now();
  const monitors: BenchMonitor[] = [];
  const rows: MonitorsTable[] = targets.map((target, i) => {
    const id = newId('mon');
    monitors.push({ id, target, phaseMs: phaseMs(id, intervalS * 1000) });
    const config = parseMonitorConfig('http', {
      url: target.url,
      timeoutMs: 10_000,
      verifyTls: target.kind !== 'https',
    });
    return {
      id,
      site_id: site.id,
      kind: 'http',
      name: `bench ${i} (${target.kind})`,
      config: JSON.stringify(config),
      interval_s: intervalS,
      failure_threshold: 2,
      recovery_threshold: 1,
      flap_grace_s: 300,
      enabled: 1,
      status: 'unknown',
      consecutive_failures: 0,
      consecutive_successes: 0,
      streak_since: null,
      last_check_at: null,
      last_total_ms: null,
      last_error_class: null,
      heartbeat_token_hash: null,
      last_ping_at: null,
      created_at: nowMs,
      updated_at: nowMs,
      archived_at: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await storage.db
      .insertInto('monitors')
      .values(rows.slice(i, i + 500))
      .execute();
  return { storage, monitors };
}
