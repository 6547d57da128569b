import type { PortalIncident } from '../../domain/portal/portal-incidents.ts';
import type { DailyResponse, PortalSite } from '../../domain/portal/portal-sites.ts';
import type { PortalMonthSla } from '../../domain/portal/portal-sla.ts';
import { IncidentTable } from './portal-incident-views.tsx';
import { StatusBadge, TimesIn, type ViewKit } from './portal-view-kit.tsx';

/** One card per site: reads well on a phone, where a five-column table would scroll. */
export function SitesTable(p: { k: ViewKit; sites: PortalSite[] }) {
  const { k } = p;
  if (p.sites.length === 0) return <p class="muted">{k.t('overview.noSites')}</p>;
  return (
    <ul class="grid" style="list-style:none;padding:0;margin:0">
      {p.sites.map((s) => (
        <li class="card" style="margin:0">
          <h3 style="margin-top:0">
            <a href={`/portal/sites/${s.id}`}>{s.name}</a> <StatusBadge k={k} status={s.status} />
          </h3>
          <dl style="display:grid;grid-template-columns:auto auto;gap:.2rem 1rem;margin:0">
            <dt>{k.t('site.uptime24h')}</dt>
            <dd style="margin:0">{k.percent(s.uptime24h)}</dd>
            <dt>{k.t('site.uptime30d')}</dt>
            <dd style="margin:0">{k.percent(s.uptime30d)}</dd>
            <dt>{k.t('site.uptime90d')}</dt>
            <dd style="margin:0">{k.percent(s.uptime90d)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function SlaSummary(p: { k: ViewKit; sla: PortalMonthSla }) {
  const { k, sla } = p;
  const metric = (m: PortalMonthSla['firstResponse']) =>
    m.withinTargetRatio === null
      ? k.t('sla.noneDecided')
      : k.t('sla.withinTarget', { percent: k.percent(m.withinTargetRatio, 1) });
  return (
    <dl style="margin:0">
      {sla.policyName ? <dt>{k.t('sla.policy', { name: sla.policyName })}</dt> : <dt>{k.t('sla.noPolicy')}</dt>}
      {sla.policyName && (
        <>
          <dd style="margin:0">
            {k.t('metric.first_response')}: {metric(sla.firstResponse)}
          </dd>
          <dd style="margin:0">
            {k.t('metric.resolution')}: {metric(sla.resolution)}
          </dd>
        </>
      )}
      {sla.uptimeCommitmentPercent && <dd>{k.t('sla.commitment', { percent: sla.uptimeCommitmentPercent })}</dd>}
    </dl>
  );
}

export function OverviewView(p: { k: ViewKit; sites: PortalSite[]; open: PortalIncident[]; sla: PortalMonthSla }) {
  const { k } = p;
  return (
    <>
      <h1>{k.t('overview.title')}</h1>
      <TimesIn k={k} />
      <section class="card" aria-labelledby="h-sites">
        <h2 id="h-sites">{k.t('overview.sites')}</h2>
        <SitesTable k={k} sites={p.sites} />
      </section>
      <section class="card" aria-labelledby="h-open">
        <h2 id="h-open">{k.t('overview.openIncidents')}</h2>
        {p.open.length === 0 ? <p>{k.t('overview.noOpenIncidents')}</p> : <IncidentTable k={k} incidents={p.open} />}
      </section>
      <section class="card" aria-labelledby="h-sla">
        <h2 id="h-sla">
          <a href="/portal/sla">{k.t('overview.slaThisMonth')}</a>
        </h2>
        <SlaSummary k={k} sla={p.sla} />
        <p>
          <a href="/portal/maintenance">{k.t('maintenance.title')}</a>
        </p>
      </section>
    </>
  );
}

/** Daily averages as bars; a table follows for screen readers and exact values. */
export function ResponseChart(p: { k: ViewKit; days: DailyResponse[] }) {
  const { k } = p;
  const measured = p.days.filter((d) => d.averageMs !== null);
  if (measured.length === 0) return <p class="muted">{k.t('site.noResponse')}</p>;
  const max = Math.max(...measured.map((d) => d.averageMs ?? 0), 1);
  const width = 600;
  const height = 160;
  const barW = width / p.days.length;
  return (
    <figure style="margin:0">
      <svg
        viewBox={`0 0 ${width} ${height + 4}`}
        width="100%"
        role="img"
        aria-label={k.t('site.responseChart', { max: `${max} ms` })}
        preserveAspectRatio="none"
        style="max-height:180px"
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="#9aa4b1" stroke-width="1" />
        {p.days.map((d, i) => {
          if (d.averageMs === null) return null;
          const h = Math.max(2, Math.round((d.averageMs / max) * (height - 8)));
          return (
            <rect x={i * barW + 1} y={height - h} width={Math.max(1, barW - 2)} height={h} fill="#1d4ed8">
              <title>{`${d.date}: ${d.averageMs} ms`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption class="muted small">{k.t('site.responseChart', { max: `${max} ms` })}</figcaption>
      <details>
        <summary class="small">{k.t('site.response')}</summary>
        <table>
          <tbody>
            {measured.map((d) => (
              <tr>
                <th scope="row">{d.date}</th>
                <td>{d.averageMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function SiteView(p: { k: ViewKit; site: PortalSite; days: DailyResponse[]; incidents: PortalIncident[] }) {
  const { k, site } = p;
  return (
    <>
      <p>
        <a href="/portal">← {k.t('site.back')}</a>
      </p>
      <h1>
        {site.name} <StatusBadge k={k} status={site.status} />
      </h1>
      <TimesIn k={k} />
      <div class="grid">
        <div class="card">
          <h2 class="small">{k.t('site.uptime24h')}</h2>
          <p>{k.percent(site.uptime24h)}</p>
        </div>
        <div class="card">
          <h2 class="small">{k.t('site.uptime30d')}</h2>
          <p>{k.percent(site.uptime30d)}</p>
        </div>
        <div class="card">
          <h2 class="small">{k.t('site.uptime90d')}</h2>
          <p>{k.percent(site.uptime90d)}</p>
        </div>
      </div>
      <section class="card" aria-labelledby="h-resp">
        <h2 id="h-resp">{k.t('site.response')}</h2>
        <ResponseChart k={k} days={p.days} />
      </section>
      <section class="card" aria-labelledby="h-inc">
        <h2 id="h-inc">{k.t('site.recentIncidents')}</h2>
        {p.incidents.length === 0 ? (
          <p class="muted">{k.t('incidents.none')}</p>
        ) : (
          <IncidentTable k={k} incidents={p.incidents} />
        )}
      </section>
    </>
  );
}
