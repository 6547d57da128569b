import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { newId, newSecret, sha256Hex } from '../../ids.ts';
import { probeSpecSchema } from '../../probes/index.ts';
import type { Executor, MonitorsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { livePlansByClient, type SitePlan } from '../contracts/live-plan.ts';
import { listPlans } from '../plans/read-plans.ts';
import { invalidField, parseInput, validationError } from '../shared/validation.ts';
import { getSite } from '../sites/sites.ts';
import {
  createMonitorSchema,
  heartbeatConfigSchema,
  listMonitorsQuerySchema,
  type Monitor,
  toMonitor,
  UNPLANNED_INTERVAL_S,
  updateMonitorSchema,
} from './monitor-schemas.ts';

const DEFAULTS = { failureThreshold: 2, recoveryThreshold: 1, flapGraceS: 300 };

/** A probe config with the site's address filled in where the kind needs one and none was given. */
function withSiteDefaults(kind: MonitorsTable['kind'], config: Record<string, unknown>, siteUrl: string) {
  const host = new URL(siteUrl).hostname;
  if (kind === 'http') return { url: siteUrl, ...config };
  if (kind === 'tls' || kind === 'tcp') return { host, ...config };
  if (kind === 'dns') return { hostname: host, ...config };
  return config;
}

export function parseMonitorConfig(kind: MonitorsTable['kind'], config: unknown): Record<string, unknown> {
  if (kind === 'heartbeat') {
    const r = heartbeatConfigSchema.safeParse(config);
    if (!r.success) throw validationError(prefixIssues(r.error));
    return r.data;
  }
  const r = probeSpecSchema.safeParse({ kind, config });
  if (!r.success) throw validationError(r.error);
  return r.data.config as Record<string, unknown>;
}

function prefixIssues(error: z.ZodError): z.ZodError {
  return new z.ZodError(error.issues.map((i) => ({ ...i, path: ['config', ...i.path] })));
}

/** Refuses an interval shorter than the site's plan allows, naming the plan that allows it. */
async function checkInterval(ctx: Ctx, plan: SitePlan | null, intervalS: number | null | undefined) {
  const allowedS = plan?.checkIntervalS ?? UNPLANNED_INTERVAL_S;
  if (intervalS === null || intervalS === undefined || intervalS >= allowedS) return;
  const current = plan
    ? `the ${plan.planName} plan checks every ${allowedS} s at most`
    : `without a plan, checks run every ${allowedS} s at most`;
  const upgrade = (await listPlans(ctx)).find((p) => p.checkIntervalS <= intervalS);
  const hint = upgrade
    ? `; checks every ${intervalS} s need the ${upgrade.name} plan (every ${upgrade.checkIntervalS} s)`
    : '; no plan in the catalogue checks this often';
  throw invalidField('intervalS', `${current}${hint}`);
}

async function planFor(db: Executor, clientId: string): Promise<SitePlan | null> {
  return (await livePlansByClient(db, [clientId])).get(clientId) ?? null;
}

export const effectiveIntervalS = (row: Pick<MonitorsTable, 'interval_s'>, plan: SitePlan | null) =>
  row.interval_s ?? plan?.checkIntervalS ?? UNPLANNED_INTERVAL_S;

export async function getMonitorRow(db: Executor, id: string): Promise<MonitorsTable> {
  const row = await db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Monitor');
  return row;
}

async function present(db: Executor, rows: MonitorsTable[]): Promise<Monitor[]> {
  if (rows.length === 0) return [];
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'client_id'])
    .where('id', 'in', [...new Set(rows.map((r) => r.site_id))])
    .execute();
  const clientOf = new Map(sites.map((s) => [s.id, s.client_id]));
  const plans = await livePlansByClient(db, [...new Set(sites.map((s) => s.client_id))]);
  return rows.map((r) => toMonitor(r, effectiveIntervalS(r, plans.get(clientOf.get(r.site_id) ?? '') ?? null)));
}

export async function getMonitor(ctx: Ctx, id: string): Promise<Monitor> {
  const [m] = await present(ctx.db, [await getMonitorRow(ctx.db, id)]);
  return m as Monitor;
}

export type CreatedMonitor = { monitor: Monitor; heartbeatToken: string | null };

