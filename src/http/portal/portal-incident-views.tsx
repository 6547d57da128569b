import type { PortalClock, PortalIncident, PortalTimelineEntry } from '../../domain/portal/portal-incidents.ts';
import { TimesIn, type ViewKit } from './portal-view-kit.tsx';

export const incidentTitle = (k: ViewKit, i: PortalIncident) =>
  i.title ?? k.t('incident.defaultTitle', { site: i.siteName });

function durationOf(k: ViewKit, i: PortalIncident, nowMs: number) {
  return k.minutes(((i.resolvedAt ?? nowMs) - i.startedAt) / 60_000);
}

function SlaBadge(p: { k: ViewKit; i: PortalIncident }) {
  const clocks = p.i.sla?.clocks ?? [];
  if (clocks.length === 0) return null;
  if (clocks.some((c) => c.state === 'breached')) return <span class="badge err">{p.k.t('state.breached')}</span>;
  if (clocks.every((c) => c.state === 'met')) return <span class="badge ok">{p.k.t('state.met')}</span>;
  return <span class="badge muted">{p.k.t('state.running')}</span>;
}

export function IncidentTable(p: { k: ViewKit; incidents: PortalIncident[] }) {
  const { k } = p;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{k.t('incidents.title')}</th>
            <th scope="col">{k.t('incident.started')}</th>
            <th scope="col">{k.t('incident.resolved')}</th>
            <th scope="col">{k.t('incident.slaHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {p.incidents.map((i) => (
            <tr>
              <th scope="row">
                <a href={`/portal/incidents/${i.id}`}>{incidentTitle(k, i)}</a>
              </th>
              <td>{k.time(i.startedAt)}</td>
              <td>{i.resolvedAt === null ? k.t('incident.ongoing') : k.time(i.resolvedAt)}</td>
              <td>
                <SlaBadge k={k} i={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncidentsView(p: { k: ViewKit; incidents: PortalIncident[] }) {
  return (
    <>
      <h1>{p.k.t('incidents.title')}</h1>
      <TimesIn k={p.k} />
      {p.incidents.length === 0 ? (
        <p class="muted">{p.k.t('incidents.none')}</p>
      ) : (
        <IncidentTable k={p.k} incidents={p.incidents} />
      )}
    </>
  );
}

const STATE_CLASS = { met: 'ok', breached: 'err', running: 'muted', paused: 'warn' } as const;

/** One clock as a short list: four facts side by side would not fit a phone. */
function ClockItem(p: { k: ViewKit; c: PortalClock }) {
  const { k, c } = p;
  const target = k.t(c.clock === 'business' ? 'clock.business' : 'clock.24x7', {
    duration: k.minutes(c.targetMinutes),
  });
  const row = 'display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.15rem 1rem;margin:0';
  return (
    <li class="card" style="margin:0">
      <h3 style="margin-top:0">
        {k.t(`metric.${c.metric}`)} <span class={`badge ${STATE_CLASS[c.state]}`}>{k.t(`state.${c.state}`)}</span>
      </h3>
      <dl style={row}>
        <dt>{k.t('clock.target')}</dt>
        <dd style="margin:0">{target}</dd>
        <dt>{k.t('clock.due')}</dt>
        <dd style="margin:0">{c.dueAt === null ? '—' : k.time(c.dueAt)}</dd>
        <dt>{k.t('clock.taken')}</dt>
        <dd style="margin:0">{k.minutes(c.elapsedMinutes)}</dd>
      </dl>
    </li>
  );
}

function TimelineItem(p: { k: ViewKit; e: PortalTimelineEntry }) {
  const { k, e } = p;
  return (
    <li>
      <time datetime={new Date(e.at).toISOString()}>{k.time(e.at)}</time> —{' '}
      {e.kind === 'update' ? (
        <>
          <strong>{k.t(`stage.${e.status}`)}</strong>: <span style="white-space:pre-wrap">{e.message}</span>
        </>
      ) : (
        <strong>{k.t(`event.${e.kind}`)}</strong>
      )}
    </li>
  );
}

export function IncidentView(p: {
  k: ViewKit;
  incident: PortalIncident;
  timeline: PortalTimelineEntry[];
  nowMs: number;
}) {
  const { k, incident: i } = p;
  return (
    <>
      <p>
        <a href="/portal/incidents">← {k.t('incident.back')}</a>
      </p>
      <h1>{incidentTitle(k, i)}</h1>
      <TimesIn k={k} />
      {i.waitingForClient && <p class="notice">{k.t('incident.waiting')}</p>}
      <section class="card">
        <dl class="facts">
          <dt>{k.t('incident.site')}</dt>
          <dd>
            <a href={`/portal/sites/${i.siteId}`}>{i.siteName}</a>
          </dd>
          <dt>{k.t('incident.started')}</dt>
          <dd>{k.time(i.startedAt)}</dd>
          <dt>{k.t('incident.detected')}</dt>
          <dd>{k.time(i.detectedAt)}</dd>
          {i.acknowledgedAt !== null && (
            <>
              <dt>{k.t('incident.acknowledged')}</dt>
              <dd>{k.time(i.acknowledgedAt)}</dd>
            </>
          )}
          <dt>{k.t('incident.resolved')}</dt>
          <dd>{i.resolvedAt === null ? k.t('incident.ongoing') : k.time(i.resolvedAt)}</dd>
          <dt>{k.t('incident.duration')}</dt>
          <dd>{durationOf(k, i, p.nowMs)}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="h-sla">
        <h2 id="h-sla">{k.t('incident.slaHeading')}</h2>
        {i.sla && i.sla.clocks.length > 0 ? (
          <>
            <p class="muted">{k.t('sla.policy', { name: i.sla.policyName })}</p>
            <ul class="grid" style="list-style:none;padding:0;margin:0">
              {i.sla.clocks.map((c) => (
                <ClockItem k={k} c={c} />
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">{k.t('incident.noSla')}</p>
        )}
      </section>
      <section class="card" aria-labelledby="h-tl">
        <h2 id="h-tl">{k.t('incident.timeline')}</h2>
        <ol>
          {p.timeline.map((e) => (
            <TimelineItem k={k} e={e} />
          ))}
        </ol>
      </section>
    </>
  );
}
