import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/storage/database.ts';
import { testDatabaseUrl } from '../support/test-db.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const binPath = path.join(repoRoot, 'bin/steward.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

export type RunningServer = { url: string; stderr(): string; stop(): Promise<number | null> };

/** One Steward installation for CLI tests: a temp data dir, and on PostgreSQL a database of its own. */
export type CliEnv = {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  sqlitePath: string;
  /** Runs `node bin/steward.js …args` as a child process, the way a user would. */
  run(args: string[], options?: { input?: string; env?: Record<string, string> }): Promise<CliResult>;
  /** `steward start` on a free port; resolves once it prints its URL. */
  startServer(args?: string[]): Promise<RunningServer>;
  /** A second handle on the same database, for assertions. */
  openStorage(): Storage;
  close(): Promise<void>;
};

export async function createCliEnv(): Promise<CliEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-cli-'));
  // The config takes a URL only, so PostgreSQL runs get a whole temporary database rather than a schema.
  const database = testDatabaseUrl ? `steward_cli_${randomBytes(5).toString('hex')}` : undefined;
  let databaseUrl: string | undefined;
  if (testDatabaseUrl && database) {
    await adminQuery(`CREATE DATABASE ${database}`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('STEWARD_')),
  );
  Object.assign(baseEnv, { STEWARD_DATA_DIR: dataDir, STEWARD_LOG_LEVEL: 'warn' });
  if (databaseUrl) baseEnv.STEWARD_DATABASE_URL = databaseUrl;
  const servers = new Set<ChildProcess>();

  const spawnCli = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, env: { ...baseEnv, ...extraEnv } });

  return {
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    dataDir,
    sqlitePath: path.join(dataDir, 'steward.db'),
    run(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawnCli(args, options.env);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(options.input ?? '');
      });
    },
    startServer(args = []) {
      return new Promise((resolve, reject) => {
        const child = spawnCli(['start', ...args], { STEWARD_PORT: '0' });
        servers.add(child);
        let stderr = '';
        const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 45_000);
        child.stdout.resume();
        child.stderr.on('data', (d) => {
          stderr += d;
          const url = /running at (http:\/\/\S+)/.exec(stderr)?.[1];
          if (!url) return;
          clearTimeout(timer);
          resolve({
            url,
            stderr: () => stderr,
            stop: async () => {
              child.kill('SIGTERM');
              const code = await exited;
              servers.delete(child);
              return code;
            },
          });
        });
        child.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`server exited with ${code}:\n${stderr}`));
        });
      });
    },
    openStorage() {
      return databaseUrl
        ? openStorage({ kind: 'postgres', url: databaseUrl, poolSize: 2 })
        : openStorage({ kind: 'sqlite', file: path.join(dataDir, 'steward.db') });
    },
    async close() {
      for (const child of servers) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (database) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Calls the running server's REST API with a bearer token. */
export async function callApi(
  server: RunningServer,
  token: string,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/v1${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Signs in to the console with a form post, as a browser would; returns where it redirects (or null). */
export async function signInToConsole(server: RunningServer, email: string, password: string): Promise<string | null> {
  const page = await fetch(`${server.url}/login`, { redirect: 'manual' });
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
  });
  const location = res.status === 303 ? res.headers.get('location') : null;
  return location ? new URL(location, server.url).pathname : null;
}
