import type { Config } from '../config.ts';
import { type Ctx, systemActor } from '../domain/context.ts';
import { heartbeatPingUrl } from '../domain/monitoring/heartbeat-url-view.ts';
import type { Monitor } from '../domain/monitoring/monitor-schemas.ts';
import { measuredUptimeRatio, readRecentUptime } from '../domain/monitoring/monitor-stats-view.ts';
import { createMonitor, listMonitors } from '../domain/monitoring/monitors.ts';
import { formatUptimePercent } from '../domain/monitoring/uptime-text-view.ts';
import { getSite } from '../domain/sites/sites.ts';
import { CliError, type Explanations, explainErrors } from './errors.ts';
import { definedOnly, formatInstant, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const OPTION_NAMES: Record<string, string> = {
  siteId: '--site',
  intervalS: '--interval',
  'config.url': '--url',
  'config.keyword.text': '--keyword',
  'config.host': '--host',
  'config.port': '--port',
  'config.hostname': '--hostname',
  'config.recordType': '--record-type',
  'config.expected': '--expected',
  'config.periodS': '--period',
  'config.graceS': '--grace',
};

const explainFor = (siteId: string | undefined): Explanations => ({
  options: OPTION_NAMES,
  notFound: `there is no site ${siteId}; \`npx steward sites list\` shows them`,
});

/** "paused" wins over the last status: a paused monitor's status is stale by design. */
export const displayStatus = (m: Pick<Monitor, 'enabled' | 'status'>) => (m.enabled ? m.status : 'paused');

export async function listAllMonitors(opts: { site?: string; json?: boolean }): Promise<void> {
  const { monitors, uptime } = await explainErrors(
    () => withSession(({ ctx }) => loadMonitors(ctx, opts.site)),
    explainFor(opts.site),
  );
  if (opts.json) return printJson(monitors.map((m) => ({ ...m, uptime: uptime.get(m.id) })));
  if (monitors.length === 0) {
    return tell(
      opts.site ? `No monitors for site ${opts.site}.` : 'No monitors yet. Add one with: npx steward monitors add …',
    );
  }
  printTable(
    ['id', 'name', 'kind', 'status', 'every', 'last check', 'uptime 24h'],
    monitors.map((m) => [
      m.id,
      m.name,
      m.kind,
      displayStatus(m),
      `${m.effectiveIntervalS} s`,
      formatInstant(m.lastCheckAt),
      formatUptimePercent(measuredUptimeRatio(uptime.get(m.id)?.['24h'])),
    ]),
  );
}

async function loadMonitors(ctx: Ctx, siteId: string | undefined) {
  // An unknown site is a typo to report, not an empty list.
  if (siteId) await getSite(ctx, siteId);
  const monitors = await listMonitors(ctx, definedOnly({ siteId }));
  return {
    monitors,
    uptime: await readRecentUptime(
      ctx,
      monitors.map((m) => m.id),
    ),
  };
}

export type AddMonitorOptions = {
  site: string;
  kind: Monitor['kind'];
  name?: string;
  url?: string;
  keyword?: string;
  host?: string;
  port?: number;
  hostname?: string;
  recordType?: string;
  expected?: string;
  period?: number;
  grace?: number;
  interval?: number;
  json?: boolean;
};

/** Which kind-specific flags each kind takes; any other is a mistake worth saying, not ignoring. */
const FLAGS_BY_KIND: Record<Monitor['kind'], Array<keyof AddMonitorOptions>> = {
  http: ['url', 'keyword'],
  tcp: ['host', 'port'],
  tls: ['host', 'port'],
  dns: ['hostname', 'recordType', 'expected'],
  heartbeat: ['period', 'grace'],
};
const KIND_FLAGS = [...new Set(Object.values(FLAGS_BY_KIND).flat())];
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function monitorConfigFrom(opts: AddMonitorOptions): Record<string, unknown> {
  const stray = KIND_FLAGS.filter((k) => opts[k] !== undefined && !FLAGS_BY_KIND[opts.kind].includes(k));
  if (stray.length > 0) {
    throw new CliError(`${stray.map(flagName).join(', ')} does not apply to ${opts.kind} monitors`);
  }
  switch (opts.kind) {
    case 'http':
      return definedOnly({ url: opts.url, keyword: opts.keyword === undefined ? undefined : { text: opts.keyword } });
    case 'tcp':
    case 'tls':
      return definedOnly({ host: opts.host, port: opts.port });
    case 'dns':
      return definedOnly({ hostname: opts.hostname, recordType: opts.recordType, expected: opts.expected });
    case 'heartbeat':
      return definedOnly({ periodS: opts.period, graceS: opts.grace });
  }
}

/** Where jobs reach this installation: STEWARD_PUBLIC_URL, else the address `steward start` serves on. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
}

export async function addMonitor(opts: AddMonitorOptions): Promise<void> {
  const input = definedOnly({
    siteId: opts.site,
    kind: opts.kind,
    name: opts.name,
    intervalS: opts.interval,
    config: monitorConfigFrom(opts),
  });
  const { created, pingUrl } = await explainErrors(
    () =>
      withSession(async ({ ctx, config }) => {
        const created = await createMonitor(ctx, systemActor, input);
        const token = created.heartbeatToken;
        return { created, pingUrl: token ? heartbeatPingUrl(publicBaseUrl(config), token) : null };
      }),
    explainFor(opts.site),
  );
  const { monitor } = created;
  if (opts.json) return printJson({ ...monitor, heartbeatUrl: pingUrl });
  console.log(monitor.id);
  if (pingUrl) console.log(pingUrl);
  tell(`Added monitor ${monitor.name}, checked every ${monitor.effectiveIntervalS} s.`);
  if (pingUrl) tell('The ping URL (second line) is shown only once; call it from the job when it succeeds.');
}
