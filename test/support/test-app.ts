import pino from 'pino';
import { systemActor } from '../../src/domain/context.ts';
import { createApiToken } from '../../src/domain/users/tokens.ts';
import { createFirstOwner, createUser } from '../../src/domain/users/users.ts';
import { createApp } from '../../src/http/app.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export type TestApp = TestDb & {
  app: ReturnType<typeof createApp>;
  tokens: { owner: string; admin: string; technician: string };
  /** Calls the API in-process: JSON body in, { status, body } out. */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: any; headers: Headers }>;
};

export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDb();
  const app = createApp({ ctx: db.ctx, logger: pino({ level: 'silent' }) });
  await createFirstOwner(db.ctx, { email: 'owner@agency.test', password: 'owner-password-1', name: 'Olga Owner' });
  await createUser(db.ctx, systemActor, { email: 'admin@agency.test', password: 'admin-password-1', role: 'admin' });
  await createUser(db.ctx, systemActor, { email: 'tech@agency.test', password: 'tech-password-1', role: 'technician' });
  const token = async (email: string) => (await createApiToken(db.ctx, systemActor, { email, name: 'tests' })).token;
  const tokens = {
    owner: await token('owner@agency.test'),
    admin: await token('admin@agency.test'),
    technician: await token('tech@agency.test'),
  };
  return {
    ...db,
    app,
    tokens,
    async api(method, path, body, tokenArg) {
      const headers: Record<string, string> = {};
      const bearer = tokenArg === undefined ? tokens.owner : tokenArg;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      let payload: string | undefined;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const res = await app.request(`/api/v1${path}`, { method, headers, body: payload });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // leave as text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
