import type { Addon } from '../../domain/contracts/addons.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, CsrfField, ErrorSummary, Field, Select, TextArea } from './form-controls.tsx';
import { formatMoney } from './format.ts';
import { currencyOptions } from './options.ts';

export function AddonsTable(p: { addons: Addon[]; manage: boolean; csrfToken: string }) {
  if (p.addons.length === 0) return <p class="muted">No add-ons yet.</p>;
  return (
    <table class="stack">
      <caption class="sr-only">Add-ons</caption>
      <thead>
        <tr>
          <th scope="col">Add-on</th>
          <th scope="col" class="num">
            Monthly
          </th>
          <th scope="col" class="num">
            Annual
          </th>
          {p.manage && (
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {p.addons.map((a) => (
          <tr>
            <td data-label="Add-on">
              <strong>{a.name}</strong> {a.archivedAt && <span class="badge">archived</span>}
              {a.description && <div class="muted small">{a.description}</div>}
            </td>
            <td data-label="Monthly" class="num">
              {formatMoney(a.monthlyPriceMinor, a.currency)}
            </td>
            <td data-label="Annual" class="num">
              {formatMoney(a.annualPriceMinor, a.currency)}
            </td>
            {p.manage && (
              <td class="row-actions">
                <ActionButton
                  action={`/admin/addons/${a.id}/${a.archivedAt ? 'restore' : 'archive'}`}
                  csrfToken={p.csrfToken}
                  label={a.archivedAt ? 'Restore' : 'Archive'}
                  ariaLabel={`${a.archivedAt ? 'Restore' : 'Archive'} ${a.name}`}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AddonForm(p: { csrfToken: string; defaultCurrency: string; state?: FormState }) {
  const v: Record<string, string | undefined> = { currency: p.defaultCurrency, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action="/admin/addons#new-addon" class="subform" id="new-addon">
      <CsrfField token={p.csrfToken} />
      <h3>New add-on</h3>
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required idPrefix="addon" />
        <Select
          name="currency"
          label="Currency"
          value={v.currency}
          errors={e}
          options={currencyOptions()}
          idPrefix="addon"
        />
        <Field
          name="monthlyPrice"
          label="Monthly price"
          value={v.monthlyPrice}
          errors={e}
          required
          inputmode="decimal"
          placeholder="50.00"
          idPrefix="addon"
        />
        <Field
          name="annualPrice"
          label="Annual price"
          value={v.annualPrice}
          errors={e}
          required
          inputmode="decimal"
          placeholder="540.00"
          idPrefix="addon"
        />
      </div>
      <TextArea name="description" label="Description" value={v.description} errors={e} idPrefix="addon" rows={2} />
      <button class="btn secondary" type="submit">
        Create add-on
      </button>
    </form>
  );
}
