import { z } from 'zod';
import { conflict } from '../../errors.ts';
import type { IncidentSeverity } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { SEVERITIES } from '../sla/policy.ts';
import { appendIncidentEvent } from './incident-events.ts';
import { inTransaction } from './incident-lifecycle.ts';
import { findIncident } from './incident-rows.ts';

export const severitySchema = z.object({ severity: z.enum(SEVERITIES) }).strict();

/** critical = 0 … minor = 2: a higher rank is a less severe incident, with looser SLA targets. */
const rankOf = (s: IncidentSeverity) => SEVERITIES.indexOf(s);

/**
 * The severity picks the SLA targets (when the policy sets them per severity), so the clocks are
 * recomputed with the new one. Anyone may raise it; lowering it loosens a promise made to the
 * client, and so does changing a resolved incident's record: those need an admin or owner.
 */
export async function setIncidentSeverity(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<void> {
  const { severity } = parseInput(severitySchema, input);
  const current = await findIncident(ctx, id);
  if (current.severity === severity) throw conflict(`The incident is already ${severity}`);
  if (current.status !== 'open') requireRole(actor, 'admin', "change a resolved incident's severity");
  if (rankOf(severity) > rankOf(current.severity)) requireRole(actor, 'admin', "lower an incident's severity");
  const nowMs = ctx.clock.now();
  const won = await inTransaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ severity, updated_at: nowMs })
      .where('id', '=', id)
      .where('severity', '=', current.severity)
      .where('status', '=', current.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, {
      incidentId: id,
      kind: 'severity_changed',
      actor,
      atMs: nowMs,
      data: { from: current.severity, to: severity },
    });
    return true;
  });
  if (!won) throw conflict('The incident changed meanwhile; reload it and try again');
}
