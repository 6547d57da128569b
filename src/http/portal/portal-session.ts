import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PORTAL_SESSION_TTL_MS, resolvePortalSession } from '../../domain/portal/portal-sessions.ts';
import { AppError } from '../../errors.ts';
import { newSecret } from '../../ids.ts';
import { type ConsoleOptions, isHttps } from '../pages/session.ts';
import type { PortalAgency, PortalEnv } from './portal-env.ts';

// Own names and Path=/portal: a portal cookie is never sent to the console or the API, and the
// staff cookie means nothing here.
export const PORTAL_COOKIE = 'steward_portal';
const PRE_AUTH_CSRF_COOKIE = 'steward_portal_csrf';
const FLASH_COOKIE = 'steward_portal_flash';
const PATH = '/portal';

const cookieOptions = (c: Context, options: ConsoleOptions) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: isHttps(c, options),
  path: PATH,
});

export function setPortalCookie(c: Context, options: ConsoleOptions, token: string) {
  setCookie(c, PORTAL_COOKIE, token, {
    ...cookieOptions(c, options),
    maxAge: Math.floor(PORTAL_SESSION_TTL_MS / 1000),
  });
}

export function clearPortalCookie(c: Context) {
  deleteCookie(c, PORTAL_COOKIE, { path: PATH });
}

export async function readAgency(c: Context<PortalEnv>): Promise<PortalAgency> {
  const row = await c.var.ctx.db.selectFrom('agency_settings').select(['name', 'logo_url']).executeTakeFirst();
  return { name: row?.name ?? 'Steward', logoUrl: row?.logo_url ?? null };
}

/** Loads the signed-in contact, if any, into c.var.portal; otherwise a pre-sign-in CSRF token. */
export function loadPortalSession(options: ConsoleOptions): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const token = getCookie(c, PORTAL_COOKIE);
    const session = token ? await resolvePortalSession(c.var.ctx, token) : undefined;
    if (session) {
      c.set('portal', { ...session.portal, agency: await readAgency(c) });
      c.set('csrfToken', session.csrfToken);
    } else {
      if (token) clearPortalCookie(c); // expired, or the contact was archived
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

/** Every form post carries the session's token (or the pre-sign-in cookie's). */
export const verifyPortalCsrf: MiddlewareHandler<PortalEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const form = await c.req.parseBody();
  const sent = typeof form._csrf === 'string' ? form._csrf : '';
  if (!sent || sent !== c.var.csrfToken) throw new AppError('forbidden', 'CSRF token missing or wrong');
  return next();
};

/** Behind sign-in: no contact, no page (a GET goes to the sign-in form). */
export const requirePortalContact: MiddlewareHandler<PortalEnv> = async (c, next) => {
  if (c.var.portal) return next();
  return c.redirect('/portal/login', 303);
};

export type PortalFlash = 'signedOut';

export function setPortalFlash(c: Context, key: PortalFlash) {
  setCookie(c, FLASH_COOKIE, key, { path: PATH, httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

export function takePortalFlash(c: Context): PortalFlash | undefined {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: PATH });
  return value === 'signedOut' ? value : undefined;
}
