import { z } from 'zod';
import type { MonitorsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';

export const MONITOR_KINDS = ['http', 'tcp', 'dns', 'tls', 'heartbeat'] as const;

/** Used when a site's client has no live contract (no plan to take an interval from). */
export const UNPLANNED_INTERVAL_S = 300;

export const heartbeatConfigSchema = z
  .object({
    /** How often the job is expected to ping. */
    periodS: z
      .number()
      .int()
      .min(30)
      .max(31 * 86_400),
    /** Extra time allowed after a missed period before the monitor counts as down. */
    graceS: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(300),
  })
  .strict();

const policyFields = {
  name: z.string().trim().min(1).max(200).optional(),
  intervalS: z.number().int().min(10).max(86_400).nullable().optional(),
  failureThreshold: z.number().int().min(1).max(10).optional(),
  recoveryThreshold: z.number().int().min(1).max(10).optional(),
  flapGraceS: z.number().int().min(0).max(86_400).optional(),
  enabled: z.boolean().optional(),
};

/** `config` is checked against the kind's probe schema in the use case (fields may default from the site). */
export const createMonitorSchema = z
  .object({
    siteId: z.string().min(1).max(64),
    kind: z.enum(MONITOR_KINDS),
    config: z.record(z.string(), z.unknown()).default({}),
    ...policyFields,
  })
  .strict();

export const updateMonitorSchema = z
  .object({ config: z.record(z.string(), z.unknown()), ...policyFields })
  .partial()
  .strict();

export const listMonitorsQuerySchema = z.object({
  siteId: z.string().max(64).optional(),
  clientId: z.string().max(64).optional(),
  kind: z.enum(MONITOR_KINDS).optional(),
  status: z.enum(['unknown', 'up', 'degraded', 'down']).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export type Monitor = {
  id: string;
  siteId: string;
  kind: MonitorsTable['kind'];
  name: string;
  config: Record<string, unknown>;
  /** Null when the monitor follows its plan's interval. */
  intervalS: number | null;
  effectiveIntervalS: number;
  failureThreshold: number;
  recoveryThreshold: number;
  flapGraceS: number;
  enabled: boolean;
  status: MonitorsTable['status'];
  lastCheckAt: string | null;
  lastTotalMs: number | null;
  lastErrorClass: string | null;
  lastPingAt: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export function toMonitor(r: MonitorsTable, effectiveIntervalS: number): Monitor {
  return {
    id: r.id,
    siteId: r.site_id,
    kind: r.kind,
    name: r.name,
    config: JSON.parse(r.config),
    intervalS: r.interval_s,
    effectiveIntervalS,
    failureThreshold: r.failure_threshold,
    recoveryThreshold: r.recovery_threshold,
    flapGraceS: r.flap_grace_s,
    enabled: r.enabled === 1,
    status: r.status,
    lastCheckAt: isoOrNull(r.last_check_at),
    lastTotalMs: r.last_total_ms,
    lastErrorClass: r.last_error_class,
    lastPingAt: isoOrNull(r.last_ping_at),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    archivedAt: isoOrNull(r.archived_at),
  };
}
