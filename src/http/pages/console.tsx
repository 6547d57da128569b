import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { signIn, signOut } from '../../domain/users/sessions.ts';
import { countUsers, createFirstOwner } from '../../domain/users/users.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { statusByCode, toAppError } from '../errors.ts';
import { registerClientPages } from './clients-pages.tsx';
import { registerDashboard } from './dashboard-page.tsx';
import { registerHoursPages } from './hours-pages.tsx';
import { registerIncidentPages } from './incidents-pages.tsx';
import { registerIngestKeyPages } from './ingest-keys-pages.tsx';
import { CsrfField, ErrorSummary, Field, type FieldErrors, fieldErrors, Layout } from './layout.tsx';
import { registerMaintenancePages } from './maintenance-pages.tsx';
import { registerMonitorPages } from './monitors-pages.tsx';
import { registerOutboxPages } from './outbox-pages.tsx';
import { registerPlanPages } from './plans-pages.tsx';
import { registerReportPages } from './reports-pages.tsx';
import {
  type ConsoleOptions,
  clearSessionCookie,
  clientIp,
  loadSession,
  SESSION_COOKIE,
  setFlash,
  setSessionCookie,
  takeFlash,
  verifyCsrf,
} from './session.ts';
import { registerSettingsPages } from './settings-pages.tsx';
import { registerSlaBoard } from './sla-board-page.tsx';
import { registerSlaCalendarPages } from './sla-calendars-pages.tsx';
import { registerSlaPolicyPages } from './sla-policies-pages.tsx';
import { registerStatusPagePages } from './status-pages-pages.tsx';
import { registerSupportPages } from './support-pages.tsx';
import { registerUpdatesPages } from './updates-pages.tsx';
import { registerUserPages } from './users-pages.tsx';
import { registerWorkPages } from './work-pages.tsx';

export type { ConsoleOptions };

