import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { systemActor } from '../../src/domain/context.ts';
import { monthlyCompliance } from '../../src/domain/sla/compliance.ts';
import { monthlyComplianceDoc } from '../../src/http/api/sla-compliance-doc-schemas.ts';
import type { Storage } from '../../src/storage/database.ts';
import { at, seedMarch } from '../sla/fixtures.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

// March 2026 of test/sla/fixtures.ts (figures worked out in test/sla/compliance.test.ts), read
// with `steward sla compliance` on the real clock: a past month, so the same figures.

describe('steward sla compliance', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let storage: Storage;
  let seeded: Awaited<ReturnType<typeof seedMarch>>;

  beforeAll(async () => {
    env = await createCliEnv();
    await env.run(['migrate']);
    storage = env.openStorage();
    const clock = fixedClock(at('2026-02-20T12:00:00Z'));
    seeded = await seedMarch({ db: storage.db, clock }, clock);
  });
  afterAll(async () => {
    await storage?.close();
    await env?.close();
  });

  it('prints a table: a line per site, the client’s targets and credit on its first line', async () => {
    const res = await env.run(['sla', 'compliance', '--month', '2026-03']);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^CLIENT\s+SITE\s+UPTIME\s+DOWNTIME\s+MAINTENANCE\s+INCIDENTS\s+FIRST RESPONSE\s+RESOLUTION\s+CREDIT$/,
    );
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      [
        'Alpha',
        'a1.example',
        '99.573 % (below)',
        '190 min',
        '0 min',
        '3',
        '1 met / 3 breached (25.0 %)',
        '3 met / 1 breached (75.0 %)',
        '€244.94 (40 %)',
      ],
      ['', 'a2.example', '99.910 %', '40 min', '60 min', '1'],
      [
        'Beta',
        'b1.example',
        '99.798 %',
        '90 min',
        '0 min',
        '2',
        '1 met / 0 breached, 1 open (100.0 %)',
        '1 met / 0 breached, 1 open (100.0 %)',
        'no commitment',
      ],
    ]);
  });

  it('--json prints what the API answers, the same figures as computed in-process', async () => {
    const res = await env.run(['sla', 'compliance', '--month', '2026-03', '--client', seeded.alpha.clientId, '--json']);
    expect(res.code).toBe(0);
    const printed = monthlyComplianceDoc.parse(JSON.parse(res.stdout));
    const direct = await monthlyCompliance({ db: storage.db, clock: fixedClock(Date.now()) }, systemActor, {
      month: '2026-03',
      clientId: seeded.alpha.clientId,
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(printed.clients[0]!.credit?.amounts).toEqual([{ currency: 'EUR', amountMinor: 24_494 }]);
  });

  it('explains a bad month, an unknown client and an empty month', async () => {
    const [bad, unknown, empty, missing] = await Promise.all([
      env.run(['sla', 'compliance', '--month', 'March']),
      env.run(['sla', 'compliance', '--month', '2026-03', '--client', 'cli_missing']),
      env.run(['sla', 'compliance', '--month', '2025-12']),
      env.run(['sla', 'compliance']),
    ]);
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: 'error: invalid --month: must be a month as YYYY-MM\n' });
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('there is no client cli_missing');
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'No client had a site in 2025-12.\n' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--month <YYYY-MM>' not specified");
  });
});
