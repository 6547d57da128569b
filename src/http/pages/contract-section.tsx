import { cancellationLastDay } from '../../domain/contracts/periods.ts';
import type { Contract } from '../../domain/contracts/schemas.ts';
import type { ClientView } from './client-detail-page.tsx';
import type { FormState } from './client-forms.tsx';
import { ActionButton, ChoiceGroup, CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatCalendarDate, formatMoney, STATUS_LABELS } from './format.ts';
import { ReadOnlyNote } from './layout.tsx';

type Props = { view: ClientView; csrfToken: string; state?: FormState };

export function ContractSection(p: Props) {
  const { live, manage, client } = p.view;
  return (
    <section class="card" aria-labelledby="contract-h">
      <h2 id="contract-h">Contract</h2>
      <ErrorSummary message={p.state?.message} errors={live ? undefined : p.state?.errors} />
      {live ? <LiveContract {...p} contract={live} /> : <p class="muted">No live contract: the sites have no plan.</p>}
      {!live && manage && !client.archivedAt && <SignForm {...p} />}
      {!manage && <ReadOnlyNote>Only owners and admins can sign or change contracts.</ReadOnlyNote>}
      <PastContracts contracts={p.view.past} />
    </section>
  );
}

function LiveContract(p: Props & { contract: Contract }) {
  const { contract: k, view } = p;
  const terms = view.liveTerms;
  const addonNames = k.addonIds.map((id) => view.addons.find((a) => a.id === id)?.name ?? id);
  const price = !terms
    ? k.billingPeriod
    : k.billingPeriod === 'annual'
      ? `${formatMoney(terms.annualPriceMinor, terms.currency)} a year`
      : `${formatMoney(terms.monthlyPriceMinor, terms.currency)} a month`;
  return (
    <>
      <dl class="facts">
        <div>
          <dt>Plan</dt>
          <dd>
            <strong>{k.planName}</strong> <span class="muted">version {k.planVersion}</span>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span class={`badge ${k.status === 'active' ? 'ok' : 'warn'}`}>{STATUS_LABELS[k.status]}</span>
          </dd>
        </div>
        <div>
          <dt>Billing</dt>
          <dd>{price}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatCalendarDate(k.startDate)}</dd>
        </div>
        {k.trialEndsOn && (
          <div>
            <dt>Trial ends</dt>
            <dd>{formatCalendarDate(k.trialEndsOn)}</dd>
          </div>
        )}
        <div>
          <dt>Notice</dt>
          <dd>{k.cancellationNoticeDays} days</dd>
        </div>
        {k.endsOn && (
          <div>
            <dt>Last day</dt>
            <dd>
              <strong>{formatCalendarDate(k.endsOn)}</strong>
            </dd>
          </div>
        )}
        <div>
          <dt>Add-ons</dt>
          <dd>{addonNames.length > 0 ? addonNames.join(', ') : 'None'}</dd>
        </div>
      </dl>
      {view.manage && <ContractActions {...p} />}
    </>
  );
}

function ContractActions(p: Props & { contract: Contract }) {
  const { contract: k, view, csrfToken } = p;
  const base = `/admin/clients/${view.client.id}/contract/${k.id}`;
  const lastDay =
    k.status === 'active'
      ? cancellationLastDay(k.startDate, k.billingPeriod, view.today, k.cancellationNoticeDays)
      : undefined;
  return (
    <div class="contract-actions">
      {k.status === 'trial' && (
        <ActionButton action={`${base}/activate#contract-h`} csrfToken={csrfToken} label="Activate (trial converts)" />
      )}
      {k.status === 'cancelling' && (
        <ActionButton
          action={`${base}/resume#contract-h`}
          csrfToken={csrfToken}
          label="Resume (withdraw cancellation)"
        />
      )}
      {(k.status === 'active' || k.status === 'trial') && (
        <ActionButton
          action={`${base}/cancel#contract-h`}
          csrfToken={csrfToken}
          label={k.status === 'trial' ? 'Cancel trial (ends today)' : 'Cancel with notice'}
          variant="secondary"
        />
      )}
      <ActionButton action={`${base}/end#contract-h`} csrfToken={csrfToken} label="End now" variant="danger" />
      {lastDay && (
        <p class="muted small wide">
          Cancelling today makes {formatCalendarDate(lastDay)} the last day: the end of the billing period in which the{' '}
          {k.cancellationNoticeDays}-day notice runs out.
        </p>
      )}
    </div>
  );
}

function SignForm(p: Props) {
  const { view } = p;
  const v: Record<string, string | undefined> = {
    billingPeriod: 'monthly',
    status: 'active',
    planId: view.plans[0]?.id,
    ...p.state?.values,
  };
  const e = p.state?.errors;
  const planOptions = view.plans.map((plan) => ({
    value: plan.id,
    label: `${plan.name} (v${plan.version}) – ${formatMoney(plan.monthlyPriceMinor, plan.currency)}/month, ${formatMoney(plan.annualPriceMinor, plan.currency)}/year`,
  }));
  const addons = view.addons.filter((a) => !a.archivedAt);
  return (
    <form
      method="post"
      action={`/admin/clients/${view.client.id}/contract#contract-h`}
      class="subform"
      id="sign-contract"
    >
      <CsrfField token={p.csrfToken} />
      <h3>Sign a contract</h3>
      <div class="form-grid">
        <Select name="planId" label="Plan" options={planOptions} value={v.planId} errors={e} idPrefix="k" />
        <Field
          name="startDate"
          label="Start date"
          type="date"
          value={v.startDate ?? view.today}
          errors={e}
          idPrefix="k"
        />
      </div>
      <div class="form-grid">
        <ChoiceGroup
          legend="Billing period"
          type="radio"
          name="billingPeriod"
          idPrefix="k"
          error={e?.billingPeriod}
          options={[
            { value: 'monthly', label: 'Monthly', checked: v.billingPeriod === 'monthly' },
            { value: 'annual', label: 'Annual', checked: v.billingPeriod === 'annual' },
          ]}
        />
        <ChoiceGroup
          legend="Start as"
          type="radio"
          name="status"
          idPrefix="k"
          error={e?.status}
          options={[
            { value: 'active', label: 'Active (paying)', checked: v.status === 'active' },
            { value: 'trial', label: 'Trial', hint: '14 days, then activate or cancel', checked: v.status === 'trial' },
          ]}
        />
        {addons.length > 0 && (
          <ChoiceGroup
            legend="Add-ons"
            idPrefix="k"
            error={e?.addonIds}
            options={addons.map((a) => ({
              value: `addon_${a.id}`,
              label: `${a.name} (+${formatMoney(a.monthlyPriceMinor, a.currency)}/month)`,
              checked: v[`addon_${a.id}`] !== undefined,
            }))}
          />
        )}
      </div>
      <button class="btn" type="submit">
        Sign contract
      </button>
    </form>
  );
}

function PastContracts({ contracts }: { contracts: Contract[] }) {
  if (contracts.length === 0) return null;
  return (
    <details class="archived">
      <summary>Past contracts ({contracts.length})</summary>
      <ul class="plain-list">
        {contracts.map((k) => (
          <li>
            {k.planName} v{k.planVersion} · {k.billingPeriod} · {formatCalendarDate(k.startDate)} –{' '}
            {formatCalendarDate(k.endsOn)}
          </li>
        ))}
      </ul>
    </details>
  );
}
