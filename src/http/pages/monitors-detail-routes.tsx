import type { Hono } from 'hono';
import { heartbeatPingUrl } from '../../domain/monitoring/heartbeat-url-view.ts';
import { rotateHeartbeatToken, setMonitorArchived, updateMonitor } from '../../domain/monitoring/monitors.ts';
import type { AppEnv } from '../env.ts';
import { renderMonitorPage } from './monitors-detail-page.tsx';
import { publicBase } from './monitors-secret.tsx';
import { setFlash } from './session.ts';

export function registerMonitorDetail(app: Hono<AppEnv>) {
  app.get('/admin/monitors/:id', (c) => renderMonitorPage(c, c.req.param('id')));

  for (const [verb, enabled] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    app.post(`/admin/monitors/:id/${verb}`, async (c) => {
      const monitor = await updateMonitor(c.var.ctx, c.var.actor, c.req.param('id'), { enabled });
      setFlash(c, enabled ? `${monitor.name} is checked again.` : `${monitor.name} is paused: no checks, no alerts.`);
      return c.redirect(`/admin/monitors/${monitor.id}`, 303);
    });
  }

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/admin/monitors/:id/${verb}`, async (c) => {
      const monitor = await setMonitorArchived(c.var.ctx, c.var.actor, c.req.param('id'), archived);
      setFlash(c, archived ? `${monitor.name} is archived; its history stays.` : `${monitor.name} is restored.`);
      return c.redirect(archived ? '/admin/monitors' : `/admin/monitors/${monitor.id}`, 303);
    });
  }

  app.post('/admin/monitors/:id/rotate-token', async (c) => {
    const { monitor, heartbeatToken } = await rotateHeartbeatToken(c.var.ctx, c.var.actor, c.req.param('id'));
    c.header('Cache-Control', 'no-store'); // the secret URL exists only in this response
    const url = heartbeatPingUrl(publicBase(c), heartbeatToken ?? '');
    return renderMonitorPage(c, monitor.id, { rotatedUrl: url });
  });
}
