import { formatDurationS } from '../../domain/alerts/render-alert.ts';
import type { Monitor } from '../../domain/monitoring/monitor-schemas.ts';
import { formatUptimePercent } from '../../domain/monitoring/uptime-text-view.ts';
import { formatDateTime } from './format.ts';

// Small pieces shared by the monitor and incident pages.

export type DisplayStatus = 'up' | 'degraded' | 'down' | 'unknown' | 'paused';

export const STATUS_TEXT: Record<DisplayStatus, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Not checked yet',
  paused: 'Paused',
};

/** Paused wins: a paused monitor's last status is stale by design. */
export const displayStatus = (m: Pick<Monitor, 'enabled' | 'status'>): DisplayStatus =>
  m.enabled ? m.status : 'paused';

const BADGE_CLASS: Record<DisplayStatus, string> = {
  up: 'badge ok',
  degraded: 'badge warn',
  down: 'badge err strong',
  unknown: 'badge',
  paused: 'badge',
};

export function StatusBadge(p: { status: DisplayStatus }) {
  return (
    <span class={BADGE_CLASS[p.status]}>
      <span class={`status-dot ${p.status}`} aria-hidden="true" />
      {STATUS_TEXT[p.status]}
    </span>
  );
}

export const KIND_LABELS: Record<Monitor['kind'], string> = {
  http: 'HTTP(S)',
  tcp: 'TCP port',
  dns: 'DNS record',
  tls: 'TLS certificate',
  heartbeat: 'Heartbeat',
};

/** What the monitor looks at, in a few words: the URL, host:port, the name and record type. */
export function monitorTarget(m: Pick<Monitor, 'kind' | 'config'>): string {
  const c = m.config as Record<string, unknown>;
  switch (m.kind) {
    case 'http':
      return String(c.url ?? '');
    case 'tcp':
    case 'tls':
      return `${c.host}:${c.port ?? 443}`;
    case 'dns':
      return `${c.hostname} (${c.recordType ?? 'A'})`;
    case 'heartbeat':
      return `ping expected every ${formatDurationMs(Number(c.periodS) * 1000)}, grace ${formatDurationMs(Number(c.graceS ?? 0) * 1000)}`;
  }
}

/** The same wording as the alerts: "45 s", "1 h 15 min", "2 d 3 h". */
export const formatDurationMs = (ms: number) => formatDurationS(Math.max(0, Math.round(ms / 1000)));

export const formatMs = (ms: number | null) => (ms === null ? '–' : `${Math.round(ms)} ms`);

export function UptimeText(p: { ratio: number | null | undefined }) {
  const ratio = p.ratio ?? null;
  const cls = ratio === null ? 'muted' : ratio < 0.99 ? 'error' : undefined;
  return <span class={cls}>{formatUptimePercent(ratio)}</span>;
}

/** "09:41" for today (in the zone), else "2 Mar 2026, 09:41": recent instants stay short in tables. */
export function formatRecent(iso: string | null, timeZone: string, nowMs: number): string {
  if (!iso) return '–';
  const day = (ms: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone }).format(new Date(ms));
  if (day(Date.parse(iso)) !== day(nowMs)) return formatDateTime(iso, timeZone);
  return new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone }).format(new Date(iso));
}
