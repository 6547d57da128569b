import type { Context } from 'hono';
import { hasRole } from '../../domain/shared/permissions.ts';
import type { AppEnv } from '../env.ts';
import type { Section } from './layout.tsx';
import { takeFlash } from './session.ts';

/** What every console page passes to Layout: the user, their CSRF token, a pending flash message. */
export function shell(c: Context<AppEnv>, section: Section) {
  return { user: c.var.user, csrfToken: c.var.csrfToken, flash: takeFlash(c), section };
}

/** Owners and admins manage plans, contracts, users and settings; technicians only see them. */
export const canManage = (c: Context<AppEnv>) => hasRole(c.var.actor, 'admin');
