/**
 * bench:monitoring — Steward's scheduler, checks and result writer against a farm of loopback
 * targets (in a child process), compared with a bare undici loop making the same requests.
 *
 *   npm run bench:monitoring
 *   BENCH_MONITORS=2000 BENCH_INTERVAL_S=30 BENCH_DURATION_S=60 npm run bench:monitoring
 *   BENCH_BARE_S (reference run length, default min(duration, 60))
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createEngine } from '../src/engine/engine.ts';
import { runBareLoopInChild } from './monitoring-bare.ts';
import { countCoverage } from './monitoring-missing.ts';
import { createBenchDb } from './monitoring-setup.ts';
import { startFarm, targetsFor } from './monitoring-targets.ts';

const monitorCount = Number(process.env.BENCH_MONITORS ?? 10_000);
const intervalS = Number(process.env.BENCH_INTERVAL_S ?? 30);
const durationS = Number(process.env.BENCH_DURATION_S ?? 180);
const bareS = Number(process.env.BENCH_BARE_S ?? Math.min(durationS, 60));
const intervalMs = intervalS * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function main() {
  const config = loadConfig();
  console.log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`);
  console.log(`${monitorCount} monitors every ${intervalS} s for ${durationS} s; reference ${bareS} s`);
  const farm = await startFarm();
  const dir = await mkdtemp(join(tmpdir(), 'steward-bench-'));
  try {
    const targets = targetsFor(farm.farm, monitorCount);
    const { storage, monitors } = await createBenchDb(join(dir, 'steward.db'), targets, intervalS);
    targets.length = 0;

    // Reference first: the same requests at the same rate, bare undici, in a process of its own.
    const bareWarmupS = Math.min(intervalS, Math.round(bareS / 4));
    const bare = await runBareLoopInChild(monitors, intervalMs, {
      warmupS: bareWarmupS,
      rounds: 3,
      roundS: (bareS - bareWarmupS) / 3,
    });
    const bareRounds = bare.rounds;
    // Steward's process should hold Steward, not the benchmark's own list of 10 000 targets.
    monitors.length = 0;

    // Steward: the real engine on the embedded database.
    let peakRss = 0;
    const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const engine = createEngine({
      db: storage.db,
      checkConcurrency: config.checkConcurrency,
      checksPerHost: config.checksPerHost,
      location: 'bench',
      logger: pino({ level: 'warn' }, pino.destination(2)),
    });
    const verbose = process.env.BENCH_VERBOSE
      ? setInterval(() => printProgress(engine.stats(), loopDelay), 5_000)
      : null;
    const startMs = Date.now();
    await engine.start();
    const readyMs = Date.now();
    const loadMs = readyMs - startMs;
    // The first interval is the warm-up (JIT, first checks of every monitor, incidents of the
    // failing ones); its lag is reported apart from the steady state.
    const warmupS = Math.min(intervalS, durationS / 3);
    await sleep(warmupS * 1000);
    const warmup = engine.stats();
    engine.resetLag();
    loopDelay.reset();
    const measureFromMs = Date.now();
    const roundCount = Math.max(1, Math.round((durationS - warmupS) / Math.min(intervalS, 30)));
    const roundMs = ((durationS - warmupS) * 1000) / roundCount;
    const rounds: { checks: number; cpuUsPerCheck: number; rows: number }[] = [];
    for (let r = 0; r < roundCount; r++) {
      const cpu0 = process.cpuUsage();
      const before = engine.stats();
      await sleep(roundMs);
      const cpu = process.cpuUsage(cpu0);
      const after = engine.stats();
      const checks = after.checksCompleted - before.checksCompleted;
      rounds.push({
        checks,
        cpuUsPerCheck: (cpu.user + cpu.system) / checks,
        rows: after.rowsWritten - before.rowsWritten,
      });
    }
    const measureToMs = Date.now();
    const stats = engine.stats();
    const stopCalledMs = Date.now();
    await engine.stop();
    const stopMs = Date.now();
    clearInterval(rssSampler);
    if (verbose) clearInterval(verbose);
    loopDelay.disable();

    // Every slot due while the engine was running (from the end of its start-up load; the last
    // 2 s before the stop may still be on their way).
    const coverage = await countCoverage(storage.db, intervalMs, readyMs, stopCalledMs - 2_000);
    if (coverage.examples.length > 0) console.log('missing slots, e.g.:', coverage.examples);
    const scheduledInWindow = await storage.db
      .selectFrom('check_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_confirmation', '=', 0)
      .where('started_at', '>=', measureFromMs)
      .where('started_at', '<', measureToMs)
      .executeTakeFirstOrThrow();
    await storage.close();

    const windowS = (measureToMs - measureFromMs) / 1000;
    const stewardCpuUs = median(rounds.map((r) => r.cpuUsPerCheck));
    const bareCpuUs = median(bareRounds.map((r) => r.cpuUsPerRequest));
    const result = {
      monitors: monitorCount,
      intervalS,
      durationS,
      checksPerS: round(Number(scheduledInWindow.n) / windowS, 1),
      scheduledPerS: round(monitorCount / intervalS, 1),
      lagP50Ms: round(stats.lagP50Ms, 1),
      lagP99Ms: round(stats.lagP99Ms, 1),
      lagMaxMs: round(stats.lagMaxMs, 1),
      warmupLagP99Ms: round(warmup.lagP99Ms, 1),
      warmupLagMaxMs: round(warmup.lagMaxMs, 1),
      cpuPerCheckRatio: round(stewardCpuUs / bareCpuUs, 3),
      cpuSecondsPer1000Checks: round(stewardCpuUs / 1000, 3),
      bareCpuSecondsPer1000Checks: round(bareCpuUs / 1000, 3),
      cpuPerCheckRounds: rounds.map((r) => round(r.cpuUsPerCheck / 1000, 3)),
      bareCpuPerCheckRounds: bareRounds.map((r) => round(r.cpuUsPerRequest / 1000, 3)),
      peakRssMb: mb(peakRss),
      barePeakRssMb: round(bare.peakRssMb, 1),
      resultsWrittenPerS: round(rounds.reduce((s, r) => s + r.rows, 0) / windowS, 1),
      missing: coverage.missing,
      dueSlots: coverage.dueSlots,
      duplicates: coverage.duplicates,
      confirmations: coverage.confirmations,
      skippedBusy: stats.skippedBusy,
      skippedSlots: stats.skippedSlots,
      eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6, 1),
      loadMs,
      stopMs: stopMs - stopCalledMs,
      machine: { cores: availableParallelism(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown' },
    };
    printTable(result);
    const out = new URL('./results/', import.meta.url);
    await mkdir(out, { recursive: true });
    await writeFile(new URL('monitoring.json', out), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    farm.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** BENCH_VERBOSE=1: one line every 5 s, to see where lag or memory comes from. */
