import type { PublicIncident, PublicStatus } from '../../domain/statuspage/public-types.ts';
import { incidentTitle } from './incident-views.tsx';
import { pageText } from './page-text.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number) => Math.round(ms / 60_000);

/** The public status as JSON, for widgets and scripts: the same facts as the page, in English keys. */
export function renderStatusJson(status: PublicStatus, base: string): string {
  const text = pageText(status.page.language, status.page.timeZone);
  const incident = (i: PublicIncident) => ({
    id: i.publicId,
    title: incidentTitle(i, text),
    status: i.status,
    startedAt: iso(i.startedAt),
    resolvedAt: iso(i.resolvedAt),
    componentIds: i.componentIds,
    url: `${base}/incidents/${i.publicId}`,
    updates: i.updates.map((u) => ({ status: u.status, message: u.message, postedAt: iso(u.postedAt) })),
  });
  return JSON.stringify({
    page: { title: status.page.title, language: status.page.language, timeZone: status.page.timeZone, url: `${base}/` },
    generatedAt: iso(status.generatedAt),
    status: { indicator: status.overall, description: text.t(`overall.${status.overall}`) },
    components: status.components.map((c) => ({
      id: c.id,
      name: c.name,
      group: c.group,
      status: c.status,
      uptimeRatio: c.uptimeRatio,
      days: c.days.map((d) => ({
        date: d.date,
        uptimeRatio: d.uptimeRatio,
        downtimeMinutes: minutes(d.downtimeMs),
        maintenanceMinutes: minutes(d.maintenanceMs),
        incidents: d.incidents,
        avgResponseMs: d.avgResponseMs,
      })),
    })),
    incidents: { active: status.activeIncidents.map(incident), past: status.pastIncidents.map(incident) },
    maintenance: status.maintenance.map((m) => ({
      title: m.title,
      startsAt: iso(m.startsAt),
      endsAt: iso(m.endsAt),
      active: m.active,
      components: m.componentNames,
    })),
  });
}
