import { MONITOR_KINDS, type Monitor } from '../../domain/monitoring/monitor-schemas.ts';
import type { SiteChoice } from '../../domain/monitoring/site-choices-view.ts';
import { DNS_RECORD_TYPES } from '../../probes/schemas.ts';
import type { FormState } from './client-forms.tsx';
import type { FormInput } from './form.ts';
import { CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatSeconds } from './format.ts';
import { KIND_LABELS } from './monitors-bits.tsx';

type Kind = Monitor['kind'];

export const isKind = (v: string | undefined): v is Kind => MONITOR_KINDS.includes(v as Kind);

/** Form field → where the use case reports it ("config.port" → "port"), for the field messages. */
export const MONITOR_FIELD_RENAMES: Record<string, string> = Object.fromEntries([
  ...['url', 'keyword', 'expectedStatus', 'maxResponseMs', 'host', 'port', 'hostname', 'recordType', 'expected']
    .concat(['warnDays', 'periodS', 'graceS'])
    .map((f) => [`config.${f}`, f]),
  ['config.keyword.text', 'keyword'],
  ...Array.from({ length: 20 }, (_, i) => [`config.expectedStatus.${i}`, 'expectedStatus']),
  ...Array.from({ length: 10 }, (_, i) => [`config.warnDays.${i}`, 'warnDays']),
]);

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** An optional whole number: left empty → undefined (the default applies). */
const optionalInt = (form: FormInput, name: string) => (form.text(name) === '' ? undefined : form.int(name));

/** The probe settings of one kind, from the fields of the form; empty fields take the defaults. */
export function monitorConfigFromForm(kind: Kind, form: FormInput): Record<string, unknown> {
  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (kind) {
    case 'http':
      return defined({
        url: form.optional('url'),
        keyword: form.optional('keyword') && { text: form.text('keyword') },
        expectedStatus: form.text('expectedStatus') ? list(form.text('expectedStatus')) : undefined,
        maxResponseMs: optionalInt(form, 'maxResponseMs'),
      });
    case 'tcp':
      return defined({ host: form.optional('host'), port: form.int('port') });
    case 'tls':
      return defined({
        host: form.optional('host'),
        port: optionalInt(form, 'port'),
        warnDays: form.text('warnDays') ? list(form.text('warnDays')).map(Number) : undefined,
      });
    case 'dns':
      return defined({
        hostname: form.optional('hostname'),
        recordType: form.optional('recordType'),
        expected: form.optional('expected'),
      });
    case 'heartbeat':
      return defined({ periodS: form.int('periodS'), graceS: optionalInt(form, 'graceS') });
  }
}

export function KindTabs(p: { kind: Kind; siteId: string }) {
  return (
    <nav aria-label="Kind of check">
      <ul class="tabs">
        {MONITOR_KINDS.map((k) => (
          <li>
            <a
              href={`/admin/monitors/new?kind=${k}${p.siteId ? `&site=${encodeURIComponent(p.siteId)}` : ''}`}
              aria-current={k === p.kind ? 'page' : undefined}
            >
              {KIND_LABELS[k]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const KIND_HELP: Record<Kind, string> = {
  http: 'Requests a page and checks the status code (and optionally a keyword). Slower than the limit counts as degraded.',
  tcp: 'Opens a TCP connection to a port, e.g. 22 (SSH) or 3306 (MySQL).',
  dns: 'Resolves a name; optionally the answer must contain a value.',
  tls: 'Checks the certificate: validity, host name and days to expiry (warnings at 21, 7 and 1 days).',
  heartbeat:
    'Steward gives you a secret URL; a backup job or cron calls it when it runs. No call within the period plus grace means down.',
};

export function NewMonitorForm(p: {
  csrfToken: string;
  kind: Kind;
  sites: SiteChoice[];
  siteId: string;
  state?: FormState;
}) {
  const v = p.state?.values ?? {};
  const e = p.state?.errors;
  const site = p.sites.find((s) => s.id === (v.siteId ?? p.siteId)) ?? p.sites[0];
  const planHint = site
    ? `${site.planName ? `${site.planName} plan` : 'Without a plan'}: every ${formatSeconds(site.planIntervalS)}. Leave empty to follow the plan; shorter is refused.`
    : undefined;
  const f = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={v[name]} errors={e} {...extra} />
  );
  return (
    <form method="post" action="/admin/monitors" class="card" id="new-monitor">
      <CsrfField token={p.csrfToken} />
      <input type="hidden" name="kind" value={p.kind} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <p class="muted">{KIND_HELP[p.kind]}</p>
      <div class="form-grid">
        <Select
          name="siteId"
          label="Site"
          value={site?.id}
          errors={e}
          options={p.sites.map((s) => ({ value: s.id, label: `${s.clientName} — ${s.name} (${s.url})` }))}
        />
        {f('name', 'Name', { hint: `Default: ${p.kind.toUpperCase()} and the site's name.` })}
      </div>
      <div class="form-grid">
        {p.kind === 'http' && [
          f('url', 'URL', { type: 'url', placeholder: site?.url, hint: "Default: the site's address." }),
          f('keyword', 'Page must contain', { hint: 'e.g. "Add to cart"' }),
          f('expectedStatus', 'Expected status', { placeholder: '200-399', hint: 'Codes or ranges, comma-separated.' }),
          f('maxResponseMs', 'Slow above (ms)', { inputmode: 'numeric', hint: 'Slower answers count as degraded.' }),
        ]}
        {(p.kind === 'tcp' || p.kind === 'tls') && [
          f('host', 'Host', {
            placeholder: site ? new URL(site.url).hostname : undefined,
            hint: "Default: the site's host.",
          }),
          f('port', 'Port', {
            inputmode: 'numeric',
            required: p.kind === 'tcp',
            placeholder: p.kind === 'tls' ? '443' : undefined,
          }),
        ]}
        {p.kind === 'tls' && f('warnDays', 'Warn days before expiry', { placeholder: '21, 7, 1' })}
        {p.kind === 'dns' && [
          f('hostname', 'Name to resolve', { placeholder: site ? new URL(site.url).hostname : undefined }),
          <Select
            name="recordType"
            label="Record type"
            value={v.recordType ?? 'A'}
            errors={e}
            options={DNS_RECORD_TYPES.map((t) => ({ value: t, label: t }))}
          />,
          f('expected', 'Answer must contain'),
        ]}
        {p.kind === 'heartbeat' && [
          f('periodS', 'Expected every (seconds)', {
            inputmode: 'numeric',
            required: true,
            hint: '3600 = hourly, 86400 = daily.',
          }),
          f('graceS', 'Grace (seconds)', {
            inputmode: 'numeric',
            placeholder: '300',
            hint: 'Extra time before a late ping counts.',
          }),
        ]}
        {p.kind !== 'heartbeat' && f('intervalS', 'Check every (seconds)', { inputmode: 'numeric', hint: planHint })}
      </div>
      <div class="form-actions">
        <button class="btn" type="submit">
          Add monitor
        </button>
        <a href="/admin/monitors">Cancel</a>
      </div>
    </form>
  );
}
