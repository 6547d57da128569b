import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addHolidaySchema,
  createCalendarSchema,
  holidayParamsSchema,
  importHolidaysSchema,
  listCalendarsQuerySchema,
  updateCalendarSchema,
} from '../../domain/sla/calendar-schemas.ts';
import {
  createCalendar,
  getCalendar,
  listCalendars,
  setCalendarArchived,
  updateCalendar,
} from '../../domain/sla/calendars.ts';
import { addHoliday, importHolidays, removeHoliday } from '../../domain/sla/holidays.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { calendarDetailDoc, calendarDoc, holidayDoc, holidayImportDoc } from './sla-calendar-doc-schemas.ts';

const tag = 'SLA calendars';
const READ_ONLY = ' The built-in 24/7 calendar cannot be changed (409).';

export function slaCalendarRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/calendars',
      tag,
      summary: 'List business-hours calendars by name (archived=true|false|all)',
      query: listCalendarsQuerySchema,
      response: listOf(calendarDoc),
    },
    async (c, { query }) => ({ data: await listCalendars(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/calendars',
      tag,
      summary:
        'Create a calendar: IANA time zone and weekly hours by ISO weekday, several ranges a day, none crossing midnight (owner/admin)',
      body: createCalendarSchema,
      response: calendarDetailDoc,
      status: 201,
    },
    (c, { body }) => createCalendar(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/calendars/{id}',
      tag,
      summary: 'Get a calendar with its holidays and the policies that use it',
      params: idParams,
      response: calendarDetailDoc,
      errors: [404],
    },
    (c, { params }) => getCalendar(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/sla/calendars/{id}',
      tag,
      summary: `Change a calendar's name, zone or weekly hours; SLA clocks are recomputed from it (owner/admin).${READ_ONLY}`,
      params: idParams,
      body: updateCalendarSchema,
      response: calendarDetailDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateCalendar(c.var.ctx, c.var.actor, params.id, body),
  );
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    defineRoute(
      r,
      {
        method: 'post',
        path: `/sla/calendars/{id}/${verb}`,
        tag,
        summary: archived
          ? `Archive a calendar; refused (409) while a policy that is not archived uses it.${READ_ONLY}`
          : 'Restore an archived calendar',
        params: idParams,
        response: calendarDetailDoc,
        errors: [404, 409],
      },
      (c, { params }) => setCalendarArchived(c.var.ctx, c.var.actor, params.id, archived),
    );
  }
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/calendars/{id}/holidays',
      tag,
      summary: `Add a holiday (a local date); one per date, a second one is a 409 (owner/admin).${READ_ONLY}`,
      params: idParams,
      body: addHolidaySchema,
      response: holidayDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params, body }) => addHoliday(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'delete',
      path: '/sla/calendars/{id}/holidays/{date}',
      tag,
      summary: 'Remove the holiday on a date (YYYY-MM-DD)',
      params: holidayParamsSchema,
      status: 204,
      errors: [404, 409],
    },
    async (c, { params }) => {
      await removeHoliday(c.var.ctx, c.var.actor, params.id, params.date);
      return undefined;
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/calendars/{id}/holidays/import',
      tag,
      summary:
        'Import holidays from the text of an iCalendar (.ics) file: all-day and timed events (dates in the calendar’s zone), multi-day events, yearly repeats (expanded 3 years ahead). Dates already present are kept; events that cannot be read exactly are skipped and listed.',
      params: idParams,
      body: importHolidaysSchema,
      response: holidayImportDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => importHolidays(c.var.ctx, c.var.actor, params.id, body),
  );
}
