import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with SQLite in ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, trustProxy: false });
    expect(c.sqlitePath).toBe(path.resolve('data', 'steward.db'));
  });

  it('switches to PostgreSQL with STEWARD_DATABASE_URL and treats empty variables as unset', () => {
    expect(loadConfig({ STEWARD_DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe('postgres://u@h:5432/db');
    expect(loadConfig({ STEWARD_DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ STEWARD_PORT: '70000', STEWARD_DATABASE_URL: 'mysql://x', STEWARD_TRUST_PROXY: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('STEWARD_PORT');
    expect(message).toContain('STEWARD_DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('STEWARD_TRUST_PROXY');
  });
});
