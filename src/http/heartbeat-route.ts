import { type Context, Hono } from 'hono';
import { recordHeartbeatPing } from '../domain/monitoring/heartbeats.ts';
import { toEngineResult } from '../engine/engine-result.ts';
import type { EngineEvents } from '../engine/events.ts';
import type { AppEnv } from './env.ts';
import { jsonError, toAppError } from './errors.ts';
import { clientIp } from './pages/session.ts';

export type HeartbeatRouteDeps = { trustProxy?: boolean; engineEvents?: EngineEvents };

/**
 * The public ping URL of heartbeat monitors: GET or POST /hb/{token}, no authentication (the
 * token is the secret). A note can come as ?note= or as the POST body (e.g. a backup log line).
 */
export function createHeartbeatRoute(deps: HeartbeatRouteDeps) {
  const app = new Hono<AppEnv>();
  const ping = async (c: Context<AppEnv>) => {
    c.header('Cache-Control', 'no-store');
    const body = c.req.method === 'POST' ? await c.req.text() : '';
    const note = c.req.query('note') ?? (body.trim() || null);
    try {
      const outcome = await recordHeartbeatPing(c.var.ctx, c.req.param('token') ?? '', {
        ip: clientIp(c, deps),
        userAgent: c.req.header('user-agent'),
        note,
      });
      const events = deps.engineEvents;
      if (events && outcome.change) {
        const { kind, incidentId, atMs } = outcome.change;
        events.emit({ kind, monitorId: outcome.monitorId, incidentId, atMs });
      }
      if (events?.hasListeners && outcome.result) {
        const result = toEngineResult(outcome.result);
        events.emit({ kind: 'check_result', monitorId: outcome.monitorId, atMs: result.startedAt, result });
      }
      return c.json({ ok: true });
    } catch (err) {
      const appError = toAppError(err);
      if (appError) return jsonError(c, appError);
      throw err;
    }
  };
  app.get('/:token', ping);
  app.post('/:token', ping);
  return app;
}
