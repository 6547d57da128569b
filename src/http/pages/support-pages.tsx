import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import type { SupportMailDeps } from '../../domain/portal/support-mail.ts';
import type { SupportRequestDetail, SupportRequestView } from '../../domain/portal/support-request-schemas.ts';
import {
  closeSupportRequest,
  getSupportRequest,
  listSupportRequests,
  reopenSupportRequest,
  replyAsStaff,
} from '../../domain/portal/support-requests-staff.ts';
import type { AppEnv } from '../env.ts';
import { attempt, readForm } from './form.ts';
import { ActionButton, CsrfField, ErrorSummary, TextArea } from './form-controls.tsx';
import { formatDateTime } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { shell } from './view.ts';

const FILTERS = [
  { value: 'active', label: 'Open and answered' },
  { value: 'open', label: 'Waiting for us' },
  { value: 'answered', label: 'Answered' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
] as const;
const STATUS_LABEL = { open: 'Waiting for us', answered: 'Answered', closed: 'Closed' } as const;
const STATUS_CLASS = { open: 'warn', answered: 'ok', closed: '' } as const;
const URGENCY_CLASS = { low: '', normal: '', high: 'warn', urgent: 'err strong' } as const;

export const mailFor = (c: Context<AppEnv>): SupportMailDeps => ({
  sendMail: c.var.sendMail,
  baseUrl: c.var.publicUrl ?? new URL(c.req.url).origin,
});

/** Support requests from client contacts (portal): list by status, the thread, reply, close and reopen. */
export function registerSupportPages(app: Hono<AppEnv>) {
  app.get('/admin/support', async (c) => {
    const status = FILTERS.find((f) => f.value === c.req.query('status'))?.value ?? 'active';
    const [requests, settings] = await Promise.all([
      listSupportRequests(c.var.ctx, c.var.actor, { status }),
      getAgencySettings(c.var.ctx),
    ]);
    return c.html(
      <Layout title="Support requests" {...shell(c, 'support')}>
        <PageHeader
          title="Support requests"
          subtitle="Opened by client contacts in the portal; replies reach them by e-mail."
        />
        <search>
          <form method="get" action="/admin/support" class="filters">
            <div class="field">
              <label for="f-status">Status</label>
              <select id="f-status" name="status">
                {FILTERS.map((f) => (
                  <option value={f.value} selected={f.value === status}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
            <button class="btn secondary" type="submit">
              Show
            </button>
          </form>
        </search>
        <RequestsTable requests={requests} timeZone={settings.timeZone} />
      </Layout>,
    );
  });

  app.get('/admin/support/:id', (c) => renderDetail(c));

  app.post('/admin/support/:id/messages', async (c) => {
    const form = await readForm(c);
    const id = c.req.param('id');
    const result = await attempt(form, () =>
      replyAsStaff(c.var.ctx, c.var.actor, id, { body: form.text('body') }, mailFor(c)),
    );
    if (!result.ok) return renderDetail(c, { message: result.message, body: form.text('body') }, result.status);
    setFlash(c, 'Reply sent; the contact was e-mailed.');
    return c.redirect(`/admin/support/${id}`, 303);
  });

  app.post('/admin/support/:id/close', async (c) => {
    const id = c.req.param('id');
    await closeSupportRequest(c.var.ctx, c.var.actor, id);
    setFlash(c, 'Request closed.');
    return c.redirect(`/admin/support/${id}`, 303);
  });

  app.post('/admin/support/:id/reopen', async (c) => {
    const id = c.req.param('id');
    await reopenSupportRequest(c.var.ctx, c.var.actor, id);
    setFlash(c, 'Request reopened.');
    return c.redirect(`/admin/support/${id}`, 303);
  });
}

function RequestsTable(p: { requests: SupportRequestView[]; timeZone: string }) {
  if (p.requests.length === 0) return <p class="muted">No support requests here.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Client</th>
            <th scope="col">Urgency</th>
            <th scope="col">Status</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {p.requests.map((r) => (
            <tr>
              <td>
                <a href={`/admin/support/${r.id}`}>{r.subject}</a>
              </td>
              <td>
                <a href={`/admin/clients/${r.clientId}`}>{r.clientName}</a>
                {r.siteName && <span class="muted"> · {r.siteName}</span>}
              </td>
              <td>
                <span class={`badge ${URGENCY_CLASS[r.urgency]}`}>{r.urgency}</span>
              </td>
              <td>
                <span class={`badge ${STATUS_CLASS[r.status]}`}>{STATUS_LABEL[r.status]}</span>
              </td>
              <td>{formatDateTime(r.updatedAt, p.timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function renderDetail(
  c: Context<AppEnv>,
  problem?: { message: string; body: string },
  status: 200 | 409 | 422 = 200,
) {
  const [r, settings] = await Promise.all([
    getSupportRequest(c.var.ctx, c.var.actor, c.req.param('id') ?? ''),
    getAgencySettings(c.var.ctx),
  ]);
  const tz = settings.timeZone;
  return c.html(
    <Layout title={r.subject} {...shell(c, 'support')}>
      <PageHeader
        title={r.subject}
        subtitle={
          <>
            <span class={`badge ${STATUS_CLASS[r.status]}`}>{STATUS_LABEL[r.status]}</span> ·{' '}
            <span class={`badge ${URGENCY_CLASS[r.urgency]}`}>{r.urgency}</span> ·{' '}
            <a href={`/admin/clients/${r.clientId}`}>{r.clientName}</a>
            {r.siteName && ` · ${r.siteName}`}
          </>
        }
      >
        <a href="/admin/support">← Support requests</a>
        {r.status === 'closed' ? (
          <ActionButton
            action={`/admin/support/${r.id}/reopen`}
            csrfToken={c.var.csrfToken}
            label="Reopen"
            variant="secondary"
          />
        ) : (
          <ActionButton
            action={`/admin/support/${r.id}/close`}
            csrfToken={c.var.csrfToken}
            label="Close"
            variant="secondary"
          />
        )}
      </PageHeader>
      <Thread r={r} timeZone={tz} />
      {r.status !== 'closed' && (
        <form method="post" action={`/admin/support/${r.id}/messages`} class="card">
          <h2>Reply</h2>
          <ErrorSummary message={problem?.message} />
          <CsrfField token={c.var.csrfToken} />
          <TextArea name="body" label="Message to the contact" rows={5} required value={problem?.body} />
          <button class="btn" type="submit">
            Send reply
          </button>
        </form>
      )}
    </Layout>,
    status,
  );
}

function Thread(p: { r: SupportRequestDetail; timeZone: string }) {
  const { r } = p;
  return (
    <>
      <article class="card">
        <h2>
          {r.contactName ?? 'Opened by staff'} <small class="muted">{formatDateTime(r.createdAt, p.timeZone)}</small>
        </h2>
        <p style="white-space:pre-wrap">{r.description}</p>
      </article>
      {r.messages.map((m) => (
        <article class="card">
          <h2>
            {m.authorName || (m.authorKind === 'staff' ? 'Staff' : 'Contact')}{' '}
            <small class="muted">
              {m.authorKind === 'staff' ? 'staff' : 'contact'} · {formatDateTime(m.createdAt, p.timeZone)}
            </small>
          </h2>
          <p style="white-space:pre-wrap">{m.body}</p>
        </article>
      ))}
    </>
  );
}
