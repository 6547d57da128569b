/**
 * CPU cost of one HTTP check: Steward's probe vs a bare undici loop with the same connection policy
 * (a fresh connection per request, no TLS session reuse), against a loopback server in a child
 * process so that only the client's CPU is counted.
 *
 *   npx tsx bench/probe-http.ts                 # plain HTTP
 *   BENCH_TLS=1 npx tsx bench/probe-http.ts     # HTTPS with a test CA
 *   BENCH_CHECKS=2000 BENCH_ROUNDS=5 BENCH_CONCURRENCY=20
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, Client, request } from 'undici';
import { httpProbeConfigSchema, runHttpProbe } from '../src/probes/index.ts';
import { createTestCa, validFor } from '../test/support/loopback/certificates.ts';

const checks = Number(process.env.BENCH_CHECKS ?? 2_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const useTls = process.env.BENCH_TLS === '1';

const SERVER_SCRIPT = `
const tls = process.env.KEY_PEM ? { key: process.env.KEY_PEM, cert: process.env.CERT_PEM } : null;
const handler = (req, res) => res.end('ok: status green');
const server = tls ? require('node:https').createServer(tls, handler) : require('node:http').createServer(handler);
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startServer(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d)))));
  return { port, child };
}

/** Runs `count` calls of `one`, `concurrency` at a time; returns client CPU µs per call. */
async function measure(one: () => Promise<unknown>, count: number): Promise<number> {
  let started = 0;
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < count) {
        started += 1;
        await one();
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return (cpu.user + cpu.system) / count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main() {
  const ca = useTls ? await createTestCa() : null;
  const leaf = ca ? await ca.issue({ commonName: 'localhost', altNames: ['DNS:localhost'], ...validFor(90) }) : null;
  const { port, child } = await startServer(leaf ? { KEY_PEM: leaf.keyPem, CERT_PEM: leaf.certPem } : {});
  const origin = `${useTls ? 'https' : 'http'}://localhost:${port}`;
  const config = httpProbeConfigSchema.parse({ url: `${origin}/health`, ca: ca?.caPem, keyword: { text: 'green' } });
  // The same trust as the probe, built once: `ca` per connection would rebuild a context each time.
  const tlsOptions = ca ? { secureContext: createSecureContext({ ca: [...rootCertificates, ca.caPem] }) } : {};
  const sharedAgent = new Agent({ connect: { ...tlsOptions, maxCachedSessions: 0 } });
  let failures = 0;

  const variants: Record<string, () => Promise<unknown>> = {
    'steward probe': async () => {
      const result = await runHttpProbe(config, { nowMs: Date.now });
      if (result.outcome !== 'up') failures += 1;
    },
    'bare request, shared Agent, reset': async () => {
      const response = await request(`${origin}/health`, { dispatcher: sharedAgent, reset: true });
      await response.body.text();
    },
    'bare request, Client per request': async () => {
      const client = new Client(origin, { connect: { ...tlsOptions, maxCachedSessions: 0 } });
      const response = await client.request({ path: '/health', method: 'GET', reset: true });
      await response.body.text();
      await client.destroy();
    },
  };

  for (const one of Object.values(variants)) await measure(one, Math.min(500, checks));
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(variants);
    if (round % 2) names.reverse();
    for (const name of names) samples[name]!.push(await measure(variants[name]!, checks));
  }

  console.log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`);
  console.log(
    `${useTls ? 'HTTPS' : 'HTTP'} to ${origin}, ${checks} checks x ${rounds} rounds, concurrency ${concurrency}`,
  );
  const probe = median(samples['steward probe']!);
  const rows = Object.entries(samples).map(([name, values]) => ({
    variant: name,
    'cpu µs/check (median)': Math.round(median(values)),
    'min..max': `${Math.round(Math.min(...values))}..${Math.round(Math.max(...values))}`,
    'probe ÷ this': (probe / median(values)).toFixed(2),
  }));
  console.table(rows);
  if (failures > 0) console.log(`probe failures: ${failures} (the figures are not comparable)`);
  const bareShared = median(samples['bare request, shared Agent, reset']!);
  const barePerClient = median(samples['bare request, Client per request']!);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(
    new URL(`./results/probe-http${useTls ? '-tls' : ''}.json`, import.meta.url),
    `${JSON.stringify({ checks, rounds, concurrency, tls: useTls, probeCpuUs: probe, bareSharedAgentCpuUs: bareShared, barePerClientCpuUs: barePerClient, ratioToSharedAgent: probe / bareShared, ratioToPerClient: probe / barePerClient, failures }, null, 2)}\n`,
  );
  child.kill();
  await sharedAgent.close();
  await ca?.dispose();
}

await main();
