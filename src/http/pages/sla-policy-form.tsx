import type { SlaCalendar } from '../../domain/sla/calendar-schemas.ts';
import { SEVERITIES } from '../../domain/sla/policy.ts';
import type { FormState } from './client-forms.tsx';
import { CsrfField, ErrorSummary, Field, type FieldErrors, Select, TextArea } from './form-controls.tsx';
import { METRICS, severityField, type Values } from './sla-policy-form-input.ts';
import { SEVERITY_LABELS } from './sla-policy-views.tsx';

const CLOCK_OPTIONS = [
  { value: 'business', label: 'In business hours' },
  { value: '24x7', label: '24/7 (wall clock)' },
];

function calendarOptions(calendars: SlaCalendar[], currentId: string | undefined) {
  return calendars
    .filter((cal) => cal.archivedAt === null || cal.id === currentId)
    .map((cal) => ({
      value: cal.id,
      label: `${cal.name}${cal.kind === 'business' ? ` (${cal.timeZone})` : ''}${cal.archivedAt ? ' (archived)' : ''}`,
    }));
}

/** A bare input for a table cell: the row and column headers say what it is, the aria-label says it to screen readers. */
function SeverityInput(p: { name: string; label: string; value?: string; error?: string }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <input
        id={id}
        name={p.name}
        type="text"
        value={p.value ?? ''}
        aria-label={p.label}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-err` : undefined}
      />
      {p.error && (
        <small class="error" id={`${id}-err`}>
          {p.error}
        </small>
      )}
    </div>
  );
}

function SeverityTable(p: { v: Values; e?: FieldErrors }) {
  return (
    <table class="stack">
      <caption>
        Per severity <span class="muted small">(optional)</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          {METRICS.map((m) => (
            <th scope="col">{m.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SEVERITIES.map((s) => (
          <tr>
            <th scope="row">{SEVERITY_LABELS[s]}</th>
            {METRICS.map((m) => (
              <td data-label={m.label}>
                <SeverityInput
                  name={severityField(s, m.key)}
                  label={`${SEVERITY_LABELS[s]}: ${m.label.toLowerCase()}`}
                  value={p.v[severityField(s, m.key)]}
                  error={p.e?.[severityField(s, m.key)]}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PolicyForm(p: {
  action: string;
  submitLabel: string;
  values: Values;
  calendars: SlaCalendar[];
  csrfToken: string;
  state?: FormState;
}) {
  const v: Values = { ...p.values, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action={p.action} class="card">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required />
        <Select
          name="calendarId"
          label="Calendar"
          value={v.calendarId}
          errors={e}
          options={calendarOptions(p.calendars, p.values.calendarId)}
          hint="Business hours and holidays that business-hours targets count in."
        />
      </div>
      <TextArea name="description" label="Description" value={v.description} errors={e} required={false} />
      <h2>Targets</h2>
      <p class="muted small">Durations such as "4 h", "30 min" or "1 h 30 min"; empty for no target.</p>
      <div class="form-grid">
        {METRICS.flatMap((m) => [
          <Field name={m.key} label={`${m.label} target`} value={v[m.key]} errors={e} />,
          <Select
            name={m.clock}
            label={`${m.label} is counted`}
            value={v[m.clock]}
            errors={e}
            options={CLOCK_OPTIONS}
          />,
        ])}
        <Field
          name="warnAtPercent"
          label="Warn at (% of a target)"
          value={v.warnAtPercent}
          errors={e}
          required
          inputmode="numeric"
          hint="50 to 99: a warning alert when this share of a target has elapsed."
        />
      </div>
      <SeverityTable v={v} e={e} />
      <p class="muted small">
        Empty: the targets above apply. "none": no target at that severity. The incident's severity picks the target.
      </p>
      <h2>Uptime and service credit</h2>
      <div class="form-grid">
        <Field
          name="uptimeCommitment"
          label="Monthly uptime commitment (%)"
          value={v.uptimeCommitment}
          errors={e}
          inputmode="decimal"
          placeholder="99.9"
          hint="E.g. 99.9; empty for none."
        />
        <Field
          name="creditPerStep"
          label="Credit per step (% of the month's fee)"
          value={v.creditPerStep}
          errors={e}
          required
          inputmode="decimal"
        />
        <Field
          name="creditStep"
          label="Per started step below (% of uptime)"
          value={v.creditStep}
          errors={e}
          required
          inputmode="decimal"
        />
        <Field
          name="creditCap"
          label="Cap (% of the month's fee)"
          value={v.creditCap}
          errors={e}
          required
          inputmode="decimal"
        />
      </div>
      <p class="muted small">E.g. 10 % per started 0.1 % below, cap 50 %: 99.75 % against 99.9 % is two steps, 20 %.</p>
      <button class="btn" type="submit">
        {p.submitLabel}
      </button>
    </form>
  );
}
