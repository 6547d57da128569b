import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createSlaPolicy, setSlaPolicyArchived } from '../../src/domain/sla/change-policies.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

describe('steward sla policies', { timeout: 120_000 }, () => {
  let env: CliEnv;
  beforeAll(async () => {
    env = await createCliEnv();
  });
  afterAll(() => env.close());

  it('list shows the default policies with their targets, clocks and plans; --json gives the records', async () => {
    const [table, json] = await Promise.all([
      env.run(['sla', 'policies', 'list']),
      env.run(['sla', 'policies', 'list', '--json']),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+CALENDAR\s+FIRST RESPONSE\s+RESOLUTION\s+UPTIME\s+PLANS$/);
    expect(lines[1]).toMatch(
      /^slp_\w{20}\s+Basic SLA\s+Business hours\s+4 h business hours\s+16 h business hours\s+–\s+basic$/,
    );
    expect(lines[2]).toMatch(/^slp_\w{20}\s+Premium SLA\s+24\/7\s+30 min 24\/7\s+4 h 24\/7\s+99\.9 %\s+premium$/);
    expect(lines[3]).toMatch(
      /^slp_\w{20}\s+Standard SLA\s+Business hours\s+1 h business hours\s+8 h business hours\s+–\s+standard$/,
    );
    expect(lines).toHaveLength(4);
    const records = JSON.parse(json.stdout);
    expect(records.map((p: { name: string }) => p.name)).toEqual(['Basic SLA', 'Premium SLA', 'Standard SLA']);
    expect(records[1]).toMatchObject({ uptimeCommitmentBp: 9990, creditCapBp: 5000, calendar: { kind: '24x7' } });
  });

  it('show prints one policy in full; an unknown id exits 1 and says where to look', async () => {
    const storage = env.openStorage();
    let spareId: string;
    try {
      const ctx = { db: storage.db, clock: systemClock };
      const spare = await createSlaPolicy(ctx, systemActor, {
        name: 'Spare',
        description: 'Only for critical incidents.',
        calendarId: 'cal_24x7',
        severityTargets: {
          critical: { firstResponseMinutes: 15, resolutionMinutes: 120 },
          minor: { resolutionMinutes: null },
        },
        uptimeCommitmentBp: 9950,
        creditPerStepBp: 500,
        creditStepBp: 25,
        creditCapBp: 2500,
      });
      spareId = spare.id;
      await setSlaPolicyArchived(ctx, systemActor, spare.id, true);
    } finally {
      await storage.close();
    }

    const [shown, json, unknown, list, all] = await Promise.all([
      env.run(['sla', 'policies', 'show', spareId]),
      env.run(['sla', 'policies', 'show', spareId, '--json']),
      env.run(['sla', 'policies', 'show', 'slp_nope']),
      env.run(['sla', 'policies', 'list']),
      env.run(['sla', 'policies', 'list', '--all']),
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`^id: +${spareId}$`, 'm'));
    expect(shown.stdout).toMatch(/^status: +archived \d{4}-/m);
    expect(shown.stdout).toMatch(/^calendar: +24\/7 \(every minute counts\)$/m);
    expect(shown.stdout).toMatch(/^first response: +–$/m);
    expect(shown.stdout).toMatch(/^critical incidents: +first response 15 min 24\/7, resolution 2 h 24\/7$/m);
    expect(shown.stdout).toMatch(/^minor incidents: +resolution none$/m);
    expect(shown.stdout).toMatch(/^uptime commitment: +99\.5 % per month$/m);
    expect(shown.stdout).toMatch(/^service credit: +5 % of the month's fee per started 0\.25 % below, at most 25 %$/m);
    expect(shown.stdout).toMatch(/^plans: +–$/m);
    expect(shown.stdout).toMatch(/^description: +Only for critical incidents\.$/m);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: spareId,
      severityTargets: { minor: { resolutionMinutes: null } },
    });

    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe(
      'error: there is no SLA policy slp_nope; `npx steward sla policies list --all` shows them\n',
    );
    expect(list.stdout).not.toContain('Spare');
    expect(all.stdout).toMatch(/Spare \(archived\)/);
  });
});