/** The server-rendered admin console: sign-in, first-run setup and /admin/*. */
export function createConsole(options: ConsoleOptions) {
  const app = new Hono<AppEnv>();
  // Reject cross-origin form posts outright (Origin check), then check the per-session token.
  app.use('*', csrf());
  app.use('*', loadSession(options));
  app.use('*', verifyCsrf);

  app.get('/', async (c) => {
    if ((await countUsers(c.var.ctx)) === 0) return c.redirect('/setup', 303);
    return c.redirect(c.var.user ? '/admin' : '/login', 303);
  });

  app.get('/setup', async (c) => {
    if ((await countUsers(c.var.ctx)) > 0) return c.redirect('/login', 303);
    return c.html(<SetupPage csrfToken={c.var.csrfToken} />);
  });

  app.post('/setup', async (c) => {
    const form = await c.req.parseBody();
    const input = { name: str(form.name), email: str(form.email), password: str(form.password) };
    try {
      await createFirstOwner(c.var.ctx, input);
    } catch (err) {
      const e = toAppError(err);
      if (e?.code === 'conflict') return c.redirect('/login', 303);
      if (e?.code !== 'invalid') throw err;
      return c.html(
        <SetupPage csrfToken={c.var.csrfToken} values={input} errors={fieldErrors(e.details)} message={e.message} />,
        422,
      );
    }
    const session = await signIn(c.var.ctx, { email: input.email, password: input.password, ip: clientIp(c, options) });
    setSessionCookie(c, options, session.token);
    setFlash(c, 'Welcome to Steward. Start by adding your first client.');
    return c.redirect('/admin', 303);
  });

  app.get('/login', async (c) => {
    if (c.var.user) return c.redirect('/admin', 303);
    if ((await countUsers(c.var.ctx)) === 0) return c.redirect('/setup', 303);
    return c.html(<LoginPage csrfToken={c.var.csrfToken} flash={takeFlash(c)} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const email = str(form.email);
    try {
      const session = await signIn(c.var.ctx, { email, password: str(form.password), ip: clientIp(c, options) });
      setSessionCookie(c, options, session.token);
      return c.redirect(safeNext(str(form.next)) ?? '/admin', 303);
    } catch (err) {
      const e = toAppError(err);
      if (!e || !['unauthenticated', 'rate_limited', 'invalid'].includes(e.code)) throw err;
      if (e.code === 'rate_limited') {
        const retry = (e.details as { retryAfterS?: number } | undefined)?.retryAfterS;
        if (retry) c.header('Retry-After', String(retry));
      }
      return c.html(
        <LoginPage csrfToken={c.var.csrfToken} email={email} message={e.message} next={safeNext(str(form.next))} />,
        statusByCode[e.code],
      );
    }
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOut(c.var.ctx, token);
    clearSessionCookie(c);
    setFlash(c, 'You are signed out.');
    return c.redirect('/login', 303);
  });

  // Everything under /admin needs a signed-in user.
  app.use('/admin/*', async (c, next) => {
    if (!c.var.user) {
      if (c.req.method === 'GET') {
        const { pathname, search } = new URL(c.req.url);
        return c.redirect(`/login?next=${encodeURIComponent(pathname + search)}`, 303);
      }
      throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    }
    return next();
  });
  app.use('/admin', async (c, next) => (c.var.user ? next() : c.redirect('/login', 303)));

  registerDashboard(app);
  registerClientPages(app);
  registerMonitorPages(app);
  registerIncidentPages(app);
  registerMaintenancePages(app);
  registerOutboxPages(app);
  registerSlaBoard(app);
  registerSlaCalendarPages(app);
  registerSlaPolicyPages(app);
  registerStatusPagePages(app);
  registerSupportPages(app);
  registerReportPages(app);
  registerIngestKeyPages(app);
  registerHoursPages(app);
  registerUpdatesPages(app);
  registerWorkPages(app);
  registerPlanPages(app);
  registerUserPages(app);
  registerSettingsPages(app);

  app.onError((err, c) => {
    const e = toAppError(err);
    if (!e) {
      c.var.logger?.error({ err }, 'unhandled error in console');
      return c.html(
        <ErrorPage title="Something went wrong" message="The error was logged with this request's id." c={c} />,
        500,
      );
    }
    if (e.code === 'unauthenticated') return c.redirect('/login', 303);
    const title = e.code === 'not_found' ? 'Not found' : e.code === 'forbidden' ? 'Not allowed' : 'Cannot do that';
    return c.html(<ErrorPage title={title} message={e.message} c={c} />, statusByCode[e.code]);
  });

  return app;
}

export const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only a path inside the console may follow sign-in, never another site ("//evil.example"). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/admin(?:[/?#]|$)/.test(next) && !next.includes('\\') ? next : undefined;
}

function ErrorPage(p: { title: string; message: string; c: { var: AppEnv['Variables'] } }) {
  return (
    <Layout title={p.title} user={p.c.var.user} csrfToken={p.c.var.csrfToken}>
      <h1>{p.title}</h1>
      <p>{p.message}</p>
      <p>
        <a href="/admin">Back to the dashboard</a>
      </p>
    </Layout>
  );
}

function SetupPage(p: { csrfToken: string; values?: Record<string, string>; errors?: FieldErrors; message?: string }) {
  return (
    <Layout title="Welcome">
      <div class="auth-box card">
        <h1>Welcome to Steward</h1>
        <p class="muted">Create the owner account. The owner manages plans, prices, users and settings.</p>
        <ErrorSummary message={p.message} />
        <form method="post" action="/setup">
          <CsrfField token={p.csrfToken} />
          <Field name="name" label="Your name" value={p.values?.name} errors={p.errors} required autocomplete="name" />
          <Field
            name="email"
            label="E-mail"
            type="email"
            value={p.values?.email}
            errors={p.errors}
            required
            autocomplete="email"
          />
          <Field
            name="password"
            label="Password"
            type="password"
            errors={p.errors}
            required
            autocomplete="new-password"
            hint="At least 10 characters."
          />
          <button class="btn" type="submit">
            Create owner and sign in
          </button>
        </form>
      </div>
    </Layout>
  );
}

function LoginPage(p: { csrfToken: string; email?: string; message?: string; flash?: string; next?: string }) {
  return (
    <Layout title="Sign in" flash={p.flash}>
      <div class="auth-box card">
        <h1>Sign in</h1>
        <ErrorSummary message={p.message} />
        <form method="post" action="/login">
          <CsrfField token={p.csrfToken} />
          {p.next && <input type="hidden" name="next" value={p.next} />}
          <Field name="email" label="E-mail" type="email" value={p.email} required autocomplete="username" />
          <Field name="password" label="Password" type="password" required autocomplete="current-password" />
          <button class="btn" type="submit">
            Sign in
          </button>
        </form>
      </div>
    </Layout>
  );
}
