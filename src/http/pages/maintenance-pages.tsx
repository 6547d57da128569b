import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import {
  archiveMaintenanceWindow,
  createMaintenanceWindow,
  listMaintenanceWindows,
} from '../../domain/monitoring/maintenance-windows.ts';
import { listClientChoices, listSiteChoices } from '../../domain/monitoring/site-choices-view.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, type FormInput, readForm } from './form.ts';
import { Layout, PageHeader } from './layout.tsx';
import { MaintenanceForm, WEEKDAYS, WindowsTable } from './maintenance-views.tsx';
import { setFlash } from './session.ts';
import { shell } from './view.ts';

const RENAMES = {
  startsAt: 'from',
  endsAt: 'to',
  startLocal: 'at',
  durationMin: 'minutes',
  weekdays: 'weekdays',
  'weekdays.0': 'weekdays',
};

/** A datetime-local value ("2026-03-07T22:00") read in the client's zone, as an ISO instant with offset. */
function localToIso(form: FormInput, name: string, timeZone: string): string {
  const text = form.text(name);
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  if (text && parsed.isValid) return parsed.toISO({ suppressMilliseconds: true }) ?? text;
  form.errors[name] = text ? 'must be a date and time' : 'enter a date and time';
  return text;
}

export function registerMaintenancePages(app: Hono<AppEnv>) {
  app.get('/admin/maintenance', (c) => renderMaintenance(c));

  app.post('/admin/maintenance', async (c) => {
    const form = await readForm(c);
    const clients = await listClientChoices(c.var.ctx);
    const client = clients.find((cl) => cl.id === form.text('clientId'));
    const common = {
      clientId: form.text('clientId'),
      siteId: form.optional('siteId') ?? null,
      title: form.text('title'),
    };
    const weekly = form.text('kind') === 'weekly';
    const tz = client?.timeZone ?? 'UTC';
    const input = weekly
      ? {
          kind: 'weekly',
          ...common,
          weekdays: WEEKDAYS.filter((d) => form.checked(`day-${d.value}`)).map((d) => d.value),
          startLocal: form.text('at'),
          durationMin: form.int('minutes'),
        }
      : { kind: 'once', ...common, startsAt: localToIso(form, 'from', tz), endsAt: localToIso(form, 'to', tz) };
    const result = await attempt(form, () => createMaintenanceWindow(c.var.ctx, c.var.actor, input), RENAMES);
    if (!result.ok) return renderMaintenance(c, { values: form.values(), ...result }, result.status);
    setFlash(c, `Maintenance “${result.value.title}” scheduled.`);
    return c.redirect(`/admin/maintenance?client=${encodeURIComponent(result.value.clientId)}`, 303);
  });

  app.post('/admin/maintenance/:id/archive', async (c) => {
    const form = await readForm(c);
    await archiveMaintenanceWindow(c.var.ctx, c.var.actor, c.req.param('id'));
    setFlash(c, 'Maintenance window ended; past occurrences still count as maintenance.');
    const back = form.text('client');
    return c.redirect(`/admin/maintenance${back ? `?client=${encodeURIComponent(back)}` : ''}`, 303);
  });
}

async function renderMaintenance(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  const clientId = state?.values?.clientId ?? c.req.query('client') ?? '';
  const [clients, windows, sites] = await Promise.all([
    listClientChoices(c.var.ctx),
    listMaintenanceWindows(c.var.ctx, clientId ? { clientId } : {}),
    listSiteChoices(c.var.ctx, clientId || undefined),
  ]);
  return c.html(
    <Layout title="Maintenance windows" {...shell(c, 'monitors')}>
      <PageHeader
        title="Maintenance windows"
        subtitle="During maintenance checks go on, alerts are silenced and the time is left out of uptime."
      >
        <a href="/admin/monitors">← Monitors</a>
      </PageHeader>
      <search>
        <form method="get" action="/admin/maintenance" class="filters">
          <div class="field">
            <label for="f-client-filter">Client</label>
            <select id="f-client-filter" name="client">
              <option value="">All clients</option>
              {clients.map((cl) => (
                <option value={cl.id} selected={cl.id === clientId}>
                  {cl.name}
                </option>
              ))}
            </select>
          </div>
          <button class="btn secondary" type="submit">
            Show
          </button>
        </form>
      </search>
      <WindowsTable windows={windows} clients={clients} sites={sites} csrfToken={c.var.csrfToken} clientId={clientId} />
      <MaintenanceForm csrfToken={c.var.csrfToken} clients={clients} sites={sites} clientId={clientId} state={state} />
    </Layout>,
    status,
  );
}