export async function createMonitor(ctx: Ctx, _actor: Actor, input: unknown): Promise<CreatedMonitor> {
  const data = parseInput(createMonitorSchema, input);
  const site = await getSite(ctx, data.siteId);
  if (site.archivedAt) throw invalidField('siteId', 'the site is archived');
  const config = parseMonitorConfig(data.kind, withSiteDefaults(data.kind, data.config, site.url));
  await checkInterval(ctx, await planFor(ctx.db, site.clientId), data.intervalS);
  const heartbeatToken = data.kind === 'heartbeat' ? newSecret('hb') : null;
  const nowMs = ctx.clock.now();
  const row: MonitorsTable = {
    id: newId('mon'),
    site_id: site.id,
    kind: data.kind,
    name: data.name ?? `${data.kind.toUpperCase()} ${site.name}`,
    config: JSON.stringify(config),
    interval_s: data.intervalS ?? null,
    failure_threshold: data.failureThreshold ?? DEFAULTS.failureThreshold,
    recovery_threshold: data.recoveryThreshold ?? DEFAULTS.recoveryThreshold,
    flap_grace_s: data.flapGraceS ?? DEFAULTS.flapGraceS,
    enabled: data.enabled === false ? 0 : 1,
    status: 'unknown',
    consecutive_failures: 0,
    consecutive_successes: 0,
    streak_since: null,
    last_check_at: null,
    last_total_ms: null,
    last_error_class: null,
    heartbeat_token_hash: heartbeatToken ? sha256Hex(heartbeatToken) : null,
    // A new heartbeat monitor gets one full period before its first ping is due.
    last_ping_at: data.kind === 'heartbeat' ? nowMs : null,
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  await ctx.db.insertInto('monitors').values(row).execute();
  return { monitor: await getMonitor(ctx, row.id), heartbeatToken };
}

export async function updateMonitor(ctx: Ctx, _actor: Actor, id: string, input: unknown): Promise<Monitor> {
  const patch = parseInput(updateMonitorSchema, input);
  const row = await getMonitorRow(ctx.db, id);
  const site = await getSite(ctx, row.site_id);
  const config = patch.config
    ? parseMonitorConfig(row.kind, withSiteDefaults(row.kind, patch.config, site.url))
    : undefined;
  if (patch.intervalS !== undefined) await checkInterval(ctx, await planFor(ctx.db, site.clientId), patch.intervalS);
  await ctx.db
    .updateTable('monitors')
    .set({
      ...(config && { config: JSON.stringify(config) }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.intervalS !== undefined && { interval_s: patch.intervalS }),
      ...(patch.failureThreshold !== undefined && { failure_threshold: patch.failureThreshold }),
      ...(patch.recoveryThreshold !== undefined && { recovery_threshold: patch.recoveryThreshold }),
      ...(patch.flapGraceS !== undefined && { flap_grace_s: patch.flapGraceS }),
      ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .execute();
  return getMonitor(ctx, id);
}

export async function setMonitorArchived(ctx: Ctx, _actor: Actor, id: string, archived: boolean): Promise<Monitor> {
  await getMonitorRow(ctx.db, id);
  const nowMs = ctx.clock.now();
  await ctx.db
    .updateTable('monitors')
    .set({ archived_at: archived ? nowMs : null, updated_at: nowMs })
    .where('id', '=', id)
    .execute();
  return getMonitor(ctx, id);
}

/** A new secret URL for a heartbeat monitor; the old one stops working. */
export async function rotateHeartbeatToken(ctx: Ctx, _actor: Actor, id: string): Promise<CreatedMonitor> {
  const row = await getMonitorRow(ctx.db, id);
  if (row.kind !== 'heartbeat') throw invalidField('kind', 'only heartbeat monitors have a ping URL');
  const token = newSecret('hb');
  await ctx.db
    .updateTable('monitors')
    .set({ heartbeat_token_hash: sha256Hex(token), updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .execute();
  return { monitor: await getMonitor(ctx, id), heartbeatToken: token };
}

export async function listMonitors(ctx: Ctx, query: unknown = {}): Promise<Monitor[]> {
  const f = parseInput(listMonitorsQuerySchema, query);
  let q = ctx.db.selectFrom('monitors').innerJoin('sites', 'sites.id', 'monitors.site_id').selectAll('monitors');
  if (f.siteId) q = q.where('monitors.site_id', '=', f.siteId);
  if (f.clientId) q = q.where('sites.client_id', '=', f.clientId);
  if (f.kind) q = q.where('monitors.kind', '=', f.kind);
  if (f.status) q = q.where('monitors.status', '=', f.status);
  if (f.archived === 'false') q = q.where('monitors.archived_at', 'is', null);
  if (f.archived === 'true') q = q.where('monitors.archived_at', 'is not', null);
  const rows = await q.orderBy('monitors.created_at').orderBy('monitors.id').execute();
  return present(ctx.db, rows);
}
