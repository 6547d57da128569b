import { beforeAll, describe, expect, it } from 'vitest';
import { monthlyComplianceDoc, slaBoardDoc } from '../../src/http/api/sla-compliance-doc-schemas.ts';
import { at, seedMarch } from '../sla/fixtures.ts';
import { expectError, expectInvalid, expectOk, useTestApp } from './helpers.ts';

// The figures are those worked out in test/sla/compliance.test.ts; here they come through HTTP.

const t = useTestApp({ shareState: true });
let seeded: Awaited<ReturnType<typeof seedMarch>>;

beforeAll(async () => {
  seeded = await seedMarch(t().ctx, t().clock);
  t().clock.set(at('2026-04-05T00:00:00Z'));
});

describe('GET /sla/compliance', () => {
  it('answers the documented shape with the month of every client with sites, and the same again', async () => {
    const res = await t().api('GET', '/sla/compliance?month=2026-03');
    const body = expectOk(res, 200, monthlyComplianceDoc);
    expect(body.clients.map((c) => [c.clientName, c.sites.map((s) => s.uptimePercent)])).toEqual([
      ['Alpha', ['99.573', '99.910']],
      ['Beta', ['99.798']],
    ]);
    expect(body.clients[0]!.credit?.amounts).toEqual([{ currency: 'EUR', amountMinor: 24_494 }]);
    t().clock.set(at('2026-04-20T00:00:00Z'));
    expect((await t().api('GET', '/sla/compliance?month=2026-03')).body).toEqual(res.body);
    t().clock.set(at('2026-04-05T00:00:00Z'));
  });

  it('narrows to one client; technicians may read it', async () => {
    const res = await t().api(
      'GET',
      `/sla/compliance?month=2026-03&clientId=${seeded.beta.clientId}`,
      undefined,
      t().tokens.technician,
    );
    const body = expectOk(res, 200, monthlyComplianceDoc);
    expect(body.clients.map((c) => c.clientId)).toEqual([seeded.beta.clientId]);
  });

  it('refuses a missing, malformed or future month and an unknown client', async () => {
    expectInvalid(await t().api('GET', '/sla/compliance'), ['month']);
    expectInvalid(await t().api('GET', '/sla/compliance?month=2026-3'), ['month']);
    expectInvalid(await t().api('GET', '/sla/compliance?month=2026-05'), ['month']);
    expectInvalid(await t().api('GET', '/sla/compliance?month=2026-03&site=x'), []);
    expectError(await t().api('GET', '/sla/compliance?month=2026-03&clientId=cli_nope'), 404, 'not_found');
    expectError(await t().api('GET', '/sla/compliance?month=2026-03', undefined, null), 401);
  });
});

describe('GET /sla/board', () => {
  it('sums breaches and credits of the month and lists the clocks overdue now', async () => {
    const board = expectOk(await t().api('GET', '/sla/board?month=2026-03'), 200, slaBoardDoc);
    expect(board).toMatchObject({
      month: '2026-03',
      previousMonth: '2026-02',
      nextMonth: '2026-04',
      complete: true,
      // Alpha: three incidents with a breached clock; Beta's open one was not over by the month end.
      summary: {
        breachedThisMonth: 3,
        creditsDue: [{ currency: 'EUR', amountMinor: 24_494 }],
        atRiskNow: 0,
        overdueNow: 1,
      },
    });
    expect(board.clients.map((c) => [c.clientName, c.lowestUptimePercent, c.keepsCommitment, c.creditBp])).toEqual([
      ['Alpha', '99.573', false, 4000],
      ['Beta', '99.798', null, 0],
    ]);
    // Beta's outage since Tuesday 23:01: 4 business hours were up on Wednesday 13:00, 16 on Thursday 16:00.
    expect(board.atRisk.map((c) => [c.incidentId, c.metric, c.risk, c.dueAt])).toEqual([
      [seeded.ids.betaOpen, 'first_response', 'overdue', '2026-04-01T13:00:00.000Z'],
      [seeded.ids.betaOpen, 'resolution', 'overdue', '2026-04-02T16:00:00.000Z'],
    ]);
  });

  it('shows a clock past its warning as at risk, and defaults to the running month', async () => {
    t().clock.set(at('2026-04-01T12:30:00Z')); // 210 of 240 business minutes: past the 75 % warning
    try {
      const board = expectOk(await t().api('GET', '/sla/board'), 200, slaBoardDoc);
      expect(board).toMatchObject({ month: '2026-04', nextMonth: null, complete: false });
      expect(board.summary).toMatchObject({ atRiskNow: 1, overdueNow: 0 });
      expect(board.atRisk).toMatchObject([
        { metric: 'first_response', risk: 'at_risk', percentElapsed: 87.5, clientName: 'Beta', siteName: 'b1.example' },
      ]);
    } finally {
      t().clock.set(at('2026-04-05T00:00:00Z'));
    }
    expectInvalid(await t().api('GET', '/sla/board?month=2027-01'), ['month']);
  });
});
