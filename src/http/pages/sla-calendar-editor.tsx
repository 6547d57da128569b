import type { HolidayImportResult, SlaCalendarDetail } from '../../domain/sla/calendar-schemas.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, ErrorSummary } from './form-controls.tsx';
import { PageHeader, ReadOnlyNote } from './layout.tsx';
import { CalendarForm, calendarFormValues, HoursList } from './sla-calendars-views.tsx';
import { AddHolidayForm, HolidaysTable, ImportHolidaysForm, ImportResultPanel } from './sla-holidays-views.tsx';

/** Which form on the page a refused post came from, so its message shows beside it. */
export type EditorProblem = { form: 'calendar' | 'holiday' | 'import' | 'archive'; state: FormState };

type Props = {
  calendar: SlaCalendarDetail;
  manage: boolean;
  csrfToken: string;
  problem?: EditorProblem;
  importResult?: HolidayImportResult;
};

export function CalendarEditor(p: Props) {
  const c = p.calendar;
  const builtIn = c.kind === '24x7';
  const editable = p.manage && !builtIn;
  const stateOf = (form: EditorProblem['form']) => (p.problem?.form === form ? p.problem.state : undefined);
  const subtitle = builtIn
    ? 'Built in: every minute of every day counts. Policies use it for wall-clock (24/7) targets.'
    : `Time zone ${c.timeZone}${c.archivedAt ? ' · archived' : ''}`;
  return (
    <>
      <PageHeader title={c.name} subtitle={subtitle}>
        <a href="/admin/sla/calendars">← All calendars</a>
      </PageHeader>
      {p.importResult && <ImportResultPanel result={p.importResult} />}
      <section class="card" aria-labelledby="hours-h">
        <h2 id="hours-h">Name, time zone and hours</h2>
        {editable ? (
          <CalendarForm
            action={`/admin/sla/calendars/${c.id}`}
            submitLabel="Save calendar"
            csrfToken={p.csrfToken}
            values={calendarFormValues(c)}
            state={stateOf('calendar')}
          />
        ) : (
          <>
            <HoursList weeklyHours={c.weeklyHours} />
            <ReadOnlyNote>
              {builtIn
                ? 'The built-in 24/7 calendar cannot be changed.'
                : 'Only owners and admins can change SLA calendars.'}
            </ReadOnlyNote>
          </>
        )}
      </section>
      {!builtIn && (
        <section class="card spaced" aria-labelledby="holidays-h">
          <h2 id="holidays-h">Holidays</h2>
          <p class="muted">Dates in {c.timeZone} on which no business time counts.</p>
          <HolidaysTable calendarId={c.id} holidays={c.holidays} editable={editable} csrfToken={p.csrfToken} />
          {editable && (
            <div class="columns">
              <AddHolidayForm calendarId={c.id} csrfToken={p.csrfToken} state={stateOf('holiday')} />
              <ImportHolidaysForm calendarId={c.id} csrfToken={p.csrfToken} state={stateOf('import')} />
            </div>
          )}
        </section>
      )}
      <section class="card spaced" aria-labelledby="usage-h">
        <h2 id="usage-h">Used by</h2>
        {c.policies.length === 0 ? (
          <p class="muted">No SLA policy uses this calendar.</p>
        ) : (
          <ul class="plain-list">
            {c.policies.map((policy) => (
              <li>{policy.name}</li>
            ))}
          </ul>
        )}
        {editable && <ArchiveControl {...p} />}
      </section>
    </>
  );
}

function ArchiveControl(p: Props) {
  const c = p.calendar;
  const state = p.problem?.form === 'archive' ? p.problem.state : undefined;
  if (c.archivedAt) {
    return (
      <ActionButton action={`/admin/sla/calendars/${c.id}/restore`} csrfToken={p.csrfToken} label="Restore calendar" />
    );
  }
  return (
    <>
      <ErrorSummary message={state?.message} />
      {c.policies.length > 0 ? (
        <p class="note">Move these policies to another calendar before archiving this one.</p>
      ) : (
        <ActionButton
          action={`/admin/sla/calendars/${c.id}/archive`}
          csrfToken={p.csrfToken}
          label="Archive calendar"
          variant="danger"
        />
      )}
    </>
  );
}
