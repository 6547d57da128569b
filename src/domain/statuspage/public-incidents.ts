import { publicIncidentId } from './public-ids.ts';
import type { IncidentRow, UpdateRow, VisibleComponent } from './public-sources.ts';
import type { PublicIncident } from './public-types.ts';

const MAX_PAST = 100;

/**
 * The incidents of the page's components, as the public sees them. The monitor decides whether an
 * incident is over (resolved by the first good check); while it is open, the latest update posted
 * by staff gives its stage, "investigating" before any.
 */
export function buildPublicIncidents(
  components: VisibleComponent[],
  incidents: IncidentRow[],
  texts: { updates: UpdateRow[]; titles: Map<string, string> },
  fromMs: number,
): { active: PublicIncident[]; past: PublicIncident[] } {
  const componentsOf = new Map<string, VisibleComponent[]>();
  for (const c of components) {
    for (const m of c.monitors) componentsOf.set(m.id, [...(componentsOf.get(m.id) ?? []), c]);
  }
  const updatesOf = new Map<string, UpdateRow[]>();
  for (const u of texts.updates) updatesOf.set(u.incidentId, [...(updatesOf.get(u.incidentId) ?? []), u]);
  const all: PublicIncident[] = [];
  for (const i of incidents) {
    const shownIn = componentsOf.get(i.monitorId);
    if (!shownIn) continue;
    const updates = (updatesOf.get(i.id) ?? []).map((u) => ({
      status: u.status,
      message: u.message,
      postedAt: u.postedAt,
    }));
    all.push({
      publicId: publicIncidentId(i.id),
      title: texts.titles.get(i.id) ?? null,
      status: i.resolvedAt !== null ? 'resolved' : (updates[0]?.status ?? 'investigating'),
      startedAt: i.startedAt,
      resolvedAt: i.resolvedAt,
      componentIds: shownIn.map((c) => c.id),
      componentNames: shownIn.map((c) => c.name),
      updates,
      lastChangeAt: Math.max(i.startedAt, i.resolvedAt ?? 0, ...updates.map((u) => u.postedAt)),
    });
  }
  const newestFirst = (a: PublicIncident, b: PublicIncident) => b.startedAt - a.startedAt;
  return {
    active: all.filter((i) => i.resolvedAt === null).sort(newestFirst),
    past: all
      .filter((i) => i.resolvedAt !== null && i.resolvedAt > fromMs)
      .sort(newestFirst)
      .slice(0, MAX_PAST),
  };
}
