/**
 * bench:statuspage — the public status page (20 components, 90 days of history) served by the real
 * web server on loopback, loaded with autocannon, against a static file of the same size served by
 * the same server and port.
 *
 *   npm run bench:statuspage
 *   BENCH_DURATION_S=30 npm run bench:statuspage
 */

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { openStorageFor, prepareStorage } from '../src/bootstrap.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { seedStatusPage } from './statuspage-setup.ts';

const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = [50, 200];
const COMPONENTS = 20;
const DAYS = 90;
const STATIC_PATH = '/__bench/static.html';
const CANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/**
 * The static reference rides on the same HTTP server: node:http's createServer is wrapped in this
 * process only (before startServer creates its server), answering one path with a fixed buffer
 * and handing everything else to Steward. Production code is untouched.
 */
function interceptStaticPath(body: () => Buffer) {
  const original = http.createServer;
  (http as { createServer: unknown }).createServer = (options: http.ServerOptions, listener: http.RequestListener) =>
    original(options, (req, res) => {
      if (req.url !== STATIC_PATH) return listener(req, res);
      const buf = body();
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': buf.length,
        'cache-control': 'public, max-age=15',
        etag: '"static"',
      });
      res.end(buf);
    });
  syncBuiltinESMExports();
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
async function load(url: string, connections: number, seconds: number, warmUp = false) {
  const args = [CANNON, '--json', '--connections', String(connections), '--duration', String(seconds), url];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out) as autocannon.Result;
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  // Requests autocannon gave up on (10 s) are counted, printed and kept in the results rather
  // than hidden: they are the slowest answers, not wrong ones.
  if (result.errors > 0) {
    console.log(`${warmUp ? 'warm-up ' : ''}${url}: ${result.errors} errors (${result.timeouts} timeouts)`);
  }
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
  };
}

async function main() {
  console.log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`);
  console.log(`${COMPONENTS} components, ${DAYS} days of history; ${durationS} s per run`);
  const dir = await mkdtemp(join(tmpdir(), 'steward-bench-status-'));
  try {
    const config = {
      ...loadConfig({ STEWARD_DATA_DIR: dir, STEWARD_LOG_LEVEL: 'silent' }),
      port: 0,
      host: '127.0.0.1',
    };
    const seedStorage = openStorageFor(config);
    const slug = await seedStatusPage(await prepareStorage(seedStorage, systemClock), COMPONENTS, DAYS);
    await seedStorage.close();

    let staticBody = Buffer.alloc(0);
    interceptStaticPath(() => staticBody);
    const server = await startServer(config, { role: 'web', installSignalHandlers: false });
    try {
      const pageUrl = `${server.url}/status/${slug}`;
      const page = await fetch(pageUrl);
      if (page.status !== 200) throw new Error(`status page answered ${page.status}`);
      const html = Buffer.from(await page.arrayBuffer());
      staticBody = Buffer.from(html); // same size, same bytes
      console.log(`page ${pageUrl}: ${html.length} bytes`);

      // Warm-up: JIT, the page cache and the connection pools.
      await load(pageUrl, 50, Math.min(3, durationS), true);
      await load(`${server.url}${STATIC_PATH}`, 50, Math.min(3, durationS), true);

      const runs = [];
      for (const connections of CONNECTIONS) {
        const status = await load(pageUrl, connections, durationS);
        const file = await load(`${server.url}${STATIC_PATH}`, connections, durationS);
        runs.push({
          connections,
          rps: round(status.rps, 0),
          p50Ms: status.p50Ms,
          p99Ms: status.p99Ms,
          maxMs: status.maxMs,
          errors: status.errors,
          staticRps: round(file.rps, 0),
          staticErrors: file.errors,
          ratioToStatic: round(status.rps / file.rps, 3),
        });
      }
      console.table(runs);
      await mkdir('bench/results', { recursive: true });
      const out = { components: COMPONENTS, days: DAYS, durationS, pageBytes: html.length, runs };
      await writeFile('bench/results/statuspage.json', `${JSON.stringify(out, null, 2)}\n`);
      console.log('wrote bench/results/statuspage.json');
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
