import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { Ctx } from '../domain/context.ts';
import type { SendMail } from '../domain/portal/portal-mail.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { createApi } from './api/api.ts';
import type { AppEnv } from './env.ts';
import { jsonError, statusByCode, toAppError } from './errors.ts';
import { createHeartbeatRoute, type HeartbeatRouteDeps } from './heartbeat-route.ts';
import { type ConsoleOptions, createConsole } from './pages/console.tsx';
import { createPortal } from './portal/portal-app.tsx';
import { createStatusRoutes, type StatusRouteDeps } from './status/status-routes.tsx';

export const MAX_BODY_BYTES = 1024 * 1024;

export type AppDeps = {
  ctx: Ctx;
  logger: Logger;
  /** Checked by /healthz: true once storage is ready and while not shutting down. */
  isReady?: () => boolean;
  /** The address people reach Steward at (STEWARD_PUBLIC_URL); else links use the request's origin. */
  publicUrl?: string;
  /** Mail for people (portal invitations, sign-in links): SMTP, or stored for the outbox when absent. */
  sendMail?: SendMail;
} & ConsoleOptions &
  HeartbeatRouteDeps &
  Omit<StatusRouteDeps, 'ctx' | 'publicUrl' | 'trustProxy'>;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || newId('req');
    const logger = deps.logger.child({ requestId });
    c.set('ctx', deps.ctx);
    c.set('logger', logger);
    c.set('requestId', requestId);
    c.set('publicUrl', deps.publicUrl?.replace(/\/+$/, ''));
    c.set('sendMail', deps.sendMail ?? (async () => ({ delivery: 'stored' as const })));
    c.header('X-Request-Id', requestId);
    const startedMs = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - startedMs),
      },
      'request',
    );
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', 'The request body is larger than 1 MiB');
      },
    }),
  );

  app.get('/healthz', async (c) => {
    if (deps.isReady && !deps.isReady()) return c.json({ status: 'shutting_down' }, 503);
    await deps.ctx.db.selectFrom('agency_settings').select('id').limit(1).execute();
    return c.json({ status: 'ok' });
  });

  // Public status pages; a custom domain's requests never reach the API or the console.
  const status = createStatusRoutes(deps);
  app.use('*', status.customDomains);
  app.route('/', status.routes);
  app.route('/api/v1', createApi());
  // Unmatched API requests stop here: otherwise they fall through to the console, whose CSRF check
  // answers a POST to an unknown API path with 403 and sets cookies on an API response.
  app.all('/api/*', (c) => jsonError(c, new AppError('not_found', `No route ${c.req.method} ${c.req.path}`)));
  app.route('/hb', createHeartbeatRoute(deps));
  // The client portal: own cookie and sessions, before the console so /portal never reaches it.
  app.route('/portal', createPortal(deps));
  app.route('/', createConsole(deps));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return jsonError(c, new AppError('not_found', `No route ${c.req.method} ${c.req.path}`));
    return c.text('Not found', 404);
  });

  app.onError((err, c) => {
    const appError = toAppError(err);
    if (appError) {
      if (c.req.path.startsWith('/api/')) return jsonError(c, appError);
      return c.text(appError.message, statusByCode[appError.code]);
    }
    c.var.logger?.error({ err }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        { error: { code: 'internal', message: 'Something went wrong; the request id is in X-Request-Id' } },
        500,
      );
    }
    return c.text('Something went wrong', 500);
  });

  return app;
}
