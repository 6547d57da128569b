import { describe, expect, it } from 'vitest';
import { contractDoc } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeClient, makeContract, rawRequest, useTestApp } from './helpers.ts';

const t = useTestApp();

const at = (iso: string) => t().clock.set(Date.parse(iso));

describe('cancelling, resuming and ending', () => {
  it('a monthly contract ends on the last day of the billing period in which the notice runs out', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id, { startDate: '2026-01-15' });
    // Notice given on 2 March runs out on 1 April, inside the period 15 March – 14 April.
    at('2026-03-02T09:00:00Z');
    const res = await rawRequest(t(), 'POST', `/contracts/${contract.id}/cancel`, { contentType: null });
    const cancelling = expectOk(res, 200, contractDoc);
    expect(cancelling).toMatchObject({
      status: 'cancelling',
      endsOn: '2026-04-14',
      cancelRequestedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('an annual contract runs to the end of its contract year', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id, { startDate: '2025-06-01', billingPeriod: 'annual' });
    const cancelling = expectOk(await t().api('POST', `/contracts/${contract.id}/cancel`, {}), 200, contractDoc);
    expect(cancelling.endsOn).toBe('2026-05-31');
  });

  it('with no notice, the contract ends with the current period', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id, { startDate: '2026-01-15', cancellationNoticeDays: 0 });
    at('2026-03-20T12:00:00Z');
    const cancelling = expectOk(await t().api('POST', `/contracts/${contract.id}/cancel`, {}), 200, contractDoc);
    expect(cancelling.endsOn).toBe('2026-04-14');
  });

  it('an earlier last day needs waiveNotice; a past one is refused', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id, { startDate: '2026-01-15' });
    expectInvalid(await t().api('POST', `/contracts/${contract.id}/cancel`, { lastDay: '2026-03-10' }), ['lastDay']);
    expectInvalid(
      await t().api('POST', `/contracts/${contract.id}/cancel`, { lastDay: '2026-03-01', waiveNotice: true }),
      ['lastDay'],
    );
    expectInvalid(await t().api('POST', `/contracts/${contract.id}/cancel`, { waiveNotice: 'yes' }), ['waiveNotice']);
    expect((await t().api('GET', `/contracts/${contract.id}`)).body.status).toBe('active');
    const waived = expectOk(
      await t().api('POST', `/contracts/${contract.id}/cancel`, { lastDay: '2026-03-10', waiveNotice: true }),
      200,
      contractDoc,
    );
    expect(waived).toMatchObject({ status: 'cancelling', endsOn: '2026-03-10' });
    // A later last day than the notice requires needs no waiver.
    await t().api('POST', `/contracts/${contract.id}/resume`);
    const later = expectOk(
      await t().api('POST', `/contracts/${contract.id}/cancel`, { lastDay: '2026-12-31' }),
      200,
      contractDoc,
    );
    expect(later.endsOn).toBe('2026-12-31');
  });

  it('cancelling a trial ends it at once', async () => {
    const client = await makeClient(t());
    const trial = await makeContract(t(), client.id, { status: 'trial' });
    at('2026-03-05T23:30:00Z');
    const ended = expectOk(await t().api('POST', `/contracts/${trial.id}/cancel`), 200, contractDoc);
    expect(ended).toMatchObject({
      status: 'ended',
      endsOn: '2026-03-05',
      cancelRequestedAt: '2026-03-05T23:30:00.000Z',
    });
  });

  it('resume withdraws a cancellation; illegal transitions are conflicts', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id);
    expectError(await t().api('POST', `/contracts/${contract.id}/resume`), 409, 'conflict');
    expectError(await t().api('POST', `/contracts/${contract.id}/activate`), 409, 'conflict');
    await t().api('POST', `/contracts/${contract.id}/cancel`);
    expectError(await t().api('POST', `/contracts/${contract.id}/cancel`), 409, 'conflict');
    const resumed = expectOk(await t().api('POST', `/contracts/${contract.id}/resume`), 200, contractDoc);
    expect(resumed).toMatchObject({ status: 'active', endsOn: null, cancelRequestedAt: null });
    at('2026-03-09T10:00:00Z');
    const ended = expectOk(await t().api('POST', `/contracts/${contract.id}/end`), 200, contractDoc);
    expect(ended).toMatchObject({ status: 'ended', endsOn: '2026-03-09' });
    for (const action of ['activate', 'cancel', 'resume', 'end']) {
      expectError(await t().api('POST', `/contracts/${contract.id}/${action}`), 409, 'conflict');
    }
    expectOk(await t().api('POST', '/contracts', { clientId: client.id, planId: 'premium' }), 201, contractDoc);
  });
});
