import type { ClientContactsTable, Executor } from '../../storage/schema.ts';
import { livePlanFeatures } from '../statuspage/plan-gate.ts';

export type EligibleContact = ClientContactsTable & { client_name: string };

/**
 * The contacts with this e-mail who may sign in: invited, live, of a live client whose live plan
 * includes the portal. The same address may be a contact of several clients.
 */
export async function eligibleContactsByEmail(db: Executor, email: string): Promise<EligibleContact[]> {
  const rows = await db
    .selectFrom('client_contacts')
    .innerJoin('clients', 'clients.id', 'client_contacts.client_id')
    .selectAll('client_contacts')
    .select('clients.name as client_name')
    .where('client_contacts.email', '=', email.trim().toLowerCase())
    .where('client_contacts.archived_at', 'is', null)
    .where('client_contacts.portal_invited_at', 'is not', null)
    .where('clients.archived_at', 'is', null)
    .orderBy('clients.name')
    .orderBy('clients.id')
    .execute();
  const allowed: EligibleContact[] = [];
  for (const row of rows) if (await clientHasPortal(db, row.client_id)) allowed.push(row);
  return allowed;
}

export async function clientHasPortal(db: Executor, clientId: string): Promise<boolean> {
  return (await livePlanFeatures(db, clientId))?.features.clientPortal === true;
}
