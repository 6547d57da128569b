import { nextDueAt, phaseMs } from '../src/domain/monitoring/schedule.ts';
import type { Db } from '../src/storage/schema.ts';

export type Coverage = {
  dueSlots: number;
  recorded: number;
  missing: number;
  duplicates: number;
  confirmations: number;
  /** A few missing slots, to look at when there are any. */
  examples: { monitorId: string; name: string; dueMs: number }[];
};

/**
 * Due slots versus stored rows: every slot of every monitor due in [fromMs, toMs) must have one
 * scheduled (non-confirmation) result that started in that slot's interval. Computed from the
 * database alone (monitors too, so the bench keeps no list of its own in memory while Steward
 * runs), so nothing the engine counts in memory can hide a lost result.
 */
export async function countCoverage(db: Db, intervalMs: number, fromMs: number, toMs: number): Promise<Coverage> {
  const monitors = (await db.selectFrom('monitors').select(['id', 'name']).execute()).map((m) => ({
    ...m,
    phaseMs: phaseMs(m.id, intervalMs),
  }));
  const rows = await db
    .selectFrom('check_results')
    .select(['monitor_id', 'started_at', 'is_confirmation'])
    .where('started_at', '>=', fromMs)
    .execute();
  const phaseById = new Map(monitors.map((m) => [m.id, m.phaseMs]));
  const slotsByMonitor = new Map<string, Map<number, number>>();
  let confirmations = 0;
  for (const r of rows) {
    if (r.is_confirmation === 1) {
      confirmations += 1;
      continue;
    }
    let slots = slotsByMonitor.get(r.monitor_id);
    if (!slots) {
      slots = new Map();
      slotsByMonitor.set(r.monitor_id, slots);
    }
    // The slot a row belongs to: the latest due time at or before its start.
    const slot = nextDueAt(r.started_at - intervalMs, intervalMs, phaseById.get(r.monitor_id) ?? 0);
    slots.set(slot, (slots.get(slot) ?? 0) + 1);
  }
  let dueSlots = 0;
  let recorded = 0;
  let duplicates = 0;
  const examples: Coverage['examples'] = [];
  for (const m of monitors) {
    const slots = slotsByMonitor.get(m.id);
    for (let due = nextDueAt(fromMs - 1, intervalMs, m.phaseMs); due < toMs; due += intervalMs) {
      dueSlots += 1;
      const count = slots?.get(due) ?? 0;
      if (count > 0) recorded += 1;
      else if (examples.length < 5) examples.push({ monitorId: m.id, name: m.name, dueMs: due });
      if (count > 1) duplicates += count - 1;
    }
  }
  return { dueSlots, recorded, missing: dueSlots - recorded, duplicates, confirmations, examples };
}
