import type { PortalMaintenance } from '../../domain/portal/portal-maintenance.ts';
import type { PortalPlan, PortalPlanTerms } from '../../domain/portal/portal-plan.ts';
import type { PortalMonthSla } from '../../domain/portal/portal-sla.ts';
import { SlaSummary } from './portal-overview-views.tsx';
import { intervalText, TimesIn, type ViewKit } from './portal-view-kit.tsx';

const counts = (m: PortalMonthSla['firstResponse']) => ({ met: m.met, breached: m.breached, open: m.open });
/** Basis points of a percent in the language's digits: 9990 → "99.9" / "99,9". */
const bpPercent = (k: ViewKit, bp: number) =>
  new Intl.NumberFormat(k.locale, { maximumFractionDigits: 2 }).format(bp / 100);

function clockText(k: ViewKit, minutes: number, clock: 'business' | '24x7') {
  return k.t(clock === 'business' ? 'clock.business' : 'clock.24x7', { duration: k.minutes(minutes) });
}

function TermsList(p: { k: ViewKit; terms: PortalPlanTerms }) {
  const { k, terms } = p;
  const channels = terms.alertChannels.map((c) => k.t(`channel.${c as 'email'}`)).join(', ');
  return (
    <ul>
      <li>{k.t('plan.checks', { interval: intervalText(k, terms.checkIntervalS) })}</li>
      <li>{k.t('plan.alerts', { channels })}</li>
      {terms.features.map((f) => (
        <li>{k.t(`feature.${f}`)}</li>
      ))}
      {terms.sla?.firstResponseMinutes != null && (
        <li>
          {k.t('plan.firstResponse', {
            duration: clockText(k, terms.sla.firstResponseMinutes, terms.sla.firstResponseClock),
          })}
        </li>
      )}
      {terms.sla?.resolutionMinutes != null && (
        <li>
          {k.t('plan.resolution', { duration: clockText(k, terms.sla.resolutionMinutes, terms.sla.resolutionClock) })}
        </li>
      )}
      {terms.sla?.uptimeCommitmentBp != null && (
        <li>{k.t('plan.uptime', { percent: bpPercent(k, terms.sla.uptimeCommitmentBp) })}</li>
      )}
    </ul>
  );
}

export function PlanView(p: { k: ViewKit; plan: PortalPlan | null }) {
  const { k, plan } = p;
  if (!plan) {
    return (
      <>
        <h1>{k.t('plan.title')}</h1>
        <p>{k.t('plan.none')}</p>
      </>
    );
  }
  const next = plan.next;
  return (
    <>
      <p class="muted">{k.t('plan.title')}</p>
      <h1>
        {plan.current.name} {plan.contractStatus === 'trial' && <span class="badge muted">{k.t('plan.trial')}</span>}
      </h1>
      {plan.contractStatus === 'cancelling' && <p class="notice">{k.t('plan.cancelling')}</p>}
      <section class="card" aria-labelledby="h-inc">
        <h2 id="h-inc">{k.t('plan.includes')}</h2>
        {plan.current.description && <p>{plan.current.description}</p>}
        <TermsList k={k} terms={plan.current} />
      </section>
      <section class="card" aria-labelledby="h-next">
        {next ? (
          <>
            <h2 id="h-next">{k.t('plan.next', { plan: next.name })}</h2>
            <p class="muted">{k.t('plan.nextIntro')}</p>
            <ul>
              {next.fasterCheckIntervalS !== null && (
                <li>{k.t('plan.fasterChecks', { interval: intervalText(k, next.fasterCheckIntervalS) })}</li>
              )}
              {next.addedAlertChannels.length > 0 && (
                <li>
                  {k.t('plan.alerts', {
                    channels: next.addedAlertChannels.map((c) => k.t(`channel.${c as 'email'}`)).join(', '),
                  })}
                </li>
              )}
              {next.addedFeatures.map((f) => (
                <li>{k.t(`feature.${f}`)}</li>
              ))}
              {next.fasterFirstResponse && (
                <li>
                  {k.t('plan.firstResponse', {
                    duration: clockText(k, next.fasterFirstResponse.minutes, next.fasterFirstResponse.clock),
                  })}
                </li>
              )}
              {next.fasterResolution && (
                <li>
                  {k.t('plan.resolution', {
                    duration: clockText(k, next.fasterResolution.minutes, next.fasterResolution.clock),
                  })}
                </li>
              )}
              {next.uptimeCommitmentBp !== null && (
                <li>{k.t('plan.uptime', { percent: bpPercent(k, next.uptimeCommitmentBp) })}</li>
              )}
            </ul>
          </>
        ) : (
          <p id="h-next">{k.t('plan.top')}</p>
        )}
      </section>
    </>
  );
}

