import type { SlaCalendar, SlaCalendarDetail } from '../../domain/sla/calendar-schemas.ts';
import {
  formatDayRanges,
  ISO_WEEKDAYS,
  type IsoWeekday,
  summarizeWeek,
  WEEKDAY_NAMES,
  type WeeklyHoursMap,
} from '../../domain/sla/weekly-hours.ts';
import type { FormState } from './client-forms.tsx';
import { CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { timeZoneOptions } from './options.ts';

/** Domain error paths → the form field that shows them. */
export const CALENDAR_FIELD_NAMES: Record<string, string> = {
  weeklyHours: 'hours',
  ...Object.fromEntries(ISO_WEEKDAYS.map((d) => [`weeklyHours.${d}`, `hours-${d}`])),
};

const hoursText = (c: SlaCalendar) => (c.kind === '24x7' ? 'Every minute of every day' : summarizeWeek(c.weeklyHours));

export function CalendarsTable(p: { calendars: SlaCalendar[] }) {
  if (p.calendars.length === 0) return <p class="card muted">No calendars here.</p>;
  return (
    <table class="stack">
      <caption class="sr-only">SLA calendars</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Time zone</th>
          <th scope="col">Business hours</th>
          <th scope="col" class="num">
            Holidays
          </th>
        </tr>
      </thead>
      <tbody>
        {p.calendars.map((c) => (
          <tr>
            <td data-label="Name">
              <a href={`/admin/sla/calendars/${c.id}`}>
                <strong>{c.name}</strong>
              </a>{' '}
              {c.kind === '24x7' && <span class="badge">built in</span>}
              {c.archivedAt && <span class="badge warn">archived</span>}
            </td>
            <td data-label="Time zone">{c.kind === '24x7' ? '–' : c.timeZone}</td>
            <td data-label="Business hours">{hoursText(c)}</td>
            <td data-label="Holidays" class="num">
              {c.holidayCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The week as a read-only table (technicians, and the built-in 24/7 calendar). */
export function HoursList(p: { weeklyHours: WeeklyHoursMap }) {
  return (
    <dl class="facts">
      {ISO_WEEKDAYS.map((d) => (
        <div>
          <dt>{WEEKDAY_NAMES[d]}</dt>
          <dd>{formatDayRanges(p.weeklyHours[d], '–') || <span class="muted">closed</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Values of the calendar form as the page shows them: one text field per weekday. */
export function calendarFormValues(c: Pick<SlaCalendarDetail, 'name' | 'timeZone' | 'weeklyHours'>) {
  return {
    name: c.name,
    timeZone: c.timeZone,
    ...Object.fromEntries(ISO_WEEKDAYS.map((d) => [`hours-${d}`, formatDayRanges(c.weeklyHours[d])])),
  } as Record<string, string>;
}

export function CalendarForm(p: {
  action: string;
  submitLabel: string;
  csrfToken: string;
  values: Record<string, string>;
  state?: FormState;
}) {
  const v = { ...p.values, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action={p.action} id="calendar-form">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required placeholder="Madrid office hours" />
        <Select name="timeZone" label="Time zone" value={v.timeZone} errors={e} options={timeZoneOptions()} />
      </div>
      <fieldset class={e?.hours ? 'choices has-error' : 'choices'}>
        <legend>Weekly business hours</legend>
        <p class="hint">
          Local time in the calendar's zone, as ranges such as <code>09:00-13:00, 15:00-19:00</code>. Leave a day empty
          when closed; a range may end at 24:00 but not cross midnight.
        </p>
        {e?.hours && <small class="error">{e.hours}</small>}
        <table class="hours-grid">
          <caption class="sr-only">Hours by weekday</caption>
          <tbody>
            {ISO_WEEKDAYS.map((d) => (
              <HoursRow day={d} value={v[`hours-${d}`] ?? ''} error={e?.[`hours-${d}`]} />
            ))}
          </tbody>
        </table>
      </fieldset>
      <div class="form-actions">
        <button class="btn" type="submit">
          {p.submitLabel}
        </button>
      </div>
    </form>
  );
}

function HoursRow(p: { day: IsoWeekday; value: string; error?: string }) {
  const id = `f-hours-${p.day}`;
  return (
    <tr>
      <th scope="row">
        <label for={id}>{WEEKDAY_NAMES[p.day]}</label>
      </th>
      <td>
        <div class={p.error ? 'field has-error' : 'field'}>
          <input
            id={id}
            name={`hours-${p.day}`}
            type="text"
            value={p.value}
            placeholder="closed"
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? `${id}-err` : undefined}
          />
          {p.error && (
            <small class="error" id={`${id}-err`}>
              {p.error}
            </small>
          )}
        </div>
      </td>
    </tr>
  );
}
