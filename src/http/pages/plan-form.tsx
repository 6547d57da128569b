import { ALERT_CHANNELS, FEATURE_FLAGS, type Plan, type PlanTerms } from '../../domain/plans/schemas.ts';
import { minorToDecimalString } from '../../domain/shared/money.ts';
import type { SlaPolicyView } from '../../domain/sla/policy-schemas.ts';
import type { FormState } from './client-forms.tsx';
import type { FormInput } from './form.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, type Option, Select, TextArea } from './form-controls.tsx';
import { currencyOptions } from './options.ts';
import { CHANNEL_LABELS, FEATURE_LABELS, PRICING_LABELS, slaSummaryText } from './plan-views.tsx';

type Values = Record<string, string | undefined>;

/** A plan's current terms as the text the form fields show. */
export function planFormValues(t: PlanTerms): Values {
  const money = (minor: number | null) => (minor === null ? '' : minorToDecimalString(minor, t.currency));
  const values: Values = {
    name: t.name,
    description: t.description,
    checkIntervalS: String(t.checkIntervalS),
    supportMinutesPerMonth: String(t.supportMinutesPerMonth),
    slaPolicyId: t.slaPolicyId ?? '',
    pricingModel: t.pricingModel,
    currency: t.currency,
    monthlyPrice: money(t.monthlyPriceMinor),
    annualPrice: money(t.annualPriceMinor),
    hourlyRate: money(t.hourlyRateMinor),
    cancellationNoticeDays: String(t.cancellationNoticeDays),
  };
  for (const ch of t.alertChannels) values[`channel_${ch}`] = 'on';
  for (const f of FEATURE_FLAGS) if (t.features[f]) values[`feature_${f}`] = 'on';
  return values;
}

/** The posted form as plan terms; money typed in major units of the chosen currency. */
export function planTermsFromForm(form: FormInput) {
  const currency = form.text('currency');
  return {
    name: form.text('name'),
    description: form.text('description'),
    checkIntervalS: form.int('checkIntervalS'),
    alertChannels: ALERT_CHANNELS.filter((ch) => form.checked(`channel_${ch}`)),
    features: Object.fromEntries(FEATURE_FLAGS.map((f) => [f, form.checked(`feature_${f}`)])),
    supportMinutesPerMonth: form.int('supportMinutesPerMonth'),
    slaPolicyId: form.nullable('slaPolicyId'),
    pricingModel: form.text('pricingModel'),
    currency,
    monthlyPriceMinor: form.money('monthlyPrice', currency),
    annualPriceMinor: form.money('annualPrice', currency),
    hourlyRateMinor: form.nullableMoney('hourlyRate', currency),
    cancellationNoticeDays: form.int('cancellationNoticeDays'),
  };
}

/** Domain paths → the form fields that show their messages. */
export const PLAN_FIELD_NAMES: Record<string, string> = {
  monthlyPriceMinor: 'monthlyPrice',
  annualPriceMinor: 'annualPrice',
  hourlyRateMinor: 'hourlyRate',
};

/** Policies a plan may choose: the live ones, plus the plan's own if it was archived since. */
function policyOptions(policies: SlaPolicyView[], currentId: string | null): Option[] {
  const choosable = policies.filter((sp) => sp.archivedAt === null || sp.id === currentId);
  return [
    { value: '', label: 'None: no SLA' },
    ...choosable.map((sp) => ({
      value: sp.id,
      label: `${sp.name}${sp.archivedAt ? ' (archived)' : ''}: ${slaSummaryText(sp)}`,
    })),
  ];
}

export function PlanForm(p: { plan: Plan; policies: SlaPolicyView[]; csrfToken: string; state?: FormState }) {
  const v: Values = { ...planFormValues(p.plan), ...(p.state?.values && { ...onlyText(p.state.values) }) };
  const e = p.state?.errors;
  return (
    <form method="post" action={`/admin/plans/${p.plan.id}`} class="card">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <p class="note">
        Saving creates <strong>version {p.plan.version + 1}</strong>. Contracts already signed keep the version they
        signed; new contracts get the new one.
      </p>
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required />
        <Field
          name="checkIntervalS"
          label="Check interval (seconds)"
          value={v.checkIntervalS}
          errors={e}
          required
          inputmode="numeric"
          hint="30 = every 30 s, 180 = every 3 min."
        />
      </div>
      <TextArea name="description" label="Description" value={v.description} errors={e} required={false} />
      <div class="form-grid">
        <ChoiceGroup
          legend="Alert channels"
          error={e?.alertChannels}
          options={ALERT_CHANNELS.map((ch) => ({
            value: `channel_${ch}`,
            label: CHANNEL_LABELS[ch] ?? ch,
            checked: !!v[`channel_${ch}`],
          }))}
        />
        <ChoiceGroup
          legend="Features"
          error={e?.features}
          options={FEATURE_FLAGS.map((f) => ({
            value: `feature_${f}`,
            label: FEATURE_LABELS[f] ?? f,
            checked: !!v[`feature_${f}`],
          }))}
        />
      </div>
      <h2>Service levels</h2>
      <div class="form-grid cols-3">
        <Field
          name="supportMinutesPerMonth"
          label="Support time per month"
          value={v.supportMinutesPerMonth}
          errors={e}
          required
          inputmode="numeric"
          hint="In minutes: 180 = 3 hours."
        />
        <Select
          name="slaPolicyId"
          label="SLA policy"
          value={v.slaPolicyId}
          errors={e}
          options={policyOptions(p.policies, p.plan.slaPolicyId)}
          hint="Response and resolution targets, uptime commitment and credits; edited under SLA → Policies."
        />
      </div>
      <h2>Price</h2>
      <div class="form-grid cols-3">
        <Select
          name="pricingModel"
          label="Pricing model"
          value={v.pricingModel}
          errors={e}
          options={Object.entries(PRICING_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select name="currency" label="Currency" value={v.currency} errors={e} options={currencyOptions()} />
        <Field
          name="monthlyPrice"
          label="Monthly price"
          value={v.monthlyPrice}
          errors={e}
          required
          inputmode="decimal"
          hint="In the currency's units, e.g. 150.00"
        />
        <Field
          name="annualPrice"
          label="Annual price"
          value={v.annualPrice}
          errors={e}
          required
          inputmode="decimal"
          hint="Usually 12 months less a discount."
        />
        <Field
          name="hourlyRate"
          label="Hourly rate"
          value={v.hourlyRate}
          errors={e}
          inputmode="decimal"
          hint="Needed for hourly pricing."
        />
        <Field
          name="cancellationNoticeDays"
          label="Cancellation notice"
          value={v.cancellationNoticeDays}
          errors={e}
          required
          inputmode="numeric"
          hint="In days."
        />
      </div>
      <button class="btn" type="submit">
        Save as version {p.plan.version + 1}
      </button>
    </form>
  );
}

/** After a failed post, unticked boxes are simply absent: start from no ticks, not from the saved plan's. */
function onlyText(posted: Record<string, string>): Values {
  const values: Values = { ...posted };
  for (const ch of ALERT_CHANNELS) values[`channel_${ch}`] = posted[`channel_${ch}`];
  for (const f of FEATURE_FLAGS) values[`feature_${f}`] = posted[`feature_${f}`];
  return values;
}
