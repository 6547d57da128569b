import type { Child } from 'hono/jsx';
import { SEVERITIES } from '../../domain/sla/policy.ts';
import type { SlaPolicyView } from '../../domain/sla/policy-schemas.ts';
import { ActionButton } from './form-controls.tsx';
import { formatMinutes, formatPercentBp } from './format.ts';

export const CLOCK_LABELS: Record<string, string> = { business: 'business hours', '24x7': '24/7' };
export const SEVERITY_LABELS: Record<string, string> = { critical: 'Critical', major: 'Major', minor: 'Minor' };

/** "4 h (business hours)"; "–" for no target. */
export function targetText(minutes: number | null | undefined, clock: string): string {
  return minutes === null || minutes === undefined ? '–' : `${formatMinutes(minutes)} (${CLOCK_LABELS[clock]})`;
}

/** "10 % per started 0.1 % below, cap 50 %". */
export function creditRuleText(p: Pick<SlaPolicyView, 'creditPerStepBp' | 'creditStepBp' | 'creditCapBp'>): string {
  return `${formatPercentBp(p.creditPerStepBp)} per started ${formatPercentBp(p.creditStepBp)} below, cap ${formatPercentBp(p.creditCapBp)}`;
}

/** "Critical: first response 15 min, resolution none"; one line per severity that overrides a target. */
export function severityLines(p: SlaPolicyView): string[] {
  const show = (minutes: number | null | undefined, clock: string) =>
    minutes === null ? 'none' : formatMinutes(minutes as number) + (clock === '24x7' ? ' (24/7)' : '');
  return SEVERITIES.flatMap((s) => {
    const o = p.severityTargets[s];
    if (!o) return [];
    const parts = [
      o.firstResponseMinutes !== undefined && `first response ${show(o.firstResponseMinutes, p.firstResponseClock)}`,
      o.resolutionMinutes !== undefined && `resolution ${show(o.resolutionMinutes, p.resolutionClock)}`,
    ].filter(Boolean);
    return [`${SEVERITY_LABELS[s]}: ${parts.join(', ')}`];
  });
}

function PlanLinks({ plans }: { plans: SlaPolicyView['plans'] }) {
  if (plans.length === 0) return <span class="muted">none</span>;
  return (
    <ul class="tags">
      {plans.map((pl) => (
        <li>
          <a href={`/admin/plans/${pl.id}`}>{pl.name}</a>
          {pl.archived && ' (archived)'}
        </li>
      ))}
    </ul>
  );
}

export function PoliciesTable(p: { policies: SlaPolicyView[]; manage: boolean; csrfToken: string }) {
  return (
    <table class="stack">
      <caption class="sr-only">SLA policies</caption>
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">Calendar</th>
          <th scope="col">First response</th>
          <th scope="col">Resolution</th>
          <th scope="col">Uptime</th>
          <th scope="col">Sold by</th>
          {p.manage && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {p.policies.map((sp) => (
          <tr>
            <td data-label="Policy">
              <a href={`/admin/sla/policies/${sp.id}`}>
                <strong>{sp.name}</strong>
              </a>
              {sp.archivedAt && <span class="badge"> archived</span>}
              {severityLines(sp).map((line) => (
                <div class="muted small">{line}</div>
              ))}
            </td>
            <td data-label="Calendar">{sp.calendar.name}</td>
            <td data-label="First response">{targetText(sp.firstResponseMinutes, sp.firstResponseClock)}</td>
            <td data-label="Resolution">{targetText(sp.resolutionMinutes, sp.resolutionClock)}</td>
            <td data-label="Uptime">
              {formatPercentBp(sp.uptimeCommitmentBp)}
              {sp.uptimeCommitmentBp !== null && <div class="muted small">{creditRuleText(sp)}</div>}
            </td>
            <td data-label="Sold by">
              <PlanLinks plans={sp.plans} />
            </td>
            {p.manage && (
              <td data-label="Actions">
                <ActionButton
                  action={`/admin/sla/policies/${sp.id}/${sp.archivedAt ? 'restore' : 'archive'}`}
                  csrfToken={p.csrfToken}
                  label={sp.archivedAt ? 'Restore' : 'Archive'}
                  ariaLabel={`${sp.archivedAt ? 'Restore' : 'Archive'} ${sp.name}`}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A policy as a definition list (what technicians see instead of the form). */
export function PolicyFacts({ p }: { p: SlaPolicyView }) {
  const severities = severityLines(p);
  const rows: Array<[string, Child]> = [
    ['Description', p.description || '–'],
    ['Calendar', `${p.calendar.name}${p.calendar.kind === 'business' ? ` (${p.calendar.timeZone})` : ''}`],
    ['First response', targetText(p.firstResponseMinutes, p.firstResponseClock)],
    ['Resolution', targetText(p.resolutionMinutes, p.resolutionClock)],
    ['Per severity', severities.length ? severities.join('; ') : 'same for every severity'],
    ['Warning at', `${p.warnAtPercent} % of a target`],
    ['Uptime commitment', formatPercentBp(p.uptimeCommitmentBp)],
    ['Service credit', p.uptimeCommitmentBp === null ? '–' : creditRuleText(p)],
    ['Sold by', <PlanLinks plans={p.plans} />],
  ];
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
