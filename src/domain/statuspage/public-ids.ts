import { createHash } from 'node:crypto';

/**
 * The id an incident has on public pages: derived from its internal id (so nothing is stored), but
 * not the id itself, which staff tools use. Unguessable, since the internal id is.
 */
export function publicIncidentId(incidentId: string): string {
  return `inc-${createHash('sha256').update(`steward-public-incident:${incidentId}`).digest('hex').slice(0, 24)}`;
}
