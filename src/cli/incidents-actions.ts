import { formatDurationS } from '../domain/alerts/render-alert.ts';
import { systemActor } from '../domain/context.ts';
import { acknowledgeIncident, addIncidentNote, resolveIncidentManually } from '../domain/incidents/incident-actions.ts';
import { listIncidentRows } from '../domain/incidents/incident-list-view.ts';
import { type Explanations, explainErrors } from './errors.ts';
import { definedOnly, formatInstant, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const explainFor = (id: string): Explanations => ({
  notFound: `there is no incident ${id}; \`npx steward incidents list\` shows them`,
});

export async function listAllIncidents(opts: { open?: boolean; json?: boolean }): Promise<void> {
  const rows = await withSession(({ ctx }) =>
    listIncidentRows(ctx, definedOnly({ status: opts.open ? 'open' : undefined })),
  );
  if (opts.json) return printJson(rows);
  if (rows.length === 0) return tell(opts.open ? 'No open incidents.' : 'No incidents yet.');
  printTable(
    ['id', 'status', 'monitor', 'started', 'acknowledged', 'resolved', 'duration'],
    rows.map((i) => [
      i.id,
      i.status,
      `${i.monitorName} (${i.siteUrl})`,
      formatInstant(i.startedAt),
      formatInstant(i.acknowledgedAt),
      formatInstant(i.resolvedAt),
      formatDurationS(Math.max(0, Math.round(i.durationMs / 1000))),
    ]),
  );
}

export async function acknowledge(id: string): Promise<void> {
  await explainErrors(() => withSession(({ ctx }) => acknowledgeIncident(ctx, systemActor, id)), explainFor(id));
  tell(`Acknowledged incident ${id}.`);
}

export async function addNote(id: string, opts: { text: string }): Promise<void> {
  await explainErrors(
    () => withSession(({ ctx }) => addIncidentNote(ctx, systemActor, id, { text: opts.text })),
    explainFor(id),
  );
  tell(`Note added to incident ${id}.`);
}

export async function resolve(id: string, opts: { note?: string }): Promise<void> {
  await explainErrors(
    () => withSession(({ ctx }) => resolveIncidentManually(ctx, systemActor, id, definedOnly({ note: opts.note }))),
    explainFor(id),
  );
  tell(`Resolved incident ${id}.`);
}
