import type { MaintenanceWindow } from '../../domain/monitoring/maintenance-windows.ts';
import type { ClientChoice, SiteChoice } from '../../domain/monitoring/site-choices-view.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, ChoiceGroup, CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatDateTime } from './format.ts';

export const WEEKDAYS = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
] as const;

/** One-off windows in the client's zone (where they happen); weekly ones are kept in it anyway. */
export function describeWindow(w: MaintenanceWindow): string {
  if (w.kind === 'once') return `${formatDateTime(w.startsAt, w.timeZone)} to ${formatDateTime(w.endsAt, w.timeZone)}`;
  const days = (w.weekdays ?? []).map((d) => WEEKDAYS[d - 1]?.label).join(', ');
  return `Every ${days} at ${w.startLocal} for ${w.durationMin} min`;
}

export function WindowsTable(p: {
  windows: MaintenanceWindow[];
  clients: ClientChoice[];
  sites: SiteChoice[];
  csrfToken: string;
  clientId: string;
}) {
  if (p.windows.length === 0) return <p class="card muted">No maintenance windows scheduled.</p>;
  const clientName = (id: string) => p.clients.find((c) => c.id === id)?.name ?? id;
  const siteName = (id: string | null) => (id ? (p.sites.find((s) => s.id === id)?.name ?? id) : 'All sites');
  return (
    <table class="stack">
      <caption class="sr-only">Maintenance windows</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Client · site</th>
          <th scope="col">When</th>
          <th scope="col">Time zone</th>
          <th scope="col">
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.windows.map((w) => (
          <tr>
            <td data-label="Title">
              <strong>{w.title}</strong>
            </td>
            <td data-label="Client · site">
              {clientName(w.clientId)} · <span class="muted">{siteName(w.siteId)}</span>
            </td>
            <td data-label="When">{describeWindow(w)}</td>
            <td data-label="Time zone" class="small">
              {w.timeZone}
            </td>
            <td class="row-actions">
              <ActionButton
                action={`/admin/maintenance/${w.id}/archive`}
                csrfToken={p.csrfToken}
                label="End"
                variant="danger"
                fields={p.clientId ? { client: p.clientId } : {}}
                ariaLabel={`End maintenance window ${w.title}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MaintenanceForm(p: {
  csrfToken: string;
  clients: ClientChoice[];
  sites: SiteChoice[];
  clientId: string;
  state?: FormState;
}) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  const kind = v.kind === 'weekly' ? 'weekly' : 'once';
  return (
    <section class="card spaced" aria-labelledby="new-mw-h">
      <h2 id="new-mw-h">Schedule maintenance</h2>
      <form method="post" action="/admin/maintenance" id="new-maintenance">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Select
            name="clientId"
            label="Client"
            value={v.clientId ?? p.clientId}
            errors={e}
            options={p.clients.map((c) => ({ value: c.id, label: `${c.name} (${c.timeZone})` }))}
          />
          <Select
            name="siteId"
            label="Site"
            required={false}
            value={v.siteId ?? ''}
            errors={e}
            hint="A site of the chosen client, or all of its sites."
            options={[
              { value: '', label: 'All sites of the client' },
              ...p.sites.map((s) => ({ value: s.id, label: `${s.clientName} — ${s.name}` })),
            ]}
          />
          <Field name="title" label="Title" value={v.title} errors={e} required placeholder="PHP upgrade" />
        </div>
        <ChoiceGroup
          legend="When"
          type="radio"
          name="kind"
          options={[
            { value: 'once', label: 'Once', checked: kind === 'once', hint: "from and to, in the client's time zone" },
            {
              value: 'weekly',
              label: 'Every week',
              checked: kind === 'weekly',
              hint: "days, start time and length, in the client's time zone",
            },
          ]}
        />
        <div class="form-grid">
          <Field name="from" label="Once: from" type="datetime-local" value={v.from} errors={e} />
          <Field name="to" label="Once: to" type="datetime-local" value={v.to} errors={e} />
        </div>
        <div class="weekdays">
          <ChoiceGroup
            legend="Weekly: on"
            idPrefix="mw"
            options={WEEKDAYS.map((d) => ({
              value: `day-${d.value}`,
              label: d.label,
              checked: v[`day-${d.value}`] !== undefined,
            }))}
            error={e?.weekdays}
          />
        </div>
        <div class="form-grid">
          <Field name="at" label="Weekly: start time" type="time" value={v.at} errors={e} />
          <Field
            name="minutes"
            label="Weekly: minutes"
            inputmode="numeric"
            value={v.minutes}
            errors={e}
            placeholder="60"
          />
        </div>
        <button class="btn" type="submit">
          Schedule
        </button>
      </form>
    </section>
  );
}
