import { systemActor } from '../domain/context.ts';
import { pauseIncident, resumeIncident, setIncidentSeverity } from '../domain/incidents/incident-actions.ts';
import { type IncidentDetail, readIncidentDetail } from '../domain/incidents/incident-list-view.ts';
import { type SlaClockView, slaCountdown } from '../domain/incidents/incident-sla.ts';
import type { IncidentEvent } from '../domain/incidents/read-incidents.ts';
import { type Explanations, explainErrors } from './errors.ts';
import { definedOnly, formatInstant, printJson, renderTable, tell } from './output.ts';
import { withSession } from './session.ts';

const explainFor = (id: string): Explanations => ({
  notFound: `there is no incident ${id}; \`npx steward incidents list\` shows them`,
});

export async function pause(id: string, opts: { reason?: string }): Promise<void> {
  await explainErrors(
    () => withSession(({ ctx }) => pauseIncident(ctx, systemActor, id, definedOnly({ reason: opts.reason }))),
    explainFor(id),
  );
  tell(`Paused incident ${id}: waiting for the client, the SLA clocks stand still until \`incidents resume\`.`);
}

export async function resume(id: string): Promise<void> {
  await explainErrors(() => withSession(({ ctx }) => resumeIncident(ctx, systemActor, id)), explainFor(id));
  tell(`Resumed incident ${id}: the SLA clocks run again.`);
}

export async function severity(id: string, level: string): Promise<void> {
  await explainErrors(
    () => withSession(({ ctx }) => setIncidentSeverity(ctx, systemActor, id, { severity: level })),
    explainFor(id),
  );
  tell(`Incident ${id} is now ${level}.`);
}

export async function show(id: string, opts: { json?: boolean }): Promise<void> {
  const { incident, nowMs } = await explainErrors(
    () => withSession(async ({ ctx }) => ({ incident: await readIncidentDetail(ctx, id), nowMs: ctx.clock.now() })),
    explainFor(id),
  );
  if (opts.json) return printJson(incident);
  console.log([...facts(incident), '', ...slaLines(incident, nowMs), '', 'Timeline', ...timeline(incident)].join('\n'));
}

function facts(i: IncidentDetail): string[] {
  const rows: Array<[string, string]> = [
    ['Incident', `${i.id} (${i.status}${i.pausedAt ? ', waiting for client' : ''})`],
    ['Monitor', `${i.monitorName} (${i.siteUrl})`],
    ['Client', i.clientName],
    ['Severity', i.severity],
    ['Started', formatInstant(i.startedAt)],
    ['Detected', formatInstant(i.detectedAt)],
    ['Acknowledged', formatInstant(i.acknowledgedAt)],
    ['Resolved', formatInstant(i.resolvedAt)],
  ];
  if (i.pausedAt) rows.push(['Paused since', formatInstant(i.pausedAt)]);
  return rows.map(([k, v]) => `${`${k}:`.padEnd(14)}${v}`);
}

const metricName = (m: SlaClockView['metric']) => (m === 'first_response' ? 'first response' : 'resolution');

function slaLines(i: IncidentDetail, nowMs: number): string[] {
  const policy = i.sla.policy;
  if (!policy) return ['SLA: none (the client had no contract with an SLA policy when this started)'];
  const table = renderTable(
    ['metric', 'target', 'elapsed', 'due', 'state'],
    i.sla.clocks.map((c) => [
      metricName(c.metric),
      `${c.targetMinutes} min ${c.clock === 'business' ? 'business' : '24/7'}`,
      `${c.elapsedMinutes} min (${c.percentElapsed} %)`,
      formatInstant(c.dueAt),
      stateText(c, nowMs, i.pausedAt !== null),
    ]),
  );
  return [`SLA: ${policy.name} (calendar "${policy.calendarName}"), warning at ${policy.warnAtPercent} %`, table];
}

/** "running: due in 20 min", "breached 12 min ago", "met with 8 min to spare": the state said once. */
export function stateText(c: SlaClockView, nowMs: number, waitingForClient: boolean): string {
  const countdown = slaCountdown(c, nowMs, waitingForClient);
  return countdown.startsWith(c.state) ? countdown : `${c.state}: ${countdown}`;
}

function timeline(i: IncidentDetail): string[] {
  const who = (e: IncidentEvent) => (e.actorUserId ? (i.userNames[e.actorUserId] ?? 'a former user') : e.actorLabel);
  return i.events.map((e) => {
    const detail = eventDetail(e);
    return `  ${formatInstant(e.at)}  ${e.kind} by ${who(e)}${detail ? `: ${detail}` : ''}`;
  });
}

function eventDetail(e: IncidentEvent): string {
  const d = e.data;
  switch (e.kind) {
    case 'note':
      return String(d.text ?? '');
    case 'paused':
      return d.reason ? String(d.reason) : '';
    case 'severity_changed':
      return `${String(d.from)} → ${String(d.to)}`;
    case 'sla_warning':
    case 'sla_breached':
      return `${metricName(d.metric as SlaClockView['metric'])}, due ${formatInstant(typeof d.dueAt === 'string' ? d.dueAt : null)}`;
    case 'alert_queued':
    case 'alert_sent':
    case 'alert_failed':
    case 'alert_cancelled':
      return `${String(d.alertKind)} via ${String(d.channelKind)} "${String(d.channelName)}"`;
    default:
      return '';
  }
}
