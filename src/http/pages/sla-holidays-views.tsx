import type { CalendarHoliday, HolidayImportResult } from '../../domain/sla/calendar-schemas.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, CsrfField, ErrorSummary, Field, TextArea } from './form-controls.tsx';
import { formatCalendarDate } from './format.ts';

const weekdayOf = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export function HolidaysTable(p: {
  calendarId: string;
  holidays: CalendarHoliday[];
  editable: boolean;
  csrfToken: string;
}) {
  if (p.holidays.length === 0) return <p class="muted">No holidays yet.</p>;
  return (
    <table class="stack">
      <caption class="sr-only">Holidays</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Name</th>
          <th scope="col">Source</th>
          {p.editable && (
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {p.holidays.map((h) => (
          <tr>
            <td data-label="Date" class="nowrap">
              {weekdayOf(h.date)} {formatCalendarDate(h.date)}
            </td>
            <td data-label="Name">{h.name}</td>
            <td data-label="Source" class="small">
              {h.source === 'ical' ? 'imported' : 'entered'}
            </td>
            {p.editable && (
              <td class="row-actions">
                <ActionButton
                  action={`/admin/sla/calendars/${p.calendarId}/holidays/${h.date}/delete`}
                  csrfToken={p.csrfToken}
                  label="Remove"
                  variant="danger"
                  ariaLabel={`Remove the holiday ${h.name} on ${h.date}`}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AddHolidayForm(p: { calendarId: string; csrfToken: string; state?: FormState }) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  return (
    <form method="post" action={`/admin/sla/calendars/${p.calendarId}/holidays`} id="add-holiday">
      <h3>Add a holiday</h3>
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="date" idPrefix="hol" label="Date" type="date" value={v.date} errors={e} required />
        <Field name="name" idPrefix="hol" label="Name" value={v.name} errors={e} required placeholder="Christmas" />
      </div>
      <div class="form-actions">
        <button class="btn" type="submit">
          Add holiday
        </button>
      </div>
    </form>
  );
}

export function ImportHolidaysForm(p: { calendarId: string; csrfToken: string; state?: FormState }) {
  const e = p.state?.errors;
  const fileError = e?.icsFile;
  return (
    <form
      method="post"
      action={`/admin/sla/calendars/${p.calendarId}/holidays/import`}
      enctype="multipart/form-data"
      id="import-holidays"
    >
      <h3>Import from an iCal file</h3>
      <p class="hint">
        A public-holiday calendar (.ics), up to 1 MiB. Yearly holidays are added for the next three years; dates already
        here are kept; events that cannot be read exactly are listed and skipped.
      </p>
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class={fileError ? 'field has-error' : 'field'}>
        <label for="f-icsFile">iCal file</label>
        <input id="f-icsFile" name="icsFile" type="file" accept=".ics,text/calendar" />
        {fileError && <small class="error">{fileError}</small>}
      </div>
      <TextArea
        name="icsText"
        label="…or paste its text"
        rows={4}
        value={p.state?.values?.icsText}
        errors={e}
        hint="Starts with BEGIN:VCALENDAR."
      />
      <div class="form-actions">
        <button class="btn" type="submit">
          Import holidays
        </button>
      </div>
    </form>
  );
}

export function ImportResultPanel(p: { result: HolidayImportResult }) {
  const { added, alreadyPresent, skipped } = p.result;
  return (
    <section class="card spaced" aria-labelledby="import-result-h" role="status">
      <h2 id="import-result-h">Import finished</h2>
      <p>
        {added} {added === 1 ? 'date' : 'dates'} added, {alreadyPresent} already present, {skipped.length}{' '}
        {skipped.length === 1 ? 'event' : 'events'} skipped.
      </p>
      {skipped.length > 0 && (
        <ul class="plain-list">
          {skipped.map((s) => (
            <li>
              <strong>{s.summary}</strong>: <span class="muted">{s.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
