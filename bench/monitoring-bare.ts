import { Client } from 'undici';
import type { BenchMonitor } from './monitoring-setup.ts';

export type BareRound = { requests: number; cpuUsPerRequest: number; failures: number };

/**
 * The reference: the same requests to the same targets at the same times (each monitor at its
 * phase, every interval), made by a bare undici loop with the probe's connection policy (a fresh
 * connection per request, Connection: close), and nothing else: no scheduler heap, no politeness,
 * no evaluation, no database. Its CPU per request is the physical limit Steward is compared with.
 */
export async function runBareLoop(
  monitors: BenchMonitor[],
  intervalMs: number,
  options: { warmupS: number; rounds: number; roundS: number },
): Promise<BareRound[]> {
  const byPhase = [...monitors].sort((a, b) => a.phaseMs - b.phaseMs);
  let completed = 0;
  let failures = 0;
  let inFlight = 0;
  const one = async (m: BenchMonitor) => {
    inFlight += 1;
    const url = new URL(m.target.url);
    const client = new Client(url.origin, {
      connect: { rejectUnauthorized: false, maxCachedSessions: 0 },
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    try {
      const res = await client.request({
        path: url.pathname + url.search,
        method: 'GET',
        headers: { 'user-agent': 'bench-bare/1' },
        reset: true,
      });
      await res.body.dump();
      if (res.statusCode >= 400) failures += 1;
    } catch {
      failures += 1;
    } finally {
      client.close().catch(() => {});
      inFlight -= 1;
      completed += 1;
    }
  };

  // A pacer that wakes every few ms and starts every request whose slot has come.
  const startMs = Date.now();
  let next = 0;
  let cycleStartMs = Math.floor(startMs / intervalMs) * intervalMs;
  while (next < byPhase.length && cycleStartMs + byPhase[next]!.phaseMs < startMs) next += 1;
  let running = true;
  const pace = () => {
    if (!running) return;
    const nowMs = Date.now();
    for (;;) {
      const m = byPhase[next];
      const dueMs = m ? cycleStartMs + m.phaseMs : cycleStartMs + intervalMs;
      if (dueMs > nowMs) break;
      if (!m) {
        cycleStartMs += intervalMs;
        next = 0;
        continue;
      }
      void one(m);
      next += 1;
    }
    setTimeout(pace, 2);
  };
  pace();

  const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
  await sleep(options.warmupS);
  const rounds: BareRound[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const cpu0 = process.cpuUsage();
    const done0 = completed;
    const failed0 = failures;
    await sleep(options.roundS);
    const cpu = process.cpuUsage(cpu0);
    const requests = completed - done0;
    rounds.push({ requests, cpuUsPerRequest: (cpu.user + cpu.system) / requests, failures: failures - failed0 });
  }
  running = false;
  for (let waited = 0; inFlight > 0 && waited < 150; waited++) await sleep(0.1);
  return rounds;
}

/** Runs the reference in its own process, so its heap and CPU never mix with Steward's. */
export async function runBareLoopInChild(
  monitors: BenchMonitor[],
  intervalMs: number,
  options: { warmupS: number; rounds: number; roundS: number },
): Promise<{ rounds: BareRound[]; peakRssMb: number }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify({ monitors, intervalMs, options }));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bare loop exited with ${code}`);
  return JSON.parse(out);
}

if (process.argv.includes('--child')) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { monitors, intervalMs, options } = JSON.parse(input);
  const rounds = await runBareLoop(monitors, intervalMs, options);
  // ru_maxrss is in kilobytes on Linux.
  process.stdout.write(JSON.stringify({ rounds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
