import type { Kysely } from 'kysely';
import { newId } from '../../ids.ts';

// SLA: calendars (zone, weekly hours, holidays), policies (targets, uptime commitment, credit rule)
// referenced by plan versions, and an incident's severity and pause state. The SLA terms that
// plan versions carried inline become one policy per distinct set of terms.

export const BUILTIN_24X7_CALENDAR_ID = 'cal_24x7';
const ALL_WEEK = JSON.stringify(Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [['00:00', '24:00']]])));
const WEEKDAYS_9_TO_6 = JSON.stringify(
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, d <= 5 ? [['09:00', '18:00']] : []])),
);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sla_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('weekly_hours', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema
    .createTable('sla_holidays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('sla_calendars.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sla_holidays_calendar_date_uq', ['calendar_id', 'on_date'])
    .execute();
  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('sla_calendars.id'))
    .addColumn('first_response_minutes', 'integer')
    .addColumn('first_response_clock', 'text', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer')
    .addColumn('resolution_clock', 'text', (c) => c.notNull())
    .addColumn('severity_targets', 'text', (c) => c.notNull())
    .addColumn('warn_at_percent', 'integer', (c) => c.notNull())
    .addColumn('uptime_commitment_bp', 'integer')
    .addColumn('credit_per_step_bp', 'integer', (c) => c.notNull())
    .addColumn('credit_step_bp', 'integer', (c) => c.notNull())
    .addColumn('credit_cap_bp', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema
    .alterTable('plan_versions')
    .addColumn('sla_policy_id', 'text', (c) => c.references('sla_policies.id'))
    .execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('severity', 'text', (c) => c.notNull().defaultTo('critical'))
    .execute();
  await db.schema.alterTable('incidents').addColumn('paused_at', 'bigint').execute();
  await db.schema.createIndex('incidents_status_idx').on('incidents').columns(['status', 'detected_at']).execute();

  const nowMs = Date.now();
  await db
    .insertInto('sla_calendars')
    .values({
      id: BUILTIN_24X7_CALENDAR_ID,
      name: '24/7',
      kind: '24x7',
      time_zone: 'UTC',
      weekly_hours: ALL_WEEK,
      created_at: nowMs,
      updated_at: nowMs,
      archived_at: null,
    })
    .execute();
  await convertInlinePlanTerms(db, nowMs);

  for (const column of ['sla_first_response_minutes', 'sla_resolution_minutes', 'sla_hours', 'uptime_commitment_bp']) {
    await db.schema.alterTable('plan_versions').dropColumn(column).execute();
  }
}

/** Existing installs: one policy per distinct set of inline SLA terms, business hours in the agency's zone. */
async function convertInlinePlanTerms(db: Kysely<any>, nowMs: number): Promise<void> {
  const versions = await db
    .selectFrom('plan_versions')
    .select(['id', 'name', 'sla_first_response_minutes', 'sla_resolution_minutes', 'sla_hours', 'uptime_commitment_bp'])
    .orderBy('created_at')
    .execute();
  if (versions.length === 0) return;
  const settings = await db.selectFrom('agency_settings').select('time_zone').executeTakeFirst();
  const businessCalendarId = newId('cal');
  await db
    .insertInto('sla_calendars')
    .values({
      id: businessCalendarId,
      name: 'Business hours',
      kind: 'business',
      time_zone: settings?.time_zone ?? 'UTC',
      weekly_hours: WEEKDAYS_9_TO_6,
      created_at: nowMs,
      updated_at: nowMs,
      archived_at: null,
    })
    .execute();
  const policyByTerms = new Map<string, string>();
  for (const v of versions) {
    if (v.sla_first_response_minutes === null && v.sla_resolution_minutes === null && v.uptime_commitment_bp === null) {
      continue;
    }
    const key = [v.sla_first_response_minutes, v.sla_resolution_minutes, v.sla_hours, v.uptime_commitment_bp].join('|');
    let policyId = policyByTerms.get(key);
    if (!policyId) {
      policyId = newId('slp');
      policyByTerms.set(key, policyId);
      await db
        .insertInto('sla_policies')
        .values({
          id: policyId,
          name: `${v.name} SLA`,
          description: '',
          calendar_id: businessCalendarId,
          first_response_minutes: v.sla_first_response_minutes,
          first_response_clock: v.sla_hours,
          resolution_minutes: v.sla_resolution_minutes,
          resolution_clock: v.sla_hours,
          severity_targets: '{}',
          warn_at_percent: 75,
          uptime_commitment_bp: v.uptime_commitment_bp,
          credit_per_step_bp: 1000,
          credit_step_bp: 10,
          credit_cap_bp: 5000,
          created_at: nowMs,
          updated_at: nowMs,
          archived_at: null,
        })
        .execute();
    }
    await db.updateTable('plan_versions').set({ sla_policy_id: policyId }).where('id', '=', v.id).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('0006_sla cannot be reverted: the inline plan SLA columns were folded into policies');
}
