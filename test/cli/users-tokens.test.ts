import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliEnv, callApi, createCliEnv, type RunningServer, signInToConsole } from './cli-harness.ts';

const OWNER = { email: 'olga@agency.test', password: 'owner-password-1' };

describe('start, admin create and tokens against the real server', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let server: RunningServer;

  beforeAll(async () => {
    env = await createCliEnv();
    server = await env.startServer(['--role', 'web']);
  }, 90_000);
  afterAll(() => env.close());

  it('start prints its URL and, on a fresh database, how to create the first owner', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stderr()).toContain(`${server.url}/setup`);
    expect(server.stderr()).toContain('npx steward admin create --email');
    const setup = await fetch(`${server.url}/setup`, { redirect: 'manual' });
    expect(setup.status).toBe(200);
  });

  it('admin create rejects bad input, listing every problem, and a non-owner as the first user', async () => {
    const [bad, technicianFirst, noPassword] = await Promise.all([
      env.run(['admin', 'create', '--email', 'not-an-email', '--password', 'short']),
      env.run([
        'admin',
        'create',
        '--email',
        'tom@agency.test',
        '--password',
        'tech-password-1',
        '--role',
        'technician',
      ]),
      env.run(['admin', 'create', '--email', 'tom@agency.test']),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: invalid input\n {2}--email: must be an e-mail address\n {2}--password: /);
    expect(technicianFirst.code).toBe(1);
    expect(technicianFirst.stderr).toContain('the first user must be an owner');
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('--password or --password-stdin');
    for (const r of [bad, technicianFirst, noPassword]) expect(r.stdout).toBe('');
  });

  it('admin create makes the first owner, which completes first-run setup', async () => {
    const created = await env.run(['admin', 'create', '--email', OWNER.email, '--password', OWNER.password]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^usr_[0-9a-z]{20}\n$/);
    expect(created.stderr).toContain(`Created owner ${OWNER.email}`);

    const setup = await fetch(`${server.url}/setup`, { redirect: 'manual' });
    expect(setup.status).toBe(303);
    expect(new URL(setup.headers.get('location') ?? '', server.url).pathname).toBe('/login');
    const storage = env.openStorage();
    try {
      const settings = await storage.db.selectFrom('agency_settings').selectAll().executeTakeFirstOrThrow();
      expect(settings.owner_created_at).not.toBeNull();
    } finally {
      await storage.close();
    }

    const again = await env.run([
      'admin',
      'create',
      '--email',
      OWNER.email.toUpperCase(),
      '--password',
      OWNER.password,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`A user with the e-mail ${OWNER.email} already exists`);
  });

  it('admin create adds further users with a role, reading the password from stdin if asked', async () => {
    const tech = await env.run(
      ['admin', 'create', '--email', 'tom@agency.test', '--name', 'Tom', '--role', 'technician', '--password-stdin'],
      { input: 'tech-password-1\n' },
    );
    expect(tech.code).toBe(0);
    const token = (await env.run(['token', 'create', '--email', 'tom@agency.test', '--name', 'probe'])).stdout.trim();
    const me = await callApi(server, token, 'GET', '/me');
    expect(me.body).toMatchObject({ email: 'tom@agency.test', name: 'Tom', role: 'technician' });
    // The password from stdin signs in without its trailing newline, and only without it.
    expect(await signInToConsole(server, 'tom@agency.test', 'tech-password-1')).toBe('/admin');
    expect(await signInToConsole(server, 'tom@agency.test', 'tech-password-1\n')).toBeNull();
  });

  it('token create prints only the token; it works against the API until revoked', async () => {
    const created = await env.run(['token', 'create', '--email', OWNER.email, '--name', 'CI']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^stw_[A-Za-z0-9_-]{20,}\n$/);
    expect(created.stderr).toContain('shown only once');
    const token = created.stdout.trim();

    const me = await callApi(server, token, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: OWNER.email, role: 'owner' });

    const [listed, table] = await Promise.all([env.run(['token', 'list', '--json']), env.run(['token', 'list'])]);
    const ciToken = JSON.parse(listed.stdout).find((t: { name: string }) => t.name === 'CI');
    expect(ciToken).toMatchObject({ revokedAt: null });
    expect(listed.stdout + table.stdout).not.toContain(token);
    expect(table.stdout).toMatch(new RegExp(`^${ciToken.id}\\s+${OWNER.email}\\s+CI\\s+.*active$`, 'm'));

    const revoked = await env.run(['token', 'revoke', ciToken.id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked API token "CI" (${ciToken.id})`);
    expect((await callApi(server, token, 'GET', '/me')).status).toBe(401);
    const after = await env.run(['token', 'list']);
    expect(after.stdout).toMatch(
      new RegExp(`^${ciToken.id}\\s+.*revoked \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`, 'm'),
    );
  });

  it('token commands name what they could not find', async () => {
    const [noUser, noToken, noName] = await Promise.all([
      env.run(['token', 'create', '--email', 'nobody@agency.test', '--name', 'CI']),
      env.run(['token', 'revoke', 'tok_doesnotexist']),
      env.run(['token', 'create', '--email', OWNER.email, '--name', '   ']),
    ]);
    expect(noUser.stderr).toContain('there is no user with the e-mail nobody@agency.test');
    expect(noToken.stderr).toContain('there is no API token tok_doesnotexist');
    expect(noName.stderr).toContain('invalid --name: must not be empty');
    for (const r of [noUser, noToken, noName]) expect(r).toMatchObject({ code: 1, stdout: '' });
  });

  it('the server stops cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
