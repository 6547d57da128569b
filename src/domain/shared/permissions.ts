import { forbidden } from '../../errors.ts';
import type { Actor, Role } from '../context.ts';

const rank: Record<Role, number> = { technician: 1, admin: 2, owner: 3 };

/** Technicians run the day-to-day work; plans, prices, contracts, users and settings need admin or owner. */
export function requireRole(actor: Actor, minimum: Role, what: string): void {
  if (actor.kind === 'system') return;
  if (rank[actor.role] < rank[minimum]) {
    throw forbidden(`Only ${minimum === 'owner' ? 'owners' : 'owners and admins'} can ${what}`);
  }
}

export function hasRole(actor: Actor, minimum: Role): boolean {
  return actor.kind === 'system' || rank[actor.role] >= rank[minimum];
}
