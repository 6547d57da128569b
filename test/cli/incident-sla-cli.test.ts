import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_LEVELS } from '../../src/cli/incidents-commands.ts';
import { fixedClock } from '../../src/clock.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { openIncident } from '../../src/domain/incidents/incident-lifecycle.ts';
import { getIncident } from '../../src/domain/incidents/read-incidents.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { SEVERITIES } from '../../src/domain/sla/policy.ts';
import type { Storage } from '../../src/storage/database.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

it('the CLI’s severities match the domain’s', () => {
  expect([...SEVERITY_LEVELS]).toEqual([...SEVERITIES]);
});

// The CLI runs on the real clock, so the incident uses Premium's 24/7 clocks (30 min first
// response, 4 h resolution): what it shows does not depend on the day or hour the test runs.
describe('SLA clocks of incidents from the command line', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let storage: Storage;
  let incidentId: string;
  const ctx = () => ({ db: storage.db, clock: fixedClock(Date.now()) });

  beforeAll(async () => {
    env = await createCliEnv();
    await env.run(['migrate']);
    const clientId = (
      await env.run(['clients', 'add', '--name', 'Acme Ltd', '--time-zone', 'Europe/Madrid'])
    ).stdout.trim();
    const siteId = (await env.run(['sites', 'add', '--client', clientId, '--url', 'acme.example'])).stdout.trim();
    storage = env.openStorage();
    await createContract(ctx(), systemActor, { clientId, planId: 'premium', billingPeriod: 'monthly' });
    const { monitor } = await createMonitor(ctx(), systemActor, { siteId, kind: 'http', name: 'Shop' });
    const detectedAt = Date.now() - 10 * 60_000;
    incidentId = (
      await openIncident(storage.db, {
        monitorId: monitor.id,
        startedAt: detectedAt - 60_000,
        detectedAt,
        errorClass: 'timeout',
        message: null,
      })
    ).id;
  });
  afterAll(async () => {
    await storage?.close();
    await env?.close();
  });

  it('incidents show prints the facts, the SLA clocks and the timeline; --json is the record', async () => {
    const shown = await env.run(['incidents', 'show', incidentId]);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    const out = shown.stdout;
    expect(out).toContain(`Incident:     ${incidentId} (open)`);
    expect(out).toContain('Severity:     critical');
    expect(out).toContain('SLA: Premium SLA (calendar "24/7"), warning at 75 %');
    expect(out).toMatch(/^METRIC\s+TARGET\s+ELAPSED\s+DUE\s+STATE$/m);
    expect(out).toMatch(
      /^first response\s+30 min 24\/7\s+10(\.\d)? min \(3\d(\.\d)? %\)\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+running: due in (19|20) min$/m,
    );
    expect(out).toMatch(/^resolution\s+240 min 24\/7\s+11(\.\d)? min /m);
    expect(out).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}opened by monitor$/m);
    const record = JSON.parse((await env.run(['incidents', 'show', incidentId, '--json'])).stdout);
    expect(record).toMatchObject({ id: incidentId, severity: 'critical', pausedAt: null });
    expect(record.sla.clocks.map((c: { metric: string }) => c.metric)).toEqual(['first_response', 'resolution']);
    const missing = await env.run(['incidents', 'show', 'inc_missing']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('there is no incident inc_missing; `npx steward incidents list` shows them');
  });

  it('pause (once), show the wait, resume (once)', async () => {
    const paused = await env.run(['incidents', 'pause', incidentId, '--reason', 'Waiting for the FTP password']);
    expect(paused).toMatchObject({ code: 0, stdout: '' });
    expect(paused.stderr).toContain(`Paused incident ${incidentId}: waiting for the client`);
    const again = await env.run(['incidents', 'pause', incidentId]);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(/^error: The incident is already waiting for the client \(since /);

    const shown = (await env.run(['incidents', 'show', incidentId])).stdout;
    expect(shown).toContain(`${incidentId} (open, waiting for client)`);
    expect(shown).toMatch(/^first response .* UTC {2}paused: waiting for client$/m);
    expect(shown).toMatch(/ paused by system: Waiting for the FTP password$/m);

    expect(await env.run(['incidents', 'resume', incidentId])).toMatchObject({ code: 0, stdout: '' });
    const twice = await env.run(['incidents', 'resume', incidentId]);
    expect(twice).toMatchObject({ code: 1, stdout: '' });
    expect(twice.stderr).toContain('error: The incident is not waiting for the client');
    const events = (await getIncident(ctx(), incidentId)).events.map((e) => e.kind);
    expect(events).toEqual(['opened', 'paused', 'resumed']);
  });

  it('severity sets the level (the operator may lower it); the same level and an unknown one are refused', async () => {
    expect(await env.run(['incidents', 'severity', incidentId, 'minor'])).toMatchObject({ code: 0, stdout: '' });
    expect((await getIncident(ctx(), incidentId)).severity).toBe('minor');
    const same = await env.run(['incidents', 'severity', incidentId, 'minor']);
    expect(same).toMatchObject({ code: 1, stderr: 'error: The incident is already minor\n' });
    const unknown = await env.run(['incidents', 'severity', incidentId, 'urgent']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("command-argument value 'urgent' is invalid for argument 'level'");
    const shown = (await env.run(['incidents', 'show', incidentId])).stdout;
    expect(shown).toContain('Severity:     minor');
    expect(shown).toMatch(/ severity_changed by system: critical → minor$/m);
  });
});
