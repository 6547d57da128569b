import type { Client } from '../../domain/clients/schemas.ts';
import type { SitePlan } from '../../domain/contracts/live-plan.ts';
import { formatDay, LOCALE_LABELS } from './format.ts';

export type ClientRow = { client: Client; plan: SitePlan | null; siteCount: number };
export type ClientFilter = { q: string; archived: 'false' | 'true' | 'all' };

const ARCHIVED_CHOICES = [
  { value: 'false', label: 'Active clients' },
  { value: 'true', label: 'Archived clients' },
  { value: 'all', label: 'All clients' },
] as const;

export function ClientFilterForm({ filter }: { filter: ClientFilter }) {
  return (
    <search>
      <form method="get" action="/admin/clients" class="filters">
        <div class="field">
          <label for="f-q">Search by name</label>
          <input id="f-q" type="search" name="q" value={filter.q} autocomplete="off" />
        </div>
        <div class="field">
          <label for="f-archived">Show</label>
          <select id="f-archived" name="archived">
            {ARCHIVED_CHOICES.map((o) => (
              <option value={o.value} selected={o.value === filter.archived}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button class="btn secondary" type="submit">
          Search
        </button>
      </form>
    </search>
  );
}

export function PlanBadge({ plan }: { plan: SitePlan | null }) {
  if (!plan) return <span class="muted">No plan</span>;
  return (
    <span>
      <span class="badge ok">{plan.planName}</span>{' '}
      {plan.contractStatus !== 'active' && <span class="badge warn">{plan.contractStatus}</span>}
    </span>
  );
}

export function ClientsTable(p: { rows: ClientRow[]; timeZone: string }) {
  return (
    <table class="stack">
      <caption class="sr-only">Clients</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Plan</th>
          <th scope="col">Sites</th>
          <th scope="col">Language · currency</th>
          <th scope="col">Added</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map(({ client, plan, siteCount }) => (
          <tr>
            <td data-label="Client">
              <a href={`/admin/clients/${client.id}`}>
                <strong>{client.name}</strong>
              </a>
              {client.archivedAt && <span class="badge"> archived</span>}
            </td>
            <td data-label="Plan">
              <PlanBadge plan={plan} />
            </td>
            <td data-label="Sites">{siteCount}</td>
            <td data-label="Language">
              {LOCALE_LABELS[client.locale] ?? client.locale} · {client.currency}
            </td>
            <td data-label="Added">{formatDay(client.createdAt, p.timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Keyset pagination: "Next" carries the cursor; "First page" drops it. */
export function Pager(p: { filter: ClientFilter; cursor?: string; nextCursor: string | null }) {
  const link = (cursor?: string) => {
    const params = new URLSearchParams();
    if (p.filter.q) params.set('q', p.filter.q);
    if (p.filter.archived !== 'false') params.set('archived', p.filter.archived);
    if (cursor) params.set('cursor', cursor);
    const qs = params.toString();
    return `/admin/clients${qs ? `?${qs}` : ''}`;
  };
  if (!p.cursor && !p.nextCursor) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {p.cursor && <a href={link()}>← First page</a>}
      {p.nextCursor && (
        <a href={link(p.nextCursor)} rel="next">
          Next page →
        </a>
      )}
    </nav>
  );
}
