import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { PUBLIC_INCIDENT_STATUSES } from '../../domain/statuspage/incident-update-schemas.ts';
import { listIncidentUpdates } from '../../domain/statuspage/list-incident-updates.ts';
import { postIncidentUpdate } from '../../domain/statuspage/post-incident-update.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { CsrfField, ErrorSummary, Field, Select, TextArea } from './form-controls.tsx';
import { formatDateTime } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { shell } from './view.ts';

const STAGE_LABELS: Record<(typeof PUBLIC_INCIDENT_STATUSES)[number], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * The form staff use to tell the public about an incident (shown on every status page that shows
 * it). Meant for the incident page; it posts to /admin/incidents/:id/updates.
 */
export function PublicUpdateForm(p: {
  incidentId: string;
  csrfToken: string;
  title?: string | null;
  state?: FormState;
}) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  return (
    <section class="card" aria-labelledby="public-update-h">
      <h2 id="public-update-h">Public update</h2>
      <p class="muted small">Shown on the client's status pages and feeds, in your words: no internal details.</p>
      <form method="post" action={`/admin/incidents/${p.incidentId}/updates`} id="public-update">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Select
            name="status"
            label="Stage"
            value={v.status}
            errors={e}
            options={PUBLIC_INCIDENT_STATUSES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          />
          <Field
            name="title"
            label="Public title"
            value={v.title ?? p.title ?? ''}
            errors={e}
            placeholder="Online shop unavailable"
            hint="Leave empty for a generic title naming the affected components."
          />
          <TextArea name="message" label="Message" value={v.message} errors={e} required rows={3} />
        </div>
        <button class="btn" type="submit">
          Post public update
        </button>
      </form>
    </section>
  );
}

export function registerPublicUpdatePages(app: Hono<AppEnv>) {
  app.get('/admin/incidents/:id/updates', (c) => renderUpdates(c, c.req.param('id')));

  app.post('/admin/incidents/:id/updates', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = {
      status: form.text('status'),
      message: form.text('message'),
      ...(form.optional('title') && { title: form.text('title') }),
    };
    const result = await attempt(form, () => postIncidentUpdate(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) return renderUpdates(c, id, { values: form.values(), ...result }, result.status);
    setFlash(c, `Public update posted (${STAGE_LABELS[result.value.status]}).`);
    return c.redirect(`/admin/incidents/${id}`, 303);
  });
}

async function renderUpdates(c: Context<AppEnv>, id: string, state?: FormState, status: 200 | 409 | 422 = 200) {
  const [{ title, updates }, settings] = await Promise.all([
    listIncidentUpdates(c.var.ctx, id),
    getAgencySettings(c.var.ctx),
  ]);
  return c.html(
    <Layout title="Public updates" {...shell(c, 'incidents')}>
      <PageHeader title="Public updates" subtitle={title ?? 'No public title yet'}>
        <a href={`/admin/incidents/${id}`}>← The incident</a>
      </PageHeader>
      {updates.length > 0 && (
        <ol class="timeline card">
          {updates.map((u) => (
            <li>
              <time datetime={u.postedAt}>{formatDateTime(u.postedAt, settings.timeZone)}</time>
              <strong>{STAGE_LABELS[u.status]}</strong>
              <p class="note-text">{u.message}</p>
            </li>
          ))}
        </ol>
      )}
      <PublicUpdateForm incidentId={id} csrfToken={c.var.csrfToken} title={title} state={state} />
    </Layout>,
    status,
  );
}
