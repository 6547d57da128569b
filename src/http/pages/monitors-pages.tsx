import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { heartbeatPingUrl } from '../../domain/monitoring/heartbeat-url-view.ts';
import { readMonitorList } from '../../domain/monitoring/monitor-list-view.ts';
import { createMonitor } from '../../domain/monitoring/monitors.ts';
import { listClientChoices, listSiteChoices } from '../../domain/monitoring/site-choices-view.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { Layout, PageHeader } from './layout.tsx';
import { registerMonitorDetail } from './monitors-detail-routes.tsx';
import { isKind, KindTabs, MONITOR_FIELD_RENAMES, monitorConfigFromForm, NewMonitorForm } from './monitors-form.tsx';
import {
  type MonitorFilter,
  MonitorFilterForm,
  MonitorsTable,
  PageLinks,
  StatusCounts,
} from './monitors-list-view.tsx';
import { HeartbeatUrlCard, publicBase } from './monitors-secret.tsx';
import { setFlash } from './session.ts';
import { shell } from './view.ts';

const PAGE_SIZE = 50;
const REFRESH_S = 30;

export function registerMonitorPages(app: Hono<AppEnv>) {
  app.get('/admin/monitors', async (c) => {
    const filter: MonitorFilter = {
      clientId: c.req.query('client') ?? '',
      archived: c.req.query('archived') === 'true',
    };
    const page = Number.parseInt(c.req.query('page') ?? '1', 10) || 1;
    const [list, clients, settings] = await Promise.all([
      readMonitorList(
        c.var.ctx,
        { ...(filter.clientId && { clientId: filter.clientId }), archived: filter.archived ? 'true' : 'false' },
        page,
        PAGE_SIZE,
      ),
      listClientChoices(c.var.ctx),
      getAgencySettings(c.var.ctx),
    ]);
    const href = (n: number) => {
      const q = new URLSearchParams();
      if (filter.clientId) q.set('client', filter.clientId);
      if (filter.archived) q.set('archived', 'true');
      if (n > 1) q.set('page', String(n));
      return `/admin/monitors${q.size ? `?${q}` : ''}`;
    };
    return c.html(
      <Layout title="Monitors" {...shell(c, 'monitors')} refreshSeconds={REFRESH_S}>
        <PageHeader title="Monitors" subtitle={`Problems first. This page refreshes every ${REFRESH_S} seconds.`}>
          <a href="/admin/maintenance">Maintenance windows</a>
          <a class="btn" href="/admin/monitors/new">
            Add monitor
          </a>
        </PageHeader>
        <MonitorFilterForm filter={filter} clients={clients} />
        <StatusCounts counts={list.counts} />
        {list.rows.length === 0 ? (
          <p class="card muted">
            {filter.clientId || filter.archived ? 'No monitors match.' : 'No monitors yet.'}{' '}
            <a href="/admin/monitors/new">Add a monitor</a> to start checking a site.
          </p>
        ) : (
          <MonitorsTable rows={list.rows} timeZone={settings.timeZone} nowMs={c.var.ctx.clock.now()} />
        )}
        <PageLinks page={list.page} pageCount={list.pageCount} href={href} />
      </Layout>,
    );
  });

  app.get('/admin/monitors/new', (c) => renderNewMonitor(c));

  app.post('/admin/monitors', async (c) => {
    const form = await readForm(c);
    const kind = form.text('kind');
    if (!isKind(kind)) return renderNewMonitor(c, { message: 'Choose a kind of check.' }, 422);
    const input = {
      siteId: form.text('siteId'),
      kind,
      name: form.optional('name'),
      ...(kind !== 'heartbeat' && form.text('intervalS') !== '' && { intervalS: form.int('intervalS') }),
      config: monitorConfigFromForm(kind, form),
    };
    const result = await attempt(form, () => createMonitor(c.var.ctx, c.var.actor, input), MONITOR_FIELD_RENAMES);
    if (!result.ok) return renderNewMonitor(c, { values: form.values(), ...result }, result.status);
    const { monitor, heartbeatToken } = result.value;
    if (heartbeatToken) {
      c.header('Cache-Control', 'no-store'); // the secret URL exists only in this response
      return c.html(
        <Layout title="Monitor added" {...shell(c, 'monitors')}>
          <PageHeader title={monitor.name} subtitle="Heartbeat monitor added." />
          <HeartbeatUrlCard url={heartbeatPingUrl(publicBase(c), heartbeatToken)} />
          <p>
            <a class="btn" href={`/admin/monitors/${monitor.id}`}>
              Go to the monitor
            </a>
          </p>
        </Layout>,
        201,
      );
    }
    setFlash(c, `Monitor ${monitor.name} added; it is checked every ${monitor.effectiveIntervalS} s.`);
    return c.redirect(`/admin/monitors/${monitor.id}`, 303);
  });

  registerMonitorDetail(app);
}

async function renderNewMonitor(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  const raw = state?.values?.kind ?? c.req.query('kind');
  const kind = isKind(raw) ? raw : 'http';
  const siteId = state?.values?.siteId ?? c.req.query('site') ?? '';
  const sites = await listSiteChoices(c.var.ctx);
  return c.html(
    <Layout title="Add a monitor" {...shell(c, 'monitors')}>
      <PageHeader title="Add a monitor" subtitle="Checks run at the interval of the site's plan.">
        <a href="/admin/monitors">← Monitors</a>
      </PageHeader>
      {sites.length === 0 ? (
        <p class="card">
          There are no sites to monitor yet. <a href="/admin/clients">Add a site to a client</a> first.
        </p>
      ) : (
        <>
          <KindTabs kind={kind} siteId={siteId} />
          <NewMonitorForm csrfToken={c.var.csrfToken} kind={kind} sites={sites} siteId={siteId} state={state} />
        </>
      )}
    </Layout>,
    status,
  );
}
