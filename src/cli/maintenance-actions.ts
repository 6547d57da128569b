import { getClient } from '../domain/clients/clients.ts';
import { systemActor } from '../domain/context.ts';
import {
  createMaintenanceWindow,
  listMaintenanceWindows,
  type MaintenanceWindow,
} from '../domain/monitoring/maintenance-windows.ts';
import { CliError, type Explanations, explainErrors } from './errors.ts';
import { definedOnly, formatInstant, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const explainFor = (clientId: string | undefined): Explanations => ({
  options: {
    clientId: '--client',
    siteId: '--site',
    startsAt: '--from',
    endsAt: '--to',
    weekdays: '--weekly',
    startLocal: '--at',
    durationMin: '--minutes',
  },
  notFound: `there is no client ${clientId}; \`npx steward clients list\` shows them`,
});

/** "mon,wed" → [1, 3] (ISO weekdays). */
export function parseWeekdays(text: string): number[] {
  return text.split(',').map((part) => {
    const day = DAYS.indexOf(part.trim().toLowerCase().slice(0, 3));
    if (day < 0 || part.trim().length < 3) {
      throw new CliError(`invalid --weekly: "${part.trim()}" is not a day; use mon,tue,wed,thu,fri,sat,sun`);
    }
    return day + 1;
  });
}

export type AddWindowOptions = {
  client: string;
  site?: string;
  title: string;
  from?: string;
  to?: string;
  weekly?: string;
  at?: string;
  minutes?: number;
  json?: boolean;
};

export function windowInput(opts: AddWindowOptions): Record<string, unknown> {
  const once = opts.from !== undefined || opts.to !== undefined;
  const weekly = opts.weekly !== undefined || opts.at !== undefined || opts.minutes !== undefined;
  if (once === weekly) {
    throw new CliError('give either --from and --to (one-off) or --weekly, --at and --minutes (weekly)');
  }
  const common = { clientId: opts.client, siteId: opts.site, title: opts.title };
  if (once) {
    if (!opts.from || !opts.to) throw new CliError('a one-off window needs both --from and --to');
    return definedOnly({ kind: 'once', ...common, startsAt: opts.from, endsAt: opts.to });
  }
  if (!opts.weekly || !opts.at || opts.minutes === undefined) {
    throw new CliError('a weekly window needs --weekly, --at and --minutes');
  }
  return definedOnly({
    kind: 'weekly',
    ...common,
    weekdays: parseWeekdays(opts.weekly),
    startLocal: opts.at,
    durationMin: opts.minutes,
  });
}

export async function addWindow(opts: AddWindowOptions): Promise<void> {
  const input = windowInput(opts);
  const window = await explainErrors(
    () => withSession(({ ctx }) => createMaintenanceWindow(ctx, systemActor, input)),
    explainFor(opts.client),
  );
  if (opts.json) return printJson(window);
  console.log(window.id);
  tell(`Scheduled maintenance "${window.title}": ${describeSchedule(window)}.`);
}

export function describeSchedule(w: MaintenanceWindow): string {
  if (w.kind === 'once') return `${formatInstant(w.startsAt)} to ${formatInstant(w.endsAt)}`;
  const days = (w.weekdays ?? []).map((d) => DAYS[d - 1]).join(',');
  return `every ${days} at ${w.startLocal} for ${w.durationMin} min (${w.timeZone})`;
}

export async function listWindows(opts: { client?: string; json?: boolean }): Promise<void> {
  const windows = await explainErrors(
    () =>
      withSession(async ({ ctx }) => {
        if (opts.client) await getClient(ctx, opts.client);
        return listMaintenanceWindows(ctx, definedOnly({ clientId: opts.client }));
      }),
    explainFor(opts.client),
  );
  if (opts.json) return printJson(windows);
  if (windows.length === 0) return tell('No maintenance windows.');
  printTable(
    ['id', 'client', 'site', 'title', 'when'],
    windows.map((w) => [w.id, w.clientId, w.siteId ?? 'all sites', w.title, describeSchedule(w)]),
  );
}
