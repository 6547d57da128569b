import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = { url: string; drop(): Promise<void> };

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * With a PostgreSQL test URL, the real server gets a database of its own (it runs migrations on
 * the default schema), dropped afterwards. Without one, it uses the embedded SQLite file.
 */
export async function createScratchDatabase(testUrl: string | undefined): Promise<ScratchDatabase | undefined> {
  if (!testUrl) return undefined;
  const name = `steward_browser_${randomBytes(5).toString('hex')}`;
  await adminQuery(testUrl, `CREATE DATABASE ${name}`);
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(testUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
