import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type TargetKind = 'ok' | 'slow' | 'fail' | 'refused' | 'https';
export type Target = { kind: TargetKind; url: string; host: string };
type Farm = { http: { host: string; port: number }[]; https: { host: string; port: number }[] };

const run = promisify(execFile);

/** The mix every run uses, per 100 monitors: mostly healthy sites, some slow, some down, some HTTPS. */
const MIX: [TargetKind, number][] = [
  ['ok', 82],
  ['slow', 6],
  ['fail', 3],
  ['refused', 1],
  ['https', 8],
];
const SLOW_MS = [300, 800, 1500];

async function selfSignedCertificate(): Promise<{ keyPem: string; certPem: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-bench-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      '/CN=bench.test',
    ]);
    return { keyPem: await readFile(key, 'utf8'), certPem: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts the target farm in a child process; returns its addresses and a stop function. */
export async function startFarm(): Promise<{ farm: Farm; stop: () => void; pid: number }> {
  const { keyPem, certPem } = await selfSignedCertificate();
  const child = spawn(process.execPath, [new URL('./monitoring-farm.mjs', import.meta.url).pathname], {
    env: { ...process.env, KEY_PEM: keyPem, CERT_PEM: certPem },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (d) => {
      buffered += d;
      if (buffered.includes('\n')) resolve(buffered.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`target farm exited with ${code}`)));
  });
  return { farm: JSON.parse(line) as Farm, stop: () => child.kill('SIGTERM'), pid: child.pid! };
}

/** Monitor i's target: the mix above, spread over the farm's hosts. */
export function targetsFor(farm: Farm, count: number): Target[] {
  const kinds: TargetKind[] = MIX.flatMap(([kind, n]) => new Array<TargetKind>(n).fill(kind));
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    if (kind === 'refused') return { kind, url: 'http://127.0.3.1:1/', host: '127.0.3.1' };
    if (kind === 'https') {
      const s = farm.https[i % farm.https.length]!;
      return { kind, url: `https://${s.host}:${s.port}/ok`, host: s.host };
    }
    const s = farm.http[i % farm.http.length]!;
    const path = kind === 'slow' ? `/slow?ms=${SLOW_MS[i % SLOW_MS.length]}` : kind === 'fail' ? '/fail' : '/ok';
    return { kind, url: `http://${s.host}:${s.port}${path}`, host: s.host };
  });
}
