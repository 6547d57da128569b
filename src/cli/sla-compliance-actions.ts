import { systemActor } from '../domain/context.ts';
import { formatMoney } from '../domain/shared/money.ts';
import { type ClientCompliance, type MetricCompliance, monthlyCompliance } from '../domain/sla/compliance.ts';
import { explainErrors } from './errors.ts';
import { definedOnly, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

export async function showCompliance(opts: { month: string; client?: string; json?: boolean }): Promise<void> {
  const report = await explainErrors(
    () =>
      withSession(({ ctx }) =>
        monthlyCompliance(ctx, systemActor, definedOnly({ month: opts.month, clientId: opts.client })),
      ),
    {
      options: { clientId: '--client' },
      notFound: `there is no client ${opts.client}; \`npx steward clients list\` shows them`,
    },
  );
  if (opts.json) return printJson(report);
  if (report.clients.length === 0) return tell(`No client had a site in ${report.month}.`);
  if (report.clients.some((c) => !c.complete)) tell(`${report.month} is still running: the figures are month to date.`);
  printTable(
    ['client', 'site', 'uptime', 'downtime', 'maintenance', 'incidents', 'first response', 'resolution', 'credit'],
    report.clients.flatMap(clientRows),
  );
}

/** One line per site; the client's figures (targets, credit) on its first line. */
function clientRows(c: ClientCompliance): string[][] {
  const shared = [metricText(c.firstResponse), metricText(c.resolution), creditText(c)];
  if (c.sites.length === 0) return [[c.clientName, '–', '–', '–', '–', String(c.incidents.length), ...shared]];
  return c.sites.map((s, i) => [
    i === 0 ? c.clientName : '',
    s.name,
    s.uptimePercent === null ? 'not monitored' : `${s.uptimePercent} %${s.keepsCommitment === false ? ' (below)' : ''}`,
    `${s.downtimeMinutes} min`,
    `${s.excludedMinutes} min`,
    String(s.incidents),
    ...(i === 0 ? shared : ['', '', '']),
  ]);
}

function metricText(m: MetricCompliance): string {
  if (m.met + m.breached + m.open === 0) return '–';
  const open = m.open > 0 ? `, ${m.open} open` : '';
  const percent = m.withinTargetPercent === null ? '' : ` (${m.withinTargetPercent} %)`;
  return `${m.met} met / ${m.breached} breached${open}${percent}`;
}

function creditText(c: ClientCompliance): string {
  if (!c.credit || !c.policy?.uptimeCommitmentPercent) return 'no commitment';
  const amounts = c.credit.amounts.map((a) => formatMoney(a.amountMinor, a.currency)).join(' + ') || '–';
  return c.credit.creditBp === 0
    ? `none (≥ ${c.policy.uptimeCommitmentPercent} %)`
    : `${amounts} (${c.credit.creditBp / 100} %)`;
}
