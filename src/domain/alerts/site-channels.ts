import { notFound } from '../../errors.ts';
import type { AlertChannelsTable, Executor, MonitorsTable } from '../../storage/schema.ts';
import { LIVE_STATUSES } from '../contracts/live-plan.ts';
import type { ALERT_CHANNELS } from '../plans/schemas.ts';

export type ChannelKind = (typeof ALERT_CHANNELS)[number];

/** A site without a live contract gets what every plan includes: e-mail. */
export const UNPLANNED_ALERT_KINDS: readonly ChannelKind[] = ['email'];

/** Everything an alert about one monitor needs to say who and what it is about. */
export type AlertSubject = {
  monitor: Pick<MonitorsTable, 'id' | 'name' | 'kind' | 'flap_grace_s' | 'config'>;
  site: { id: string; name: string; url: string; clientId: string };
  client: { id: string; name: string };
  /** The alert channel kinds the site's plan includes. */
  allowedKinds: readonly ChannelKind[];
  planName: string | null;
};

export async function loadAlertSubject(db: Executor, monitorId: string): Promise<AlertSubject> {
  const row = await db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select([
      'monitors.id as monitorId',
      'monitors.name as monitorName',
      'monitors.kind as monitorKind',
      'monitors.flap_grace_s as flapGraceS',
      'monitors.config as monitorConfig',
      'sites.id as siteId',
      'sites.name as siteName',
      'sites.url as siteUrl',
      'clients.id as clientId',
      'clients.name as clientName',
    ])
    .where('monitors.id', '=', monitorId)
    .executeTakeFirst();
  if (!row) throw notFound('Monitor');
  const plan = await db
    .selectFrom('contracts')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .select(['plan_versions.name as name', 'plan_versions.alert_channels as alertChannels'])
    .where('contracts.client_id', '=', row.clientId)
    .where('contracts.status', 'in', [...LIVE_STATUSES])
    .executeTakeFirst();
  return {
    monitor: {
      id: row.monitorId,
      name: row.monitorName,
      kind: row.monitorKind,
      flap_grace_s: row.flapGraceS,
      config: row.monitorConfig,
    },
    site: { id: row.siteId, name: row.siteName, url: row.siteUrl, clientId: row.clientId },
    client: { id: row.clientId, name: row.clientName },
    allowedKinds: plan ? (JSON.parse(plan.alertChannels) as ChannelKind[]) : UNPLANNED_ALERT_KINDS,
    planName: plan?.name ?? null,
  };
}

/**
 * The channels an alert about this subject goes to: enabled, not archived, agency-wide or the
 * client's own, and of a kind the site's plan includes (Basic: e-mail only).
 */
export async function channelsFor(db: Executor, subject: AlertSubject): Promise<AlertChannelsTable[]> {
  if (subject.allowedKinds.length === 0) return [];
  return db
    .selectFrom('alert_channels')
    .selectAll()
    .where('enabled', '=', 1)
    .where('archived_at', 'is', null)
    .where('kind', 'in', [...subject.allowedKinds])
    .where((eb) => eb.or([eb('client_id', 'is', null), eb('client_id', '=', subject.site.clientId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
