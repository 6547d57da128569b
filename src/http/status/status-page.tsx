import type { PublicComponent, PublicIncident, PublicStatus } from '../../domain/statuspage/public-types.ts';
import {
  ActiveIncident,
  IncidentTimes,
  incidentTitle,
  MaintenanceList,
  PastIncident,
  UpdateList,
} from './incident-views.tsx';
import { pageText } from './page-text.ts';
import { hasResponseTimes, ResponseChart } from './response-chart.tsx';
import { type Links, StatusLayout } from './status-layout.tsx';
import { SubscribeForm } from './subscribe-views.tsx';
import { BarLegend, UptimeBars } from './uptime-bars.tsx';

/** Components in display order, gathered under their group names (ungrouped ones stay where they are). */
function grouped(components: PublicComponent[]): Array<{ name: string | null; components: PublicComponent[] }> {
  const out: Array<{ name: string | null; components: PublicComponent[] }> = [];
  for (const c of components) {
    const existing = c.group === null ? undefined : out.find((g) => g.name === c.group);
    if (existing) existing.components.push(c);
    else if (c.group === null && out[out.length - 1]?.name === null) out[out.length - 1]?.components.push(c);
    else out.push({ name: c.group, components: [c] });
  }
  return out;
}

const incidentHref = (links: Links, i: PublicIncident) => `${links.home}/incidents/${i.publicId}`;

function ComponentList(p: { components: PublicComponent[]; text: ReturnType<typeof pageText>; inGroup: boolean }) {
  return (
    <ul class="components">
      {p.components.map((c) => (
        <li class="component">
          <div class="component-head">
            {p.inGroup ? <h4 class="component-name">{c.name}</h4> : <h3 class="component-name">{c.name}</h3>}
            <span class={`state ${c.status}`}>{p.text.t(`status.${c.status}`)}</span>
          </div>
          <UptimeBars component={c} text={p.text} />
        </li>
      ))}
    </ul>
  );
}

export function StatusPageView(p: { status: PublicStatus; links: Links }) {
  const { status, links } = p;
  const text = pageText(status.page.language, status.page.timeZone);
  const groups = grouped(status.components);
  const charts = status.components.filter(hasResponseTimes);
  return (
    <StatusLayout page={status.page} text={text} links={links} title={status.page.title}>
      <section aria-labelledby="overall">
        <div class={`banner ${status.overall}`}>
          <span class="icon" aria-hidden="true" />
          <p id="overall">{text.t(`overall.${status.overall}`)}</p>
        </div>
        <p class="meta">{text.t('lastUpdated', { time: text.dateTime(status.generatedAt) })}</p>
      </section>

      {status.activeIncidents.length > 0 && (
        <section aria-labelledby="active-h">
          <h2 id="active-h">{text.t('activeHeading')}</h2>
          <ul class="incidents">
            {status.activeIncidents.map((i) => (
              <ActiveIncident incident={i} text={text} href={incidentHref(links, i)} nowMs={status.generatedAt} />
            ))}
          </ul>
        </section>
      )}

      {status.maintenance.length > 0 && (
        <section aria-labelledby="maintenance-h">
          <h2 id="maintenance-h">{text.t('maintenanceHeading')}</h2>
          <MaintenanceList items={status.maintenance} text={text} />
        </section>
      )}

      <section aria-labelledby="components-h">
        <h2 id="components-h">{text.t('componentsHeading')}</h2>
        <div class="card">
          {status.components.length === 0 && <p class="muted">{text.t('noComponents')}</p>}
          {groups.map((g) =>
            g.name === null ? (
              <ComponentList components={g.components} text={text} inGroup={false} />
            ) : (
              <section class="group" aria-label={g.name}>
                <h3>{g.name}</h3>
                <ComponentList components={g.components} text={text} inGroup={true} />
              </section>
            ),
          )}
          {status.components.length > 0 && <BarLegend text={text} />}
        </div>
      </section>

      {charts.length > 0 && (
        <section aria-labelledby="response-h">
          <h2 id="response-h">{text.t('responseHeading')}</h2>
          <div class="card">
            <p class="small muted">{text.t('responseCaption', { count: status.dayCount })}</p>
            {charts.map((c, index) => (
              <ResponseChart component={c} text={text} index={index} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="history-h">
        <h2 id="history-h">{text.t('historyHeading')}</h2>
        <div class="card">
          {status.pastIncidents.length === 0 ? (
            <p class="muted">{text.t('historyNone', { count: status.dayCount })}</p>
          ) : (
            <ul class="incidents history">
              {status.pastIncidents.map((i) => (
                <PastIncident incident={i} text={text} href={incidentHref(links, i)} />
              ))}
            </ul>
          )}
        </div>
      </section>

      <SubscribeForm text={text} links={links} />
    </StatusLayout>
  );
}

/** One incident on a page of its own: the history entry the feeds link to. */
export function IncidentPageView(p: { status: PublicStatus; incident: PublicIncident; links: Links }) {
  const { status, incident, links } = p;
  const text = pageText(status.page.language, status.page.timeZone);
  const title = incidentTitle(incident, text);
  return (
    <StatusLayout page={status.page} text={text} links={links} title={`${title} · ${status.page.title}`}>
      <p>
        <a href={links.home || '/'}>← {text.t('backToStatus')}</a>
      </p>
      <article class={`card incident ${incident.status === 'resolved' ? 'resolved' : ''}`}>
        <h2 style="margin-top:0">{title}</h2>
        <span class={`stage ${incident.status}`}>{text.t(`stage.${incident.status}`)}</span>
        <p class="small">{text.t('incidentAffects', { components: text.list(incident.componentNames) })}</p>
        <IncidentTimes incident={incident} text={text} nowMs={status.generatedAt} />
        <h3>{text.t('updatesHeading')}</h3>
        <UpdateList incident={incident} text={text} />
      </article>
    </StatusLayout>
  );
}
