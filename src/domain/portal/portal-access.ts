import type { Ctx } from '../context.ts';

export type PortalAccess = { invitedAt: string | null; lastSignInAt: string | null };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Per live contact of a client: when they were invited to the portal and last signed in (for staff). */
export async function readPortalAccess(ctx: Ctx, clientId: string): Promise<Record<string, PortalAccess>> {
  const rows = await ctx.db
    .selectFrom('client_contacts')
    .select(['id', 'portal_invited_at', 'portal_last_sign_in_at'])
    .where('client_id', '=', clientId)
    .where('archived_at', 'is', null)
    .execute();
  return Object.fromEntries(
    rows.map((r) => [r.id, { invitedAt: iso(r.portal_invited_at), lastSignInAt: iso(r.portal_last_sign_in_at) }]),
  );
}
