import type { Monitor } from '../../domain/monitoring/monitor-schemas.ts';
import type { SiteChoice } from '../../domain/monitoring/site-choices-view.ts';
import type { StatusPageDetail } from '../../domain/statuspage/read-pages.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';

type Component = StatusPageDetail['components'][number];

// The console's stylesheet styles inputs inside .field only; these sit in a table row.
const INPUT = 'flex:1 1 8rem;min-width:0;padding:.3rem .45rem;border:1px solid #8d99a6;border-radius:6px;font:inherit';

/** "site:<id>" or "monitor:<id>": one select offers both kinds of target. */
export function targetOptions(sites: SiteChoice[], monitors: Monitor[]) {
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? '';
  return [
    ...sites.map((s) => ({ value: `site:${s.id}`, label: `Site: ${s.name} (all its checks)` })),
    ...monitors.map((m) => ({ value: `monitor:${m.id}`, label: `Monitor: ${siteName(m.siteId)} — ${m.name}` })),
  ];
}

function ComponentRow(p: { page: StatusPageDetail; c: Component; index: number; csrfToken: string }) {
  const { page, c } = p;
  const base = `/admin/status-pages/${page.id}/components/${c.id}`;
  const ids = page.components.map((x) => x.id);
  const moved = (to: number) => {
    const order = ids.filter((id) => id !== c.id);
    order.splice(to, 0, c.id);
    return order.join(',');
  };
  return (
    <tr class={c.published ? undefined : 'inactive'}>
      <td data-label="Public name">
        <form method="post" action={base} class="inline" style="flex-wrap:wrap" aria-label={`Edit ${c.displayName}`}>
          <CsrfField token={p.csrfToken} />
          <label class="sr-only" for={`name-${c.id}`}>
            Public name
          </label>
          <input id={`name-${c.id}`} name="displayName" value={c.displayName} required style={INPUT} />
          <label class="sr-only" for={`group-${c.id}`}>
            Group
          </label>
          <input
            id={`group-${c.id}`}
            name="groupName"
            value={c.groupName ?? ''}
            placeholder="Group (optional)"
            style={INPUT}
          />
          <label class="choice">
            <input type="checkbox" name="published" checked={c.published} /> <span>Shown</span>
          </label>
          <button class="btn small secondary" type="submit">
            Save
          </button>
        </form>
      </td>
      <td data-label="Shows">
        {c.target.kind === 'site' ? 'Site' : 'Monitor'}: {c.target.name}
        {c.target.archived && <span class="badge warn"> archived: hidden</span>}
      </td>
      <td class="row-actions">
        {p.index > 0 && (
          <ActionButton
            action={`/admin/status-pages/${page.id}/components/order`}
            csrfToken={p.csrfToken}
            label="↑"
            fields={{ order: moved(p.index - 1) }}
            ariaLabel={`Move ${c.displayName} up`}
          />
        )}
        {p.index < ids.length - 1 && (
          <ActionButton
            action={`/admin/status-pages/${page.id}/components/order`}
            csrfToken={p.csrfToken}
            label="↓"
            fields={{ order: moved(p.index + 1) }}
            ariaLabel={`Move ${c.displayName} down`}
          />
        )}
        <ActionButton
          action={`${base}/remove`}
          csrfToken={p.csrfToken}
          label="Remove"
          variant="danger"
          ariaLabel={`Remove ${c.displayName}`}
        />
      </td>
    </tr>
  );
}

export function ComponentsSection(p: {
  page: StatusPageDetail;
  csrfToken: string;
  sites: SiteChoice[];
  monitors: Monitor[];
  state?: FormState;
}) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  return (
    <section class="card" aria-labelledby="components-h">
      <h2 id="components-h">Components</h2>
      <p class="muted small">
        What the public sees, in this order. A site stands for its HTTP, TCP, DNS and TLS checks (heartbeats stay
        private unless added as a monitor). Addresses and error details are never shown.
      </p>
      {p.page.components.length === 0 ? (
        <p class="muted">No components yet.</p>
      ) : (
        <table class="stack">
          <caption class="sr-only">Components</caption>
          <thead>
            <tr>
              <th scope="col">Public name · group · shown</th>
              <th scope="col">Shows</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.page.components.map((c, index) => (
              <ComponentRow page={p.page} c={c} index={index} csrfToken={p.csrfToken} />
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action={`/admin/status-pages/${p.page.id}/components`} id="add-component" class="subform">
        <h3>Add a component</h3>
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Select
            name="target"
            label="Shows"
            value={v.target}
            errors={e}
            options={targetOptions(p.sites, p.monitors)}
          />
          <Field
            name="displayName"
            label="Public name"
            value={v.displayName}
            errors={e}
            required
            placeholder="Online shop"
          />
          <Field name="groupName" label="Group" value={v.groupName} errors={e} placeholder="Website" />
        </div>
        <button class="btn" type="submit">
          Add component
        </button>
      </form>
    </section>
  );
}

export function DomainsSection(p: { page: StatusPageDetail; csrfToken: string; state?: FormState }) {
  const e = p.state?.errors;
  return (
    <section class="card" aria-labelledby="domains-h">
      <h2 id="domains-h">Custom domains</h2>
      <p class="muted small">
        The client points a CNAME (e.g. status.client.example) at this server; HTTPS certificates come on demand (see
        docs/custom-domains.md). The page is then served at the root of that domain.
      </p>
      {p.page.domains.length > 0 && (
        <ul class="plain-list">
          {p.page.domains.map((d) => (
            <li class="row">
              <a href={`https://${d.host}/`}>{d.host}</a>
              <ActionButton
                action={`/admin/status-pages/${p.page.id}/domains/${d.host}/detach`}
                csrfToken={p.csrfToken}
                label="Detach"
                variant="danger"
                ariaLabel={`Detach ${d.host}`}
              />
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/admin/status-pages/${p.page.id}/domains`} id="attach-domain" class="subform">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <Field
          name="host"
          label="Domain"
          value={p.state?.values?.host}
          errors={e}
          required
          placeholder="status.client.example"
        />
        <button class="btn" type="submit">
          Attach domain
        </button>
      </form>
    </section>
  );
}
