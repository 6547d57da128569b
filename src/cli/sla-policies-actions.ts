import { getSlaPolicy, listSlaPolicies } from '../domain/sla/policies.ts';
import type { SlaPolicyView } from '../domain/sla/policy-schemas.ts';
import { explainErrors } from './errors.ts';
import { formatMinutes, formatUptimeBp } from './format-plan.ts';
import { printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const CLOCKS = { business: 'business hours', '24x7': '24/7' } as const;

/** "4 h business hours"; "–" without a target. */
function target(minutes: number | null, clock: keyof typeof CLOCKS): string {
  return minutes === null ? '–' : `${formatMinutes(minutes)} ${CLOCKS[clock]}`;
}

/** A severity's override: null there means "no target at this severity". */
const override = (minutes: number | null, clock: keyof typeof CLOCKS) =>
  minutes === null ? 'none' : target(minutes, clock);

const plansOf = (p: SlaPolicyView) =>
  p.plans.map((pl) => `${pl.code}${pl.archived ? ' (archived)' : ''}`).join(', ') || '–';

export async function listPolicies(opts: { all?: boolean; json?: boolean }): Promise<void> {
  const policies = await withSession(({ ctx }) => listSlaPolicies(ctx, { archived: opts.all ? 'all' : 'false' }));
  if (opts.json) return printJson(policies);
  if (policies.length === 0) return tell('No SLA policies. Add one in the console under SLA → Policies.');
  printTable(
    ['id', 'name', 'calendar', 'first response', 'resolution', 'uptime', 'plans'],
    policies.map((p) => [
      p.id,
      `${p.name}${p.archivedAt ? ' (archived)' : ''}`,
      p.calendar.name,
      target(p.firstResponseMinutes, p.firstResponseClock),
      target(p.resolutionMinutes, p.resolutionClock),
      p.uptimeCommitmentBp === null ? '–' : formatUptimeBp(p.uptimeCommitmentBp),
      plansOf(p),
    ]),
  );
}

export async function showPolicy(id: string, opts: { json?: boolean }): Promise<void> {
  const p = await explainErrors(() => withSession(({ ctx }) => getSlaPolicy(ctx, id)), {
    notFound: `there is no SLA policy ${id}; \`npx steward sla policies list --all\` shows them`,
  });
  if (opts.json) return printJson(p);
  const lines: Array<[string, string]> = [
    ['id', p.id],
    ['name', p.name],
    ['status', p.archivedAt ? `archived ${p.archivedAt}` : 'active'],
    ['calendar', `${p.calendar.name} (${p.calendar.kind === '24x7' ? 'every minute counts' : p.calendar.timeZone})`],
    ['first response', target(p.firstResponseMinutes, p.firstResponseClock)],
    ['resolution', target(p.resolutionMinutes, p.resolutionClock)],
  ];
  for (const [severity, o] of Object.entries(p.severityTargets)) {
    if (!o) continue;
    const parts = [
      o.firstResponseMinutes !== undefined &&
        `first response ${override(o.firstResponseMinutes, p.firstResponseClock)}`,
      o.resolutionMinutes !== undefined && `resolution ${override(o.resolutionMinutes, p.resolutionClock)}`,
    ].filter(Boolean);
    lines.push([`${severity} incidents`, parts.join(', ')]);
  }
  lines.push(['warning at', `${p.warnAtPercent} % of a target`]);
  if (p.uptimeCommitmentBp === null) lines.push(['uptime commitment', '–']);
  else {
    lines.push(['uptime commitment', `${formatUptimeBp(p.uptimeCommitmentBp)} per month`]);
    lines.push([
      'service credit',
      `${formatUptimeBp(p.creditPerStepBp)} of the month's fee per started ${formatUptimeBp(p.creditStepBp)} below, at most ${formatUptimeBp(p.creditCapBp)}`,
    ]);
  }
  lines.push(['plans', plansOf(p)]);
  if (p.description) lines.push(['description', p.description]);
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log(lines.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`).join('\n'));
}
