import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createApiToken } from '../../src/domain/users/tokens.ts';
import { createUser } from '../../src/domain/users/users.ts';
import { startServer } from '../../src/main.ts';

// Process lifecycle runs on the embedded database: it is about sockets and signals, not SQL.
const tmpDirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-life-'));
  tmpDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('the server process', () => {
  it('creates ./data on first start, answers /healthz, and logs JSON lines with request ids; SIGTERM exits 0', async () => {
    const dataDir = path.join(tempDataDir(), 'data');
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const child: ChildProcess = spawn(process.execPath, ['bin/steward.js', 'start'], {
      env: { ...process.env, STEWARD_PORT: String(port), STEWARD_DATA_DIR: dataDir, STEWARD_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200, 20_000);
      expect(fs.existsSync(path.join(dataDir, 'steward.db'))).toBe(true);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/clients`, {
        headers: { 'x-request-id': 'trace-me-42' },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-request-id')).toBe('trace-me-42');
      expect(stderr).toContain(`http://127.0.0.1:${port}`);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const request = lines.find((l) => l.requestId === 'trace-me-42');
      expect(request).toMatchObject({ msg: 'request', status: 401, path: '/api/v1/clients' });
      expect(lines.at(-1)?.msg).toBe('stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('finishes a request that is in flight when it is asked to stop, and refuses new connections', async () => {
    const config = loadConfig({ STEWARD_PORT: '0', STEWARD_DATA_DIR: tempDataDir(), STEWARD_LOG_LEVEL: 'silent' });
    const server = await startServer(config, { installSignalHandlers: false });
    const ctx = { db: server.storage.db, clock: { now: () => Date.now() } };
    await createUser(ctx, systemActor, { email: 'a@b.test', password: 'long-enough-pw', role: 'admin' });
    const { token } = await createApiToken(ctx, systemActor, { email: 'a@b.test', name: 't' });
    const { port } = new URL(server.url);

    // Send the headers and half of the body, stop the server, then send the rest.
    const body = JSON.stringify({ name: 'In-flight Ltd' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/clients',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => req.end(body.slice(5)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = server.stop();
    const result = await response;
    await stopped;
    expect(result.status).toBe(201);
    expect(JSON.parse(result.text).name).toBe('In-flight Ltd');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
