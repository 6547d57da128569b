import type { ClientChoice } from '../../domain/monitoring/site-choices-view.ts';
import type { StatusPage } from '../../domain/statuspage/schemas.ts';
import type { FormState } from './client-forms.tsx';
import { CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { LOCALE_LABELS } from './format.ts';
import { localeOptions } from './options.ts';

/** Where the public reaches a page on Steward's own address. */
export const publicPath = (p: Pick<StatusPage, 'slug'>) => `/status/${p.slug}`;

export function StatusPagesTable(p: { pages: StatusPage[]; clients: ClientChoice[] }) {
  if (p.pages.length === 0) return <p class="card muted">No status pages yet.</p>;
  const clientName = (id: string) => p.clients.find((c) => c.id === id)?.name ?? '–';
  return (
    <table class="stack">
      <caption class="sr-only">Status pages</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Client</th>
          <th scope="col">Address</th>
          <th scope="col">Language</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {p.pages.map((page) => (
          <tr>
            <td data-label="Title">
              <a href={`/admin/status-pages/${page.id}`}>{page.title}</a>
            </td>
            <td data-label="Client">{clientName(page.clientId)}</td>
            <td data-label="Address" class="url">
              <a href={publicPath(page)}>{publicPath(page)}</a>
            </td>
            <td data-label="Language">{LOCALE_LABELS[page.language] ?? page.language}</td>
            <td data-label="State">
              {page.published ? <span class="badge ok">Published</span> : <span class="badge">Draft</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NewStatusPageForm(p: { csrfToken: string; clients: ClientChoice[]; state?: FormState }) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  return (
    <section class="card spaced" aria-labelledby="new-page-h">
      <h2 id="new-page-h">New status page</h2>
      <p class="muted small">
        Only for clients whose plan includes a status page. The page starts as a draft: add components, then publish it.
      </p>
      <form method="post" action="/admin/status-pages" id="new-status-page">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Select
            name="clientId"
            label="Client"
            value={v.clientId}
            errors={e}
            options={p.clients.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Field name="title" label="Title" value={v.title} errors={e} required placeholder="Acme status" />
          <Field
            name="slug"
            label="Address (slug)"
            value={v.slug}
            errors={e}
            hint="/status/<slug>; made from the title when left empty."
          />
          <Select
            name="language"
            label="Language"
            required={false}
            value={v.language ?? ''}
            errors={e}
            options={[{ value: '', label: "The client's language" }, ...localeOptions]}
          />
        </div>
        <button class="btn" type="submit">
          Create status page
        </button>
      </form>
    </section>
  );
}
