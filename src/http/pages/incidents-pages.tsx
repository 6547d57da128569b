import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import {
  acknowledgeIncident,
  addIncidentNote,
  resolveIncidentManually,
} from '../../domain/incidents/incident-actions.ts';
import { listIncidentRows, readIncidentDetail } from '../../domain/incidents/incident-list-view.ts';
import { listClientChoices } from '../../domain/monitoring/site-choices-view.ts';
import { listIncidentUpdates } from '../../domain/statuspage/list-incident-updates.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { ActionButton, CsrfField, ErrorSummary, TextArea } from './form-controls.tsx';
import { registerIncidentSlaRoutes } from './incidents-sla-routes.tsx';
import { SlaSection } from './incidents-sla-section.tsx';
import { IncidentFacts, IncidentStatus, IncidentsTable, Timeline } from './incidents-views.tsx';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { PublicUpdateForm } from './status-pages-incident-update.tsx';
import { shell } from './view.ts';

const STATUS_CHOICES = [
  { value: '', label: 'Open and recent' },
  { value: 'open', label: 'Open only' },
  { value: 'resolved', label: 'Resolved only' },
] as const;

const SLA_CHOICES = [
  { value: '', label: 'Any' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'Breached' },
] as const;

export function registerIncidentPages(app: Hono<AppEnv>) {
  app.get('/admin/incidents', async (c) => {
    const status = STATUS_CHOICES.find((s) => s.value === c.req.query('status'))?.value ?? '';
    const clientId = c.req.query('client') ?? '';
    const sla = SLA_CHOICES.find((s) => s.value === c.req.query('sla'))?.value ?? '';
    const [rows, clients, settings] = await Promise.all([
      listIncidentRows(c.var.ctx, { ...(status && { status }), ...(clientId && { clientId }), ...(sla && { sla }) }),
      listClientChoices(c.var.ctx),
      getAgencySettings(c.var.ctx),
    ]);
    return c.html(
      <Layout title="Incidents" {...shell(c, 'incidents')} refreshSeconds={30}>
        <PageHeader
          title="Incidents"
          subtitle="Open incidents first, then the 50 most recent. Refreshes every 30 seconds."
        />
        <search>
          <form method="get" action="/admin/incidents" class="filters">
            <div class="field">
              <label for="f-status">Show</label>
              <select id="f-status" name="status">
                {STATUS_CHOICES.map((s) => (
                  <option value={s.value} selected={s.value === status}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-client">Client</label>
              <select id="f-client" name="client">
                <option value="">All clients</option>
                {clients.map((cl) => (
                  <option value={cl.id} selected={cl.id === clientId}>
                    {cl.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-sla">SLA</label>
              <select id="f-sla" name="sla">
                {SLA_CHOICES.map((s) => (
                  <option value={s.value} selected={s.value === sla}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <button class="btn secondary" type="submit">
              Show
            </button>
          </form>
        </search>
        {rows.length === 0 ? (
          <p class="card muted">No incidents{status || clientId || sla ? ' match' : ' yet: every check has passed'}.</p>
        ) : (
          <IncidentsTable rows={rows} timeZone={settings.timeZone} nowMs={c.var.ctx.clock.now()} />
        )}
      </Layout>,
    );
  });

  app.get('/admin/incidents/:id', (c) => renderIncident(c, c.req.param('id')));

  app.post('/admin/incidents/:id/acknowledge', async (c) => {
    const id = c.req.param('id');
    const result = await attempt(await readForm(c), () => acknowledgeIncident(c.var.ctx, c.var.actor, id));
    if (!result.ok) return renderIncident(c, id, { page: result }, result.status);
    setFlash(c, 'Acknowledged: the timeline shows you are on it.');
    return c.redirect(`/admin/incidents/${id}`, 303);
  });

  app.post('/admin/incidents/:id/notes', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const result = await attempt(form, () => addIncidentNote(c.var.ctx, c.var.actor, id, { text: form.text('text') }));
    if (!result.ok) return renderIncident(c, id, { note: { values: form.values(), ...result } }, result.status);
    setFlash(c, 'Note added.');
    return c.redirect(`/admin/incidents/${id}#timeline-h`, 303);
  });

  app.post('/admin/incidents/:id/resolve', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = form.optional('note') ? { note: form.text('note') } : {};
    const result = await attempt(form, () => resolveIncidentManually(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) {
      // A conflict means it is resolved already, so the form is gone: say it at the top.
      const forms = result.status === 409 ? { page: result } : { resolve: { values: form.values(), ...result } };
      return renderIncident(c, id, forms, result.status);
    }
    setFlash(c, 'Incident resolved.');
    return c.redirect(`/admin/incidents/${id}`, 303);
  });
  registerIncidentSlaRoutes(app, renderIncident);
}

export type IncidentForms = Partial<Record<'page' | 'note' | 'resolve' | 'pause' | 'severity', FormState>>;

async function renderIncident(
  c: Context<AppEnv>,
  id: string,
  forms: IncidentForms = {},
  status: 200 | 403 | 409 | 422 = 200,
) {
  const [incident, settings, publicUpdates] = await Promise.all([
    readIncidentDetail(c.var.ctx, id),
    getAgencySettings(c.var.ctx),
    listIncidentUpdates(c.var.ctx, id),
  ]);
  const base = `/admin/incidents/${id}`;
  const csrf = c.var.csrfToken;
  const open = incident.status === 'open';
  return c.html(
    <Layout title={`Incident: ${incident.monitorName}`} {...shell(c, 'incidents')}>
      <PageHeader
        title={incident.monitorName}
        subtitle={
          <>
            <IncidentStatus status={incident.status} acknowledged={incident.acknowledgedAt !== null} />{' '}
            <a href={`/admin/monitors/${incident.monitorId}`}>the monitor</a> · {incident.clientName} —{' '}
            {incident.siteUrl}
          </>
        }
      >
        <a href="/admin/incidents">← Incidents</a>
        {!incident.acknowledgedAt && (
          <ActionButton action={`${base}/acknowledge`} csrfToken={csrf} label="Acknowledge" />
        )}
      </PageHeader>
      <ErrorSummary message={forms.page?.message} />
      <section class="card" aria-label="Timestamps">
        <IncidentFacts incident={incident} timeZone={settings.timeZone} />
      </section>
      <SlaSection
        incident={incident}
        nowMs={c.var.ctx.clock.now()}
        timeZone={settings.timeZone}
        csrfToken={csrf}
        forms={forms}
      />
      <div class="columns">
        <section class="card" aria-labelledby="timeline-h">
          <h2 id="timeline-h">Timeline</h2>
          <Timeline incident={incident} timeZone={settings.timeZone} />
        </section>
        <div>
          <section class="card" aria-labelledby="note-h">
            <h2 id="note-h">Add a note</h2>
            <form method="post" action={`${base}/notes`}>
              <CsrfField token={csrf} />
              <ErrorSummary message={forms.note?.message} errors={forms.note?.errors} />
              <TextArea
                name="text"
                label="Note"
                required
                value={forms.note?.values?.text}
                errors={forms.note?.errors}
                idPrefix="note"
              />
              <button class="btn secondary" type="submit">
                Add note
              </button>
            </form>
          </section>
          <PublicUpdateForm incidentId={id} csrfToken={csrf} title={publicUpdates.title} />
          <p class="muted small">
            <a href={`${base}/updates`}>
              {publicUpdates.updates.length === 0
                ? 'No public update yet'
                : `${publicUpdates.updates.length} public update${publicUpdates.updates.length === 1 ? '' : 's'} posted`}
            </a>
          </p>
          {open && (
            <section class="card" aria-labelledby="resolve-h">
              <h2 id="resolve-h">Resolve by hand</h2>
              <p class="muted small">
                For a false alarm or a fix the checks cannot see yet. Real outages close by themselves at the first good
                check.
              </p>
              <form method="post" action={`${base}/resolve`}>
                <CsrfField token={csrf} />
                <ErrorSummary message={forms.resolve?.message} errors={forms.resolve?.errors} />
                <TextArea
                  name="note"
                  label="Why"
                  value={forms.resolve?.values?.note}
                  errors={forms.resolve?.errors}
                  idPrefix="resolve"
                />
                <button class="btn danger" type="submit">
                  Resolve incident
                </button>
              </form>
            </section>
          )}
        </div>
      </div>
    </Layout>,
    status,
  );
}
