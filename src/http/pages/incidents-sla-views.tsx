import type { IncidentSlaView, SlaClockView } from '../../domain/incidents/incident-sla.ts';
import { nextDueClock, slaCountdown, slaRiskOf } from '../../domain/incidents/incident-sla.ts';
import { formatDateTime, formatMinutes } from './format.ts';
import { formatRecent } from './monitors-bits.tsx';

// SLA clocks in the console: a section on the incident page and a cell in the incident list.

export const METRIC_LABELS: Record<SlaClockView['metric'], string> = {
  first_response: 'First response',
  resolution: 'Resolution',
};

function StateBadge(p: { clock: SlaClockView; nowMs: number }) {
  const c = p.clock;
  if (c.state === 'breached') return <span class="badge err strong">Breached</span>;
  if (c.state === 'met') return <span class="badge ok">Met</span>;
  if (c.state === 'paused') return null; // the countdown says "paused: …"
  const atRisk = c.warnAt !== null && Date.parse(c.warnAt) <= p.nowMs;
  return atRisk ? <span class="badge warn strong">At risk</span> : <span class="badge">Running</span>;
}

/** Percent elapsed as a meter: green below the warning threshold, amber past it, red once breached. */
function ElapsedBar(p: { clock: SlaClockView; warnAtPercent: number }) {
  const label = `${METRIC_LABELS[p.clock.metric]}: ${p.clock.percentElapsed} % of the target elapsed (warning at ${p.warnAtPercent} %)`;
  return (
    <meter
      class="sla-meter"
      min={0}
      max={100}
      low={p.warnAtPercent}
      high={99.9}
      optimum={0}
      value={Math.min(100, p.clock.percentElapsed)}
      aria-label={label}
      title={label}
    >
      {p.clock.percentElapsed} %
    </meter>
  );
}

export function SlaClocksTable(p: {
  sla: IncidentSlaView;
  nowMs: number;
  clientTimeZone: string;
  waitingForClient: boolean;
}) {
  const policy = p.sla.policy;
  if (!policy) {
    return <p class="muted">No SLA: the client had no contract with an SLA policy when this incident started.</p>;
  }
  return (
    <>
      <p class="muted small">
        {policy.name} · calendar “{policy.calendarName}” · warning at {policy.warnAtPercent} % of a target
      </p>
      <table class="stack sla-clocks">
        <caption class="sr-only">SLA clocks</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Target</th>
            <th scope="col">Elapsed</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {p.sla.clocks.map((c) => (
            <tr>
              <td data-label="Metric">
                <strong>{METRIC_LABELS[c.metric]}</strong>
              </td>
              <td data-label="Target">
                {formatMinutes(c.targetMinutes)}{' '}
                <span class="muted small">{c.clock === 'business' ? 'business hours' : '24/7'}</span>
              </td>
              <td data-label="Elapsed">
                {c.elapsedMinutes} min <span class="muted small">({c.percentElapsed} %)</span>
                <div>
                  <ElapsedBar clock={c} warnAtPercent={policy.warnAtPercent} />
                </div>
              </td>
              <td data-label="Due">
                {c.dueAt ? (
                  <>
                    <time datetime={c.dueAt}>{formatDateTime(c.dueAt, p.clientTimeZone)}</time>{' '}
                    <span class="muted small">({p.clientTimeZone})</span>
                    <div class="muted small">{formatDateTime(c.dueAt, 'UTC')} UTC</div>
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td data-label="State">
                <StateBadge clock={c} nowMs={p.nowMs} />
                <div class="small">{slaCountdown(c, p.nowMs, p.waitingForClient)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The list's SLA cell: the worst state, else the running clock due soonest. */
export function SlaCell(p: { sla: IncidentSlaView; nowMs: number; timeZone: string; waitingForClient: boolean }) {
  if (!p.sla.policy) return <span class="muted">–</span>;
  const risk = slaRiskOf(p.sla, p.nowMs);
  if (risk === 'breached') {
    const breached = p.sla.clocks.filter((c) => c.state === 'breached').map((c) => METRIC_LABELS[c.metric]);
    return (
      <>
        <span class="badge err strong">Breached</span>
        <div class="muted small">{breached.join(', ').toLowerCase()}</div>
      </>
    );
  }
  const next = nextDueClock(p.sla);
  if (!next) return <span class="badge ok">Met</span>;
  return (
    <>
      {risk === 'at_risk' ? (
        <span class="badge warn strong">At risk</span>
      ) : next.state === 'paused' ? (
        <span class="badge">Paused</span>
      ) : null}{' '}
      {METRIC_LABELS[next.metric].toLowerCase()} due {formatRecent(next.dueAt, p.timeZone, p.nowMs)}
      <div class="muted small">{slaCountdown(next, p.nowMs, p.waitingForClient)}</div>
    </>
  );
}
