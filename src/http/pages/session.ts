import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { resolveSession, SESSION_TTL_MS } from '../../domain/users/sessions.ts';
import { AppError } from '../../errors.ts';
import { newSecret } from '../../ids.ts';
import type { AppEnv } from '../env.ts';

export const SESSION_COOKIE = 'steward_session';
const PRE_AUTH_CSRF_COOKIE = 'steward_csrf';
const FLASH_COOKIE = 'steward_flash';

export type ConsoleOptions = { trustProxy?: boolean };

/** Secure cookies whenever the browser reached us over HTTPS, directly or through a trusted proxy. */
export function isHttps(c: Context, options: ConsoleOptions): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return options.trustProxy === true && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function clientIp(c: Context, options: ConsoleOptions): string {
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

const cookieOptions = (c: Context, options: ConsoleOptions) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: isHttps(c, options),
  path: '/',
});

export function setSessionCookie(c: Context, options: ConsoleOptions, token: string) {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c, options), maxAge: Math.floor(SESSION_TTL_MS / 1000) });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Loads the signed-in user, if any, into c.var (user, actor, csrfToken). */
export function loadSession(options: ConsoleOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(c.var.ctx, token) : undefined;
    if (session) {
      c.set('user', session.user);
      c.set('actor', session.actor);
      c.set('csrfToken', session.csrfToken);
    } else {
      // Before sign-in, forms carry a double-submit token bound to a cookie.
      let pre = getCookie(c, PRE_AUTH_CSRF_COOKIE);
      if (!pre) {
        pre = newSecret('csrf');
        setCookie(c, PRE_AUTH_CSRF_COOKIE, pre, cookieOptions(c, options));
      }
      c.set('csrfToken', pre);
    }
    await next();
  };
}

/** Every form post must carry the CSRF token of this session (or of the pre-sign-in cookie). */
export const verifyCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const form = await c.req.parseBody();
  const sent = typeof form._csrf === 'string' ? form._csrf : '';
  if (!sent || sent !== c.var.csrfToken) {
    throw new AppError('forbidden', 'The form expired or came from another site. Reload the page and try again.');
  }
  return next();
};

export function setFlash(c: Context, message: string) {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

/** A one-time message shown on the next page ("Client created"). */
export function takeFlash(c: Context): string | undefined {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  try {
    return decodeURIComponent(value).slice(0, 300);
  } catch {
    return undefined;
  }
}
