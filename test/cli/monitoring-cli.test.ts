import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DNS_RECORD_TYPES as CLI_DNS_TYPES, MONITOR_KINDS as CLI_KINDS } from '../../src/cli/monitors-commands.ts';
import { fixedClock } from '../../src/clock.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { openIncident } from '../../src/domain/incidents/incident-lifecycle.ts';
import { getIncident } from '../../src/domain/incidents/read-incidents.ts';
import { MONITOR_KINDS } from '../../src/domain/monitoring/monitor-schemas.ts';
import { sha256Hex } from '../../src/ids.ts';
import { DNS_RECORD_TYPES } from '../../src/probes/schemas.ts';
import type { Storage } from '../../src/storage/database.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

it('the CLI’s lists of kinds and record types match the domain’s', () => {
  expect([...CLI_KINDS]).toEqual([...MONITOR_KINDS]);
  expect([...CLI_DNS_TYPES]).toEqual([...DNS_RECORD_TYPES]);
});

describe('monitors, incidents and maintenance from the command line', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let storage: Storage;
  let clientId: string;
  let siteId: string;
  let httpId: string;
  let incidentId: string;
  const ctx = () => ({ db: storage.db, clock: fixedClock(Date.now()) });

  beforeAll(async () => {
    env = await createCliEnv();
    await env.run(['migrate']);
    clientId = (await env.run(['clients', 'add', '--name', 'Acme Ltd', '--time-zone', 'Europe/Madrid'])).stdout.trim();
    siteId = (await env.run(['sites', 'add', '--client', clientId, '--url', 'acme.example'])).stdout.trim();
    storage = env.openStorage();
    // There is no contract command yet: sign Standard (checks every 60 s) through the domain.
    await createContract(ctx(), systemActor, { clientId, planId: 'standard', billingPeriod: 'monthly' });
  });
  afterAll(async () => {
    await storage?.close();
    await env?.close();
  });

  it('monitors add prints the id; the interval follows the plan and a shorter one names the plan that allows it', async () => {
    const added = await env.run(['monitors', 'add', '--site', siteId, '--kind', 'http', '--keyword', 'Add to cart']);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/^mon_[0-9a-z]{20}\n$/);
    expect(added.stderr).toContain('checked every 60 s');
    httpId = added.stdout.trim();
    const [tooOften, strayFlag, noPort, unknownSite, badKind] = await Promise.all([
      env.run(['monitors', 'add', '--site', siteId, '--kind', 'tcp', '--port', '22', '--interval', '30']),
      env.run(['monitors', 'add', '--site', siteId, '--kind', 'http', '--port', '22']),
      env.run(['monitors', 'add', '--site', siteId, '--kind', 'tcp']),
      env.run(['monitors', 'add', '--site', 'site_missing', '--kind', 'http']),
      env.run(['monitors', 'add', '--site', siteId, '--kind', 'ftp']),
    ]);
    expect(tooOften).toMatchObject({ code: 1, stdout: '' });
    expect(tooOften.stderr).toBe(
      'error: invalid --interval: the Standard plan checks every 60 s at most; checks every 30 s need the Premium plan (every 30 s)\n',
    );
    expect(strayFlag.stderr).toBe('error: --port does not apply to http monitors\n');
    expect(noPort.stderr).toMatch(/^error: invalid --port: /);
    expect(unknownSite.stderr).toContain('there is no site site_missing; `npx steward sites list` shows them');
    expect(badKind.stderr).toContain("argument 'ftp' is invalid");
    for (const r of [strayFlag, noPort, unknownSite, badKind]) expect(r).toMatchObject({ code: 1, stdout: '' });
    expect((await storage.db.selectFrom('monitors').select('id').execute()).map((m) => m.id)).toEqual([httpId]);
  });

  it('a heartbeat monitor prints its secret ping URL once, on the public URL when one is set', async () => {
    const plain = await env.run(['monitors', 'add', '--site', siteId, '--kind', 'heartbeat', '--period', '86400']);
    const [id, url] = plain.stdout.trim().split('\n');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/hb\/hb_[\w-]+$/);
    const row = await storage.db
      .selectFrom('monitors')
      .selectAll()
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.heartbeat_token_hash).toBe(sha256Hex(decodeURIComponent(url?.split('/hb/')[1] ?? '')));
    expect(JSON.parse(row.config)).toEqual({ periodS: 86_400, graceS: 300 });
    const proxied = await env.run(
      ['monitors', 'add', '--site', siteId, '--kind', 'heartbeat', '--period', '3600', '--json'],
      {
        env: { STEWARD_PUBLIC_URL: 'https://status.agency.example/' },
      },
    );
    expect(JSON.parse(proxied.stdout).heartbeatUrl).toMatch(/^https:\/\/status\.agency\.example\/hb\/hb_/);
  });

  it('monitors list shows status, interval, last check and uptime; --site filters; --json is the record', async () => {
    const [table, json, unknown] = await Promise.all([
      env.run(['monitors', 'list']),
      env.run(['monitors', 'list', '--site', siteId, '--json']),
      env.run(['monitors', 'list', '--site', 'site_missing']),
    ]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+KIND\s+STATUS\s+EVERY\s+LAST CHECK\s+UPTIME 24H$/);
    expect(lines[1]).toMatch(new RegExp(`^${httpId}\\s+HTTP acme\\.example\\s+http\\s+unknown\\s+60 s\\s+–\\s+–$`));
    expect(lines).toHaveLength(4);
    const records = JSON.parse(json.stdout);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ id: httpId, kind: 'http', config: { keyword: { text: 'Add to cart' } } });
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
  });

  it('incidents list, ack (once), note and resolve (once)', async () => {
    const nowMs = Date.now();
    incidentId = (
      await openIncident(storage.db, {
        monitorId: httpId,
        startedAt: nowMs - 600_000,
        detectedAt: nowMs - 540_000,
        errorClass: 'timeout',
        message: 'no answer',
      })
    ).id;
    const list = await env.run(['incidents', 'list', '--open']);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+MONITOR\s+STARTED\s+ACKNOWLEDGED\s+RESOLVED\s+DURATION$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${incidentId}\\s+open\\s+HTTP acme\\.example \\(https://acme\\.example/\\)\\s+\\S+ \\S+ UTC\\s+–\\s+–\\s+10 min$`,
      ),
    );

    const ack = await env.run(['incidents', 'ack', incidentId]);
    expect(ack).toMatchObject({ code: 0, stdout: '', stderr: `Acknowledged incident ${incidentId}.\n` });
    const again = await env.run(['incidents', 'ack', incidentId]);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(/^error: The incident was already acknowledged at /);
    expect((await env.run(['incidents', 'note', incidentId, '--text', 'Restarted PHP-FPM'])).code).toBe(0);
    expect((await env.run(['incidents', 'note', incidentId, '--text', '  '])).stderr).toBe(
      'error: invalid --text: must not be empty\n',
    );
    expect((await env.run(['incidents', 'resolve', incidentId, '--note', 'False alarm'])).code).toBe(0);
    const twice = await env.run(['incidents', 'resolve', incidentId]);
    expect(twice).toMatchObject({ code: 1, stderr: 'error: The incident is already resolved\n' });
    const missing = await env.run(['incidents', 'ack', 'inc_missing']);
    expect(missing.stderr).toContain('there is no incident inc_missing');

    const incident = await getIncident(ctx(), incidentId);
    expect(incident).toMatchObject({ status: 'resolved', acknowledgedBy: 'system' });
    expect(incident.events.map((e) => e.kind)).toEqual(['opened', 'acknowledged', 'note', 'resolved']);
    expect(incident.events[2]?.data).toEqual({ text: 'Restarted PHP-FPM' });
    const all = JSON.parse((await env.run(['incidents', 'list', '--json'])).stdout);
    expect(all.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[incidentId, 'resolved']]);
    expect((await env.run(['incidents', 'list', '--open'])).stderr).toBe('No open incidents.\n');
  });

  it('maintenance add (one-off or weekly) prints the id; maintenance list shows when', async () => {
    const once = await env.run([
      'maintenance',
      'add',
      '--client',
      clientId,
      '--site',
      siteId,
      '--title',
      'PHP upgrade',
      '--from',
      '2026-03-07T22:00:00+01:00',
      '--to',
      '2026-03-07T23:30:00+01:00',
    ]);
    expect(once.stdout).toMatch(/^mw_[0-9a-z]{20}\n$/);
    expect(once.stderr).toContain('2026-03-07 21:00 UTC to 2026-03-07 22:30 UTC');
    const weekly = await env.run([
      'maintenance',
      'add',
      '--client',
      clientId,
      '--title',
      'Updates',
      '--weekly',
      'mon,Thursday',
      '--at',
      '03:00',
      '--minutes',
      '45',
    ]);
    expect(weekly).toMatchObject({ code: 0 });
    expect(weekly.stderr).toContain('every mon,thu at 03:00 for 45 min (Europe/Madrid)');

    const [both, neither, badDay, reversed, unknownClient] = await Promise.all([
      env.run([
        'maintenance',
        'add',
        '--client',
        clientId,
        '--title',
        'x',
        '--from',
        '2026-03-07T22:00:00Z',
        '--weekly',
        'mon',
      ]),
      env.run(['maintenance', 'add', '--client', clientId, '--title', 'x']),
      env.run([
        'maintenance',
        'add',
        '--client',
        clientId,
        '--title',
        'x',
        '--weekly',
        'funday',
        '--at',
        '03:00',
        '--minutes',
        '5',
      ]),
      env.run([
        'maintenance',
        'add',
        '--client',
        clientId,
        '--title',
        'x',
        '--from',
        '2026-03-07T22:00:00Z',
        '--to',
        '2026-03-07T21:00:00Z',
      ]),
      env.run([
        'maintenance',
        'add',
        '--client',
        'cli_missing',
        '--title',
        'x',
        '--weekly',
        'mon',
        '--at',
        '03:00',
        '--minutes',
        '5',
      ]),
    ]);
    expect(both.stderr).toBe('error: give either --from and --to (one-off) or --weekly, --at and --minutes (weekly)\n');
    expect(neither.stderr).toBe(both.stderr);
    expect(badDay.stderr).toBe('error: invalid --weekly: "funday" is not a day; use mon,tue,wed,thu,fri,sat,sun\n');
    expect(reversed.stderr).toBe('error: invalid --to: must be after startsAt\n');
    expect(unknownClient.stderr).toContain('there is no client cli_missing');
    for (const r of [both, neither, badDay, reversed, unknownClient]) expect(r).toMatchObject({ code: 1, stdout: '' });

    const table = await env.run(['maintenance', 'list']);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CLIENT\s+SITE\s+TITLE\s+WHEN$/);
    expect(lines[1]).toMatch(
      new RegExp(`^mw_\\w+\\s+${clientId}\\s+${siteId}\\s+PHP upgrade\\s+2026-03-07 21:00 UTC to `),
    );
    expect(lines[2]).toMatch(/\s+all sites\s+Updates\s+every mon,thu at 03:00 for 45 min \(Europe\/Madrid\)$/);
    expect(JSON.parse((await env.run(['maintenance', 'list', '--client', clientId, '--json'])).stdout)).toHaveLength(2);
  });
});