export function SlaView(p: { k: ViewKit; sla: PortalMonthSla; months: string[] }) {
  const { k, sla } = p;
  return (
    <>
      <h1>{k.t('sla.title')}</h1>
      <form method="get" action="/portal/sla" class="card">
        <div class="field">
          <label for="f-month">{k.t('sla.month')}</label>
          <select id="f-month" name="month">
            {p.months.map((m) => (
              <option value={m} selected={m === sla.month}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <button class="btn secondary" type="submit">
          {k.t('sla.show')}
        </button>
      </form>
      {!sla.complete && <p class="muted">{k.t('sla.inProgress')}</p>}
      <section class="card">
        <SlaSummary k={k} sla={sla} />
        {sla.policyName && (
          <p class="small muted">
            {k.t('metric.first_response')}: {k.t('sla.metricCounts', counts(sla.firstResponse))} ·{' '}
            {k.t('metric.resolution')}: {k.t('sla.metricCounts', counts(sla.resolution))}
          </p>
        )}
        {sla.creditBp !== null && sla.creditBp > 0 && (
          <p>{k.t('sla.credit', { percent: bpPercent(k, sla.creditBp) })}</p>
        )}
      </section>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{k.t('incident.site')}</th>
              <th scope="col">{k.t('sla.uptime')}</th>
              <th scope="col">{k.t('sla.downtime')}</th>
              <th scope="col">{k.t('sla.maintenance')}</th>
              <th scope="col">{k.t('sla.incidents')}</th>
            </tr>
          </thead>
          <tbody>
            {sla.sites.map((s) => (
              <tr>
                <th scope="row">{s.name}</th>
                <td>
                  {k.percent(s.uptimeRatio)}{' '}
                  {s.keepsCommitment !== null && (
                    <span class={`badge ${s.keepsCommitment ? 'ok' : 'err'}`}>
                      {k.t(s.keepsCommitment ? 'sla.kept' : 'sla.missed')}
                    </span>
                  )}
                </td>
                <td>{k.minutes(s.downtimeMinutes)}</td>
                <td>{k.minutes(s.maintenanceMinutes)}</td>
                <td>{s.incidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sla.incidents.length === 0 ? (
        <p class="muted">{k.t('sla.noIncidents')}</p>
      ) : (
        <ul>
          {sla.incidents.map((i) => (
            <li>
              <a href={`/portal/incidents/${i.id}`}>{k.time(i.startedAt)}</a>{' '}
              {i.breached ? (
                <span class="badge err">{k.t('state.breached')}</span>
              ) : i.met ? (
                <span class="badge ok">{k.t('state.met')}</span>
              ) : (
                <span class="badge muted">{k.t('state.running')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <TimesIn k={k} />
    </>
  );
}

function MaintenanceList(p: { k: ViewKit; items: PortalMaintenance[] }) {
  const { k } = p;
  if (p.items.length === 0) return <p class="muted">{k.t('maintenance.none')}</p>;
  return (
    <ul>
      {p.items.map((m) => (
        <li>
          <a href={`/portal/maintenance/${m.windowId}`}>{m.title}</a> — {m.siteName ?? k.t('maintenance.allSites')} —{' '}
          {k.t('maintenance.when', { start: k.time(m.startsAt), end: k.time(m.endsAt) })}{' '}
          {m.state === 'active' && <span class="badge warn">{k.t('maintenance.active')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function MaintenanceView(p: {
  k: ViewKit;
  title: string;
  back?: boolean;
  weekly?: boolean;
  upcoming: PortalMaintenance[];
  recent: PortalMaintenance[];
}) {
  const { k } = p;
  return (
    <>
      {p.back && (
        <p>
          <a href="/portal/maintenance">← {k.t('maintenance.back')}</a>
        </p>
      )}
      <h1>{p.title}</h1>
      {p.weekly && <p class="muted">{k.t('maintenance.weekly')}</p>}
      <TimesIn k={k} />
      <section class="card">
        <h2>{k.t('maintenance.upcoming')}</h2>
        <MaintenanceList k={k} items={p.upcoming} />
      </section>
      <section class="card">
        <h2>{k.t('maintenance.recent')}</h2>
        <MaintenanceList k={k} items={p.recent} />
      </section>
    </>
  );
}
