import type { MetricCompliance } from '../../domain/sla/compliance-types.ts';
import type { AtRiskClock } from '../../domain/sla/sla-at-risk.ts';
import type { BoardClient, SlaBoard } from '../../domain/sla/sla-board.ts';
import { formatMoney } from './format.ts';
import { METRIC_LABELS } from './incidents-sla-views.tsx';
import { formatDurationMs, formatRecent } from './monitors-bits.tsx';

/** '2026-03' → "March 2026". */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

function dueText(c: AtRiskClock, nowMs: number): string {
  if (c.dueAt === null) return 'no business hours ahead';
  const dueMs = Date.parse(c.dueAt);
  return dueMs > nowMs ? `due in ${formatDurationMs(dueMs - nowMs)}` : `over by ${formatDurationMs(nowMs - dueMs)}`;
}

export function AtRiskTable(p: { clocks: AtRiskClock[]; timeZone: string; nowMs: number }) {
  if (p.clocks.length === 0)
    return <p class="card muted">Nothing at risk: every running clock is within its warning.</p>;
  return (
    <table class="stack sla-at-risk">
      <caption class="sr-only">Clocks at risk, due soonest first</caption>
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Clock</th>
          <th scope="col" class="num">
            Elapsed
          </th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {p.clocks.map((c) => (
          <tr>
            <td data-label="Incident">
              <a href={`/admin/incidents/${c.incidentId}`}>
                <strong>{c.clientName}</strong> · {c.siteName}
              </a>
              <div class="muted small">
                {c.severity} · started {formatRecent(c.startedAt, p.timeZone, p.nowMs)}
              </div>
            </td>
            <td data-label="Clock">
              {METRIC_LABELS[c.metric]}{' '}
              {c.risk === 'overdue' ? (
                <span class="badge err strong">Over target</span>
              ) : (
                <span class="badge warn strong">At risk</span>
              )}
              {c.paused && <span class="badge">Paused</span>}
            </td>
            <td data-label="Elapsed" class="num">
              {c.percentElapsed} %
            </td>
            <td data-label="Due">
              {dueText(c, p.nowMs)}
              <div class="muted small">{formatRecent(c.dueAt, p.timeZone, p.nowMs)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Within(p: { m: MetricCompliance }) {
  const { met, breached, open } = p.m;
  if (met + breached + open === 0) return <span class="muted">–</span>;
  return (
    <>
      {p.m.withinTargetPercent === null ? '–' : `${p.m.withinTargetPercent} %`}
      <div class="muted small">
        {met} met · {breached} breached{open > 0 && ` · ${open} open`}
      </div>
    </>
  );
}

function Uptime(p: { row: BoardClient }) {
  const r = p.row;
  if (r.lowestUptimePercent === null) return <span class="muted">not monitored</span>;
  return (
    <>
      {r.lowestUptimePercent} %{' '}
      {r.keepsCommitment === false && <span class="badge err">below {r.uptimeCommitmentPercent} %</span>}
      {r.keepsCommitment === true && <span class="badge ok">≥ {r.uptimeCommitmentPercent} %</span>}
      <div class="muted small">
        {r.lowestSiteName}
        {r.uptimeCommitmentPercent === null && ' · no commitment'}
      </div>
    </>
  );
}

export function BoardClientsTable({ board }: { board: SlaBoard }) {
  if (board.clients.length === 0) return <p class="card muted">No client had a site in this month.</p>;
  return (
    <table class="stack sla-clients">
      <caption class="sr-only">Compliance per client</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Uptime</th>
          <th scope="col" class="num">
            Incidents
          </th>
          <th scope="col">First response within target</th>
          <th scope="col">Resolution within target</th>
          <th scope="col" class="num">
            Credit due
          </th>
        </tr>
      </thead>
      <tbody>
        {board.clients.map((r) => (
          <tr>
            <td data-label="Client">
              <a href={`/admin/clients/${r.clientId}`}>{r.clientName}</a>
              <div class="muted small">{r.planName ?? 'no contract'}</div>
            </td>
            <td data-label="Uptime">
              <Uptime row={r} />
            </td>
            <td data-label="Incidents" class="num">
              {r.incidents}
            </td>
            <td data-label="First response">
              <Within m={r.firstResponse} />
            </td>
            <td data-label="Resolution">
              <Within m={r.resolution} />
            </td>
            <td data-label="Credit due" class="num">
              {r.creditDue.length === 0
                ? '–'
                : r.creditDue.map((a) => <span class="money-line">{formatMoney(a.amountMinor, a.currency)}</span>)}
              {r.creditBp > 0 && <div class="muted small">{r.creditBp / 100} % of the fee</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
