import type { Child } from 'hono/jsx';
import type { Plan, PlanTerms, PlanVersion } from '../../domain/plans/schemas.ts';
import { FEATURE_FLAGS } from '../../domain/plans/schemas.ts';
import type { PlanSla } from '../../domain/sla/plan-sla.ts';
import { formatDateTime, formatMinutes, formatMoney, formatPercentBp, formatSeconds } from './format.ts';

export const FEATURE_LABELS: Record<string, string> = {
  monthlyReport: 'Monthly report',
  statusPage: 'Status page',
  clientPortal: 'Client portal',
  sslMonitoring: 'SSL monitoring',
  performanceMonitoring: 'Performance monitoring',
  quarterlyReview: 'Quarterly review',
  hidePoweredBy: 'White label',
};

export const CHANNEL_LABELS: Record<string, string> = { email: 'E-mail', webhook: 'Webhook', slack: 'Slack' };

export const PRICING_LABELS: Record<string, string> = {
  flat: 'Flat monthly fee',
  hourly_minimum: 'Hourly, with a monthly minimum',
  prepaid_credits: 'Prepaid hour blocks',
};

const featureList = (t: PlanTerms) => FEATURE_FLAGS.filter((f) => t.features[f]).map((f) => FEATURE_LABELS[f]);

const CLOCK_LABELS: Record<string, string> = { business: 'business hours', '24x7': '24/7' };

/** "First response 4 h (business hours) · Resolution 16 h (business hours) · Uptime 99.9 %"; "–" without an SLA. */
export function slaSummaryText(sla: Omit<PlanSla, 'policyId' | 'name'> | null): string {
  if (!sla) return '–';
  const parts: string[] = [];
  if (sla.firstResponseMinutes !== null) {
    parts.push(`First response ${formatMinutes(sla.firstResponseMinutes)} (${CLOCK_LABELS[sla.firstResponseClock]})`);
  }
  if (sla.resolutionMinutes !== null) {
    parts.push(`Resolution ${formatMinutes(sla.resolutionMinutes)} (${CLOCK_LABELS[sla.resolutionClock]})`);
  }
  if (sla.uptimeCommitmentBp !== null) parts.push(`Uptime ${formatPercentBp(sla.uptimeCommitmentBp)}`);
  return parts.join(' · ') || 'No targets';
}

function Sla({ sla }: { sla: PlanSla | null }) {
  if (!sla) return <span class="muted">–</span>;
  return (
    <>
      <a href={`/admin/sla/policies/${sla.policyId}`}>{sla.name}</a>
      <div class="muted small">{slaSummaryText(sla)}</div>
    </>
  );
}

export function CatalogueTable({ plans }: { plans: Plan[] }) {
  return (
    <table class="stack catalogue">
      <caption class="sr-only">Plan catalogue</caption>
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Version</th>
          <th scope="col">Check every</th>
          <th scope="col">Alerts</th>
          <th scope="col">Features</th>
          <th scope="col">Support / month</th>
          <th scope="col">SLA</th>
          <th scope="col" class="num">
            Monthly
          </th>
          <th scope="col" class="num">
            Annual
          </th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr>
            <td data-label="Plan">
              <a href={`/admin/plans/${p.id}`}>
                <strong>{p.name}</strong>
              </a>
              <div class="muted small nowrap">{p.code}</div>
            </td>
            <td data-label="Version">v{p.version}</td>
            <td data-label="Check every">{formatSeconds(p.checkIntervalS)}</td>
            <td data-label="Alerts">{p.alertChannels.map((ch) => CHANNEL_LABELS[ch]).join(', ')}</td>
            <td data-label="Features">
              <ul class="tags">
                {featureList(p).map((f) => (
                  <li>{f}</li>
                ))}
              </ul>
            </td>
            <td data-label="Support / month">{formatMinutes(p.supportMinutesPerMonth)}</td>
            <td data-label="SLA">
              <Sla sla={p.sla} />
            </td>
            <td data-label="Monthly" class="num">
              {formatMoney(p.monthlyPriceMinor, p.currency)}
            </td>
            <td data-label="Annual" class="num">
              {formatMoney(p.annualPriceMinor, p.currency)}
              <AnnualDiscount t={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "10 % off" when the annual price is below twelve monthly payments (display only, whole percent). */
function AnnualDiscount({ t }: { t: PlanTerms }) {
  const twelveMonths = t.monthlyPriceMinor * 12;
  if (twelveMonths === 0 || t.annualPriceMinor >= twelveMonths) return null;
  const percent = Math.round(((twelveMonths - t.annualPriceMinor) * 100) / twelveMonths);
  return <div class="muted small">{percent} % off 12 months</div>;
}

/** A plan's current terms as a definition list (what technicians see instead of the form). */
export function PlanTermsList({ t }: { t: Plan }) {
  const rows: Array<[string, Child]> = [
    ['Description', t.description || '–'],
    ['Check interval', formatSeconds(t.checkIntervalS)],
    ['Alert channels', t.alertChannels.map((ch) => CHANNEL_LABELS[ch]).join(', ')],
    ['Features', featureList(t).join(', ') || '–'],
    ['Support time / month', formatMinutes(t.supportMinutesPerMonth)],
    ['SLA', <Sla sla={t.sla} />],
    ['Pricing', PRICING_LABELS[t.pricingModel] ?? t.pricingModel],
    ['Monthly price', formatMoney(t.monthlyPriceMinor, t.currency)],
    ['Annual price', formatMoney(t.annualPriceMinor, t.currency)],
    ['Hourly rate', t.hourlyRateMinor === null ? '–' : formatMoney(t.hourlyRateMinor, t.currency)],
    ['Cancellation notice', `${t.cancellationNoticeDays} days`],
  ];
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VersionHistory(p: { versions: PlanVersion[]; currentVersionId: string; timeZone: string }) {
  return (
    <table class="stack">
      <caption class="sr-only">Version history</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Created</th>
          <th scope="col">Name</th>
          <th scope="col">Check every</th>
          <th scope="col" class="num">
            Monthly
          </th>
          <th scope="col" class="num">
            Annual
          </th>
        </tr>
      </thead>
      <tbody>
        {p.versions.map((v) => (
          <tr>
            <td data-label="Version">
              v{v.version} {v.id === p.currentVersionId && <span class="badge ok">current</span>}
            </td>
            <td data-label="Created">{formatDateTime(v.createdAt, p.timeZone)}</td>
            <td data-label="Name">{v.name}</td>
            <td data-label="Check every">{formatSeconds(v.checkIntervalS)}</td>
            <td data-label="Monthly" class="num">
              {formatMoney(v.monthlyPriceMinor, v.currency)}
            </td>
            <td data-label="Annual" class="num">
              {formatMoney(v.annualPriceMinor, v.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
