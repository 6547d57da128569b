import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { listPlans } from '../../src/domain/plans/read-plans.ts';
import { listSlaPolicies } from '../../src/domain/sla/policies.ts';
import { openStorage, type Storage } from '../../src/storage/database.ts';
import { migrateToLatest, migrateUpTo } from '../../src/storage/migrate.ts';
import { TEST_START_MS, testDatabaseUrl } from '../support/test-db.ts';

// 0006_sla folds the SLA terms that plan versions carried inline into policies. An install made
// before it must come out with one policy per distinct set of terms, on both dialects.

/** The same key test-db.ts uses: migrations share it, dropping a schema takes it exclusively. */
const SCHEMA_LOCK_KEY = 7_140_321;

type Blank = { storage: Storage; db: Kysely<any>; close(): Promise<void> };

/** An empty database (in-memory SQLite, or a fresh PostgreSQL schema), not migrated. */
async function openBlank(): Promise<Blank> {
  if (!testDatabaseUrl) {
    const storage = openStorage({ kind: 'sqlite', file: ':memory:' });
    return { storage, db: storage.db as Kysely<any>, close: () => storage.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const storage = openStorage({ kind: 'postgres', url: testDatabaseUrl, schema, poolSize: 2 });
  return {
    storage,
    db: storage.db as Kysely<any>,
    close: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** Runs migrations under the shared lock, so a parallel test dropping its schema cannot upset Kysely's scan. */
async function migrating<T>(work: () => Promise<T>): Promise<T> {
  if (!testDatabaseUrl) return work();
  const lock = new pg.Client({ connectionString: testDatabaseUrl });
  await lock.connect();
  await lock.query('SELECT pg_advisory_lock_shared($1)', [SCHEMA_LOCK_KEY]);
  try {
    return await work();
  } finally {
    await lock.end();
  }
}

type OldTerms = [firstResponse: number | null, resolution: number | null, hours: string, uptimeBp: number | null];

async function insertOldPlan(db: Kysely<any>, code: string, versions: OldTerms[]) {
  const planId = `plan_${code}`;
  await db
    .insertInto('plans')
    .values({
      id: planId,
      code,
      position: 10,
      current_version_id: `plv_${code}_${versions.length}`,
      created_at: TEST_START_MS,
      archived_at: null,
    })
    .execute();
  for (const [i, [firstResponse, resolution, hours, uptimeBp]] of versions.entries()) {
    await db
      .insertInto('plan_versions')
      .values({
        id: `plv_${code}_${i + 1}`,
        plan_id: planId,
        version: i + 1,
        name: code[0]?.toUpperCase() + code.slice(1),
        description: '',
        check_interval_s: 60,
        alert_channels: '["email"]',
        features: '{}',
        support_minutes_per_month: 60,
        sla_first_response_minutes: firstResponse,
        sla_resolution_minutes: resolution,
        sla_hours: hours,
        uptime_commitment_bp: uptimeBp,
        pricing_model: 'flat',
        monthly_price_minor: 10_000,
        annual_price_minor: 100_000,
        hourly_rate_minor: null,
        currency: 'EUR',
        cancellation_notice_days: 30,
        created_at: TEST_START_MS + i * 1000,
      })
      .execute();
  }
}

let blank: Blank | undefined;
afterEach(async () => {
  await blank?.close();
  blank = undefined;
});

describe('migration 0006_sla', () => {
  it('turns the inline plan SLA terms into one policy per distinct set, under calendars of the agency', async () => {
    blank = await openBlank();
    const db = blank.db;
    await migrating(() => migrateUpTo(blank!.storage.db, '0005_alerts'));
    await db
      .insertInto('agency_settings')
      .values({
        id: 1,
        name: 'Agency',
        logo_url: null,
        default_currency: 'EUR',
        locale: 'es',
        time_zone: 'Europe/Madrid',
        owner_created_at: null,
        updated_at: TEST_START_MS,
      })
      .execute();
    await insertOldPlan(db, 'basic', [
      [240, null, 'business', null],
      [240, null, 'business', null], // a price change: same terms, same policy
    ]);
    await insertOldPlan(db, 'standard', [
      [60, 480, 'business', null],
      [60, 480, '24x7', null], // same minutes, other clock: another policy
    ]);
    await insertOldPlan(db, 'premium', [[30, 240, '24x7', 9990]]);
    await insertOldPlan(db, 'uptime', [[null, null, '24x7', 9950]]);
    await insertOldPlan(db, 'plain', [[null, null, 'business', null]]);

    await migrating(() => migrateUpTo(blank!.storage.db, '0006_sla'));

    const calendars = await db.selectFrom('sla_calendars').selectAll().orderBy('kind').execute();
    expect(calendars).toHaveLength(2);
    const business = calendars.find((c) => c.kind === 'business');
    const allWeek = calendars.find((c) => c.kind === '24x7');
    expect(allWeek).toMatchObject({ id: 'cal_24x7', kind: '24x7', name: '24/7', archived_at: null });
    expect(business).toMatchObject({ kind: 'business', name: 'Business hours', time_zone: 'Europe/Madrid' });
    const weekly = JSON.parse(business!.weekly_hours);
    expect(weekly['1']).toEqual([['09:00', '18:00']]);
    expect(weekly['5']).toEqual([['09:00', '18:00']]);
    expect(weekly['6']).toEqual([]);
    expect(weekly['7']).toEqual([]);

    const versions = await db.selectFrom('plan_versions').select(['id', 'sla_policy_id']).orderBy('id').execute();
    const policyOf = Object.fromEntries(versions.map((v) => [v.id, v.sla_policy_id]));
    expect(policyOf.plv_basic_1).toBe(policyOf.plv_basic_2);
    expect(policyOf.plv_standard_1).not.toBe(policyOf.plv_standard_2);
    expect(policyOf.plv_plain_1).toBeNull();
    const policies = await db.selectFrom('sla_policies').selectAll().execute();
    expect(policies).toHaveLength(5);
    expect(new Set(Object.values(policyOf).filter(Boolean)).size).toBe(5);

    const byId = new Map(policies.map((p) => [p.id, p]));
    const terms = (versionId: string) => {
      const p = byId.get(policyOf[versionId]);
      return p && [p.first_response_minutes, p.resolution_minutes, p.first_response_clock, p.uptime_commitment_bp];
    };
    expect(terms('plv_basic_1')).toEqual([240, null, 'business', null]);
    expect(terms('plv_standard_1')).toEqual([60, 480, 'business', null]);
    expect(terms('plv_standard_2')).toEqual([60, 480, '24x7', null]);
    expect(terms('plv_premium_1')).toEqual([30, 240, '24x7', 9990]);
    expect(terms('plv_uptime_1')).toEqual([null, null, '24x7', 9950]);
    for (const p of policies) {
      expect(p).toMatchObject({
        calendar_id: business!.id,
        severity_targets: '{}',
        warn_at_percent: 75,
        credit_per_step_bp: 1000,
        credit_step_bp: 10,
        credit_cap_bp: 5000,
        archived_at: null,
      });
      expect(p.resolution_clock).toBe(p.first_response_clock);
    }
    expect(byId.get(policyOf.plv_premium_1)?.name).toBe('Premium SLA');

    const tables = await db.introspection.getTables();
    const columns = (tables.find((t) => t.name === 'plan_versions')?.columns ?? []).map((c) => c.name);
    expect(columns).toContain('sla_policy_id');
    const old = ['sla_first_response_minutes', 'sla_resolution_minutes', 'sla_hours', 'uptime_commitment_bp'];
    expect(columns.filter((c) => old.includes(c))).toEqual([]);

    // The application, migrated on to the latest schema, reads the result: plans carry their policy's
    // summary, policies list the plans selling them.
    await migrating(() => migrateToLatest(blank!.storage.db));
    const ctx = { db: blank.storage.db, clock: fixedClock(TEST_START_MS) };
    const plans = await listPlans(ctx);
    expect(plans.find((p) => p.code === 'premium')?.sla).toMatchObject({
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
      firstResponseClock: '24x7',
      uptimeCommitmentBp: 9990,
    });
    expect(plans.find((p) => p.code === 'plain')?.sla).toBeNull();
    const standardPolicies = (await listSlaPolicies(ctx)).filter((p) => p.name === 'Standard SLA');
    expect(standardPolicies.map((p) => p.plans.map((pl) => pl.code))).toEqual(
      expect.arrayContaining([[], ['standard']]),
    );
  });

  it('on a new install makes only the built-in 24/7 calendar (the default plans bring their own)', async () => {
    blank = await openBlank();
    await migrating(() => migrateUpTo(blank!.storage.db, '0006_sla'));
    expect(await blank.db.selectFrom('sla_calendars').select(['id', 'kind']).execute()).toEqual([
      { id: 'cal_24x7', kind: '24x7' },
    ]);
    expect(await blank.db.selectFrom('sla_policies').select('id').execute()).toEqual([]);
  });
});