function printProgress(stats: ReturnType<ReturnType<typeof createEngine>['stats']>, loopDelay: { max: number }) {
  const mem = process.memoryUsage();
  console.log(
    `rss ${mb(mem.rss)} heap ${mb(mem.heapUsed)}/${mb(mem.heapTotal)} inFlight ${stats.inFlight} queued ${stats.queued} ` +
      `done ${stats.checksCompleted} lag p99 ${round(stats.lagP99Ms)} max ${round(stats.lagMaxMs)} loop max ${round(loopDelay.max / 1e6)}`,
  );
}

function printTable(r: Record<string, unknown> & { [k: string]: any }) {
  const target = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.table([
    { metric: 'checks/s achieved (scheduled)', value: `${r.checksPerS} (${r.scheduledPerS})`, target: '' },
    { metric: 'warm-up lag p99 / max (ms)', value: `${r.warmupLagP99Ms} / ${r.warmupLagMaxMs}`, target: '' },
    {
      metric: 'lag p50 / p99 / max (ms)',
      value: `${r.lagP50Ms} / ${r.lagP99Ms} / ${r.lagMaxMs}`,
      target: `p99 < 1000: ${target(r.lagP99Ms < 1000)}`,
    },
    {
      metric: 'CPU s per 1000 checks (bare loop)',
      value: `${r.cpuSecondsPer1000Checks} (${r.bareCpuSecondsPer1000Checks})`,
      target: '',
    },
    {
      metric: 'CPU per check ÷ bare loop',
      value: r.cpuPerCheckRatio,
      target: `≤ 1.5: ${target(r.cpuPerCheckRatio <= 1.5)}`,
    },
    {
      metric: 'peak RSS MB (bare loop process)',
      value: `${r.peakRssMb} (${r.barePeakRssMb})`,
      target: `< 300: ${target(r.peakRssMb < 300)}`,
    },
    { metric: 'results written/s', value: r.resultsWrittenPerS, target: '' },
    {
      metric: 'missing (of due slots)',
      value: `${r.missing} (of ${r.dueSlots})`,
      target: `0: ${target(r.missing === 0)}`,
    },
    { metric: 'event loop delay p99 (ms)', value: r.eventLoopDelayP99Ms, target: '' },
  ]);
  console.log('CPU s/1000 checks per round: steward', r.cpuPerCheckRounds, 'bare', r.bareCpuPerCheckRounds);
}

await main();
