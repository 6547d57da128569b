import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../support/test-db.ts';
import { type CliEnv, callApi, createCliEnv, type RunningServer } from './cli-harness.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function clientNamesIn(file: string): string[] {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return copy
      .prepare('SELECT name FROM clients ORDER BY name')
      .all()
      .map((r) => (r as { name: string }).name);
  } finally {
    copy.close();
  }
}

describe.skipIf(testDialect !== 'sqlite')(
  'backup of the embedded database while the server runs',
  { timeout: 120_000 },
  () => {
    let env: CliEnv;
    let server: RunningServer;
    let token: string;

    beforeAll(async () => {
      env = await createCliEnv();
      server = await env.startServer();
      await env.run(['admin', 'create', '--email', 'olga@agency.test', '--password', 'owner-password-1']);
      token = (
        await env.run(['token', 'create', '--email', 'olga@agency.test', '--name', 'backup test'])
      ).stdout.trim();
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await env.close();
    });

    it('copies what the running server has written into one self-contained file that opens', async () => {
      // Written by the server process, so it sits in that process's WAL, not yet in the main file.
      expect((await callApi(server, token, 'POST', '/clients', { name: 'Written by the server' })).status).toBe(201);
      expect(fs.statSync(`${env.sqlitePath}-wal`).size).toBeGreaterThan(0);
      const out = path.join(env.dataDir, 'backup-1.db');
      // The server keeps writing while the copy is taken; the copy must still be whole and consistent.
      const writes = Array.from({ length: 15 }, (_, i) =>
        callApi(server, token, 'POST', '/clients', { name: `Concurrent ${String(i).padStart(2, '0')}` }),
      );
      const [result, ...written] = await Promise.all([env.run(['backup', '--out', out]), ...writes]);
      for (const w of written) expect(w.status).toBe(201);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${out}\n`);
      expect(result.stderr).toMatch(
        /Backed up .*steward\.db to .*backup-1\.db: [\d.]+ KiB \(\d+ bytes\), integrity check passed/,
      );
      const sizeBytes = Number(/\((\d+) bytes\)/.exec(result.stderr)?.[1]);
      expect(fs.statSync(out).size).toBe(sizeBytes);
      expect(fs.existsSync(`${out}-wal`) || fs.existsSync(`${out}-shm`)).toBe(false);
      expect(fs.readdirSync(env.dataDir).filter((f) => f.includes('.partial-'))).toEqual([]);
      const names = clientNamesIn(out);
      expect(names).toContain('Written by the server');
      expect(names.length).toBeLessThanOrEqual(16);

      // The server keeps working after the backup.
      expect((await callApi(server, token, 'GET', '/clients')).status).toBe(200);
    });

    it('refuses to overwrite an existing file unless --force', async () => {
      const out = path.join(env.dataDir, 'backup-2.db');
      fs.writeFileSync(out, 'precious');
      const refused = await env.run(['backup', '--out', out]);
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toBe(`error: ${out} already exists; choose another file or pass --force to replace it\n`);
      expect(fs.readFileSync(out, 'utf8')).toBe('precious');

      expect((await callApi(server, token, 'POST', '/clients', { name: 'Added later' })).status).toBe(201);
      const before = sha256(out);
      const forced = await env.run(['backup', '--out', out, '--force']);
      expect(forced.code).toBe(0);
      expect(sha256(out)).not.toBe(before);
      const names = clientNamesIn(out);
      expect(names).toContain('Added later');
      expect(names).toHaveLength(17);

      const missingDir = await env.run(['backup', '--out', path.join(env.dataDir, 'no', 'such', 'dir', 'b.db')]);
      expect(missingDir).toMatchObject({ code: 1, stdout: '' });
      expect(missingDir.stderr).toContain('does not exist');
    });
  },
);

describe.skipIf(testDialect !== 'postgres')('backup on PostgreSQL', () => {
  let env: CliEnv;
  beforeAll(async () => {
    env = await createCliEnv();
  });
  afterAll(() => env.close());

  it('explains that pg_dump is the tool, and exits non-zero without writing a file', async () => {
    const out = path.join(env.dataDir, 'backup.db');
    const result = await env.run(['backup', '--out', out]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('this Steward uses PostgreSQL');
    expect(result.stderr).toContain('pg_dump');
    expect(fs.existsSync(out)).toBe(false);
  });
});
