import { newId } from '../../ids.ts';
import { BUILTIN_24X7_CALENDAR_ID } from '../../storage/migrations/0006_sla.ts';
import type { Executor, SlaPoliciesTable } from '../../storage/schema.ts';

export { BUILTIN_24X7_CALENDAR_ID };

export const OFFICE_HOURS = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((d) => [d, d <= 5 ? [['09:00', '18:00']] : []]),
) as Record<number, Array<[string, string]>>;

export type DefaultPolicyIds = { basic: string; standard: string; premium: string };

/**
 * The default SLA of the three tiers (product.md): first response in 4 h and 1 h of business
 * hours (Mon–Fri 09:00–18:00 in the agency's zone) and 30 min 24/7; Premium commits to 99.9 %
 * uptime with 10 % of the month's fee per started 0.1 % below, capped at 50 %.
 */
export async function seedDefaultSla(db: Executor, nowMs: number, timeZone: string): Promise<DefaultPolicyIds> {
  const calendarId = newId('cal');
  await db
    .insertInto('sla_calendars')
    .values({
      id: calendarId,
      name: 'Business hours',
      kind: 'business',
      time_zone: timeZone,
      weekly_hours: JSON.stringify(OFFICE_HOURS),
      created_at: nowMs,
      updated_at: nowMs,
      archived_at: null,
    })
    .execute();
  const policy = (p: Partial<SlaPoliciesTable> & Pick<SlaPoliciesTable, 'name' | 'description'>): SlaPoliciesTable => ({
    id: newId('slp'),
    calendar_id: calendarId,
    first_response_minutes: null,
    first_response_clock: 'business',
    resolution_minutes: null,
    resolution_clock: 'business',
    severity_targets: '{}',
    warn_at_percent: 75,
    uptime_commitment_bp: null,
    credit_per_step_bp: 1000,
    credit_step_bp: 10,
    credit_cap_bp: 5000,
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
    ...p,
  });
  const basic = policy({
    name: 'Basic SLA',
    description: 'First response within 4 business hours, resolution within 2 business days.',
    first_response_minutes: 240,
    resolution_minutes: 960,
  });
  const standard = policy({
    name: 'Standard SLA',
    description: 'First response within 1 business hour, resolution within 1 business day.',
    first_response_minutes: 60,
    resolution_minutes: 480,
  });
  const premium = policy({
    name: 'Premium SLA',
    description: 'First response within 30 minutes and resolution within 4 hours, 24/7; 99.9 % monthly uptime.',
    calendar_id: BUILTIN_24X7_CALENDAR_ID,
    first_response_minutes: 30,
    first_response_clock: '24x7',
    resolution_minutes: 240,
    resolution_clock: '24x7',
    uptime_commitment_bp: 9990,
  });
  await db.insertInto('sla_policies').values([basic, standard, premium]).execute();
  return { basic: basic.id, standard: standard.id, premium: premium.id };
}
