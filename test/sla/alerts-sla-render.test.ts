import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/domain/alerts/alert-payload.ts';
import { renderAlertMail, renderSlackMessage, renderWebhookBody } from '../../src/domain/alerts/render-alert.ts';

// SLA alerts as the agency reads them: due times in the agency's zone, with the day when it is not today.

const payload = (type: 'sla_warning' | 'sla_breach', dueAt: string, timeZone: string): AlertPayload => ({
  type,
  occurredAt: '2026-03-02T16:45:00.000Z',
  monitor: { id: 'mon_1', name: 'Shop', kind: 'http' },
  site: { id: 'site_1', name: 'Acme Shop', url: 'https://acme.test/' },
  client: { id: 'cli_1', name: 'Acme' },
  incident: null,
  tls: null,
  reminder: null,
  sla: {
    metric: 'resolution',
    targetMinutes: 480,
    clock: 'business',
    dueAt,
    elapsedMinutes: 361.5,
    percentElapsed: 75.3,
    policyName: 'Standard SLA',
    timeZone,
  },
});

describe('SLA alert rendering', () => {
  it('writes the due time in the agency zone: the time alone today, with the day otherwise', () => {
    const today = renderAlertMail(payload('sla_warning', '2026-03-02T17:30:00.000Z', 'Europe/Madrid'));
    expect(today.subject).toBe('SLA warning: resolution for Acme Shop due 18:30 (75 % elapsed)');
    const tomorrow = renderAlertMail(payload('sla_warning', '2026-03-03T09:30:00.000Z', 'Europe/Madrid'));
    expect(tomorrow.subject).toBe('SLA warning: resolution for Acme Shop due Tue 3 Mar 10:30 (75 % elapsed)');
    expect(tomorrow.text).toContain('SLA: Standard SLA: resolution within 8 h (business time)');
    expect(tomorrow.text).toContain('Due: 2026-03-03 10:30 Europe/Madrid (09:30 UTC)');
    expect(tomorrow.text).toContain('Elapsed: 361.5 of 480 min (75.3 %)');
    expect(tomorrow.html).toContain('<th align="left" style="padding:2px 12px 2px 0">Due</th>');
  });

  it('says a breach plainly, and carries the clock in webhooks and Slack', () => {
    const p = payload('sla_breach', '2026-03-02T16:40:00.000Z', 'America/New_York');
    expect(renderAlertMail(p).subject).toBe(
      'SLA breached: resolution for Acme Shop was due 11:40 (target 8 h business time)',
    );
    expect(JSON.parse(renderWebhookBody('alr_1', p))).toMatchObject({
      type: 'sla_breach',
      id: 'alr_1',
      sla: { metric: 'resolution', dueAt: '2026-03-02T16:40:00.000Z', percentElapsed: 75.3 },
    });
    expect(renderSlackMessage(p).blocks[1]).toMatchObject({
      text: { text: expect.stringContaining('*Due:* 2026-03-02 11:40 America/New_York (16:40 UTC)') },
    });
  });
});
