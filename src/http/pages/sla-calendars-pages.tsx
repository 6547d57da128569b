import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { requireRole } from '../../domain/shared/permissions.ts';
import type { HolidayImportResult } from '../../domain/sla/calendar-schemas.ts';
import {
  createCalendar,
  getCalendar,
  listCalendars,
  setCalendarArchived,
  updateCalendar,
} from '../../domain/sla/calendars.ts';
import { addHoliday, importHolidays, removeHoliday } from '../../domain/sla/holidays.ts';
import { OFFICE_HOURS } from '../../domain/sla/seed-sla.ts';
import { ISO_WEEKDAYS, parseDayRangesText, type WeeklyHoursMap } from '../../domain/sla/weekly-hours.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, type FormInput, readForm } from './form.ts';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { CalendarEditor, type EditorProblem } from './sla-calendar-editor.tsx';
import { CALENDAR_FIELD_NAMES, CalendarForm, CalendarsTable, calendarFormValues } from './sla-calendars-views.tsx';
import { canManage, shell } from './view.ts';

const BASE = '/admin/sla/calendars';

/** The console's hours fields ("09:00-13:00, 15:00-19:00" per weekday) as use-case input. */
function calendarInput(form: FormInput) {
  const weeklyHours: Record<string, unknown> = {};
  for (const day of ISO_WEEKDAYS) {
    const { ranges, unreadable } = parseDayRangesText(form.text(`hours-${day}`));
    if (unreadable) form.errors[`hours-${day}`] = 'write the hours as ranges such as 09:00-13:00, 15:00-19:00';
    weeklyHours[day] = ranges;
  }
  return { name: form.text('name'), timeZone: form.text('timeZone'), weeklyHours };
}

export function registerSlaCalendarPages(app: Hono<AppEnv>) {
  app.get(BASE, (c) => renderList(c));
  app.get(`${BASE}/new`, (c) => renderNew(c));

  app.post(BASE, async (c) => {
    const form = await readForm(c);
    const input = calendarInput(form);
    const result = await attempt(form, () => createCalendar(c.var.ctx, c.var.actor, input), CALENDAR_FIELD_NAMES);
    if (!result.ok) return renderNew(c, { values: form.values(), ...result }, result.status);
    setFlash(c, `Calendar ${result.value.name} created.`);
    return c.redirect(`${BASE}/${result.value.id}`, 303);
  });

  app.get(`${BASE}/:id`, (c) => renderEditor(c, c.req.param('id')));

  app.post(`${BASE}/:id`, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = calendarInput(form);
    const result = await attempt(form, () => updateCalendar(c.var.ctx, c.var.actor, id, input), CALENDAR_FIELD_NAMES);
    if (!result.ok) return renderEditor(c, id, { form: 'calendar', state: { values: form.values(), ...result } });
    setFlash(c, `${result.value.name} saved. SLA clocks now count under these hours.`);
    return c.redirect(`${BASE}/${id}`, 303);
  });

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`${BASE}/:id/${verb}`, async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const result = await attempt(form, () => setCalendarArchived(c.var.ctx, c.var.actor, id, archived));
      if (!result.ok) return renderEditor(c, id, { form: 'archive', state: result });
      setFlash(c, `${result.value.name} ${archived ? 'archived: new policies cannot use it' : 'restored'}.`);
      return c.redirect(`${BASE}/${id}`, 303);
    });
  }

  app.post(`${BASE}/:id/holidays`, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = { date: form.text('date'), name: form.text('name') };
    const result = await attempt(form, () => addHoliday(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) return renderEditor(c, id, { form: 'holiday', state: { values: form.values(), ...result } });
    setFlash(c, `Holiday “${result.value.name}” added on ${result.value.date}.`);
    return c.redirect(`${BASE}/${id}#holidays-h`, 303);
  });

  app.post(`${BASE}/:id/holidays/:date/delete`, async (c) => {
    const id = c.req.param('id');
    await removeHoliday(c.var.ctx, c.var.actor, id, c.req.param('date'));
    setFlash(c, `Holiday on ${c.req.param('date')} removed.`);
    return c.redirect(`${BASE}/${id}#holidays-h`, 303);
  });

  app.post(`${BASE}/:id/holidays/import`, async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const body = await c.req.parseBody();
    const file = body.icsFile instanceof File && body.icsFile.size > 0 ? body.icsFile : undefined;
    const ics = file ? await file.text() : form.text('icsText');
    const result = await attempt(form, () => importHolidays(c.var.ctx, c.var.actor, id, { ics }), {
      ics: file ? 'icsFile' : 'icsText',
    });
    // Shown on the page rather than in a flash: the list of skipped events can be long.
    if (result.ok) return renderEditor(c, id, { importResult: result.value });
    const values: Record<string, string> = file ? {} : { icsText: form.text('icsText') };
    return renderEditor(c, id, { form: 'import', state: { values, ...result } });
  });
}

async function renderList(c: Context<AppEnv>) {
  const showArchived = c.req.query('archived') === 'true';
  const calendars = await listCalendars(c.var.ctx, { archived: showArchived ? 'true' : 'false' });
  const manage = canManage(c);
  return c.html(
    <Layout title="SLA calendars" {...shell(c, 'sla')}>
      <PageHeader
        title={showArchived ? 'Archived SLA calendars' : 'SLA calendars'}
        subtitle="Business hours and holidays that SLA clocks count in, each in its own time zone."
      >
        <a href="/admin/sla">← SLA</a>
        <a href={showArchived ? BASE : `${BASE}?archived=true`}>{showArchived ? 'Active calendars' : 'Archived'}</a>
        {manage && (
          <a class="btn" href={`${BASE}/new`}>
            New calendar
          </a>
        )}
      </PageHeader>
      <CalendarsTable calendars={calendars} />
    </Layout>,
  );
}

async function renderNew(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  requireRole(c.var.actor, 'admin', 'create SLA calendars');
  const settings = await getAgencySettings(c.var.ctx);
  const defaults = calendarFormValues({
    name: '',
    timeZone: settings.timeZone,
    weeklyHours: OFFICE_HOURS as unknown as WeeklyHoursMap,
  });
  return c.html(
    <Layout title="New SLA calendar" {...shell(c, 'sla')}>
      <PageHeader title="New SLA calendar" subtitle="Holidays can be added once the calendar exists.">
        <a href={BASE}>← All calendars</a>
      </PageHeader>
      <section class="card">
        <CalendarForm
          action={BASE}
          submitLabel="Create calendar"
          csrfToken={c.var.csrfToken}
          values={defaults}
          state={state}
        />
      </section>
    </Layout>,
    status,
  );
}

async function renderEditor(
  c: Context<AppEnv>,
  id: string,
  opts: {
    form?: EditorProblem['form'];
    state?: FormState & { status?: number };
    importResult?: HolidayImportResult;
  } = {},
) {
  const calendar = await getCalendar(c.var.ctx, id);
  const problem = opts.form && opts.state ? { form: opts.form, state: opts.state } : undefined;
  return c.html(
    <Layout title={calendar.name} {...shell(c, 'sla')}>
      <CalendarEditor
        calendar={calendar}
        manage={canManage(c)}
        csrfToken={c.var.csrfToken}
        problem={problem}
        importResult={opts.importResult}
      />
    </Layout>,
    (opts.state?.status as 409 | 422 | undefined) ?? 200,
  );
}
