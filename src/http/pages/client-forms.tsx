import type { Client } from '../../domain/clients/schemas.ts';
import { CsrfField, ErrorSummary, Field, type FieldErrors, Select, TextArea } from './form-controls.tsx';
import { cmsOptions, currencyOptions, localeOptions, timeZoneOptions } from './options.ts';

/** What a form shows again after a failed post: the typed values, the messages. */
export type FormState = { values?: Record<string, string>; errors?: FieldErrors; message?: string };

type Values = Record<string, string | undefined>;

export type ClientDefaults = { locale: string; timeZone: string; currency: string };

/** Locale, time zone and currency: shared by the new-client and the company form. */
function RegionFields(p: { values: Values; errors?: FieldErrors; idPrefix: string }) {
  return (
    <>
      <Select
        name="locale"
        label="Language"
        options={localeOptions}
        value={p.values.locale}
        errors={p.errors}
        idPrefix={p.idPrefix}
        hint="Reports, portal and e-mails use it."
      />
      <Select
        name="timeZone"
        label="Time zone"
        options={timeZoneOptions()}
        value={p.values.timeZone}
        errors={p.errors}
        idPrefix={p.idPrefix}
      />
      <Select
        name="currency"
        label="Currency"
        options={currencyOptions()}
        value={p.values.currency}
        errors={p.errors}
        idPrefix={p.idPrefix}
      />
    </>
  );
}

export function NewClientForm(p: { csrfToken: string; defaults: ClientDefaults; state?: FormState }) {
  const v: Values = { ...p.defaults, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action="/admin/clients" class="card">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <h2 class="first">Company</h2>
      <div class="form-grid">
        <Field name="name" label="Company name" value={v.name} errors={e} required autocomplete="organization" />
        <RegionFields values={v} errors={e} idPrefix="new" />
      </div>
      <TextArea name="notes" label="Notes" value={v.notes} errors={e} hint="Only your team sees these." />
      <h2>First contact</h2>
      <p class="muted">Who receives reports and alerts. You can add more contacts later.</p>
      <div class="form-grid">
        <Field name="contactName" label="Contact name" value={v.contactName} errors={e} autocomplete="off" />
        <Field
          name="contactEmail"
          label="Contact e-mail"
          type="email"
          value={v.contactEmail}
          errors={e}
          autocomplete="off"
        />
      </div>
      <div class="form-actions">
        <button class="btn" type="submit">
          Create client
        </button>
        <a href="/admin/clients">Cancel</a>
      </div>
    </form>
  );
}

export function CompanyForm(p: { csrfToken: string; client: Client; state?: FormState }) {
  const { name, locale, timeZone, currency, notes } = p.client;
  const v: Values = { name, locale, timeZone, currency, notes, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action={`/admin/clients/${p.client.id}#company`} id="company">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Company name" value={v.name} errors={e} required idPrefix="co" />
        <RegionFields values={v} errors={e} idPrefix="co" />
      </div>
      <TextArea name="notes" label="Notes" value={v.notes} errors={e} idPrefix="co" />
      <button class="btn secondary" type="submit">
        Save company details
      </button>
    </form>
  );
}

export function ContactForm(p: { csrfToken: string; clientId: string; clientLocale: string; state?: FormState }) {
  const v: Values = { language: p.clientLocale, ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action={`/admin/clients/${p.clientId}/contacts#add-contact`} class="subform" id="add-contact">
      <CsrfField token={p.csrfToken} />
      <h3>Add a contact</h3>
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required idPrefix="ct" autocomplete="off" />
        <Field
          name="email"
          label="E-mail"
          type="email"
          value={v.email}
          errors={e}
          required
          idPrefix="ct"
          autocomplete="off"
        />
        <Select name="language" label="Language" options={localeOptions} value={v.language} errors={e} idPrefix="ct" />
        <Field name="phone" label="Phone" type="tel" value={v.phone} errors={e} idPrefix="ct" autocomplete="off" />
      </div>
      <button class="btn secondary" type="submit">
        Add contact
      </button>
    </form>
  );
}

export function SiteForm(p: { csrfToken: string; clientId: string; state?: FormState }) {
  const v: Values = { cms: 'wordpress', ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action={`/admin/clients/${p.clientId}/sites#add-site`} class="subform" id="add-site">
      <CsrfField token={p.csrfToken} />
      <h3>Add a site</h3>
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field
          name="url"
          label="Address (URL)"
          type="text"
          inputmode="url"
          value={v.url}
          errors={e}
          required
          idPrefix="site"
          placeholder="https://example.com"
          hint="https:// is added when missing."
          autocomplete="off"
        />
        <Field
          name="name"
          label="Name"
          value={v.name}
          errors={e}
          idPrefix="site"
          hint="Defaults to the host name."
          autocomplete="off"
        />
        <Select name="cms" label="CMS" options={cmsOptions} value={v.cms} errors={e} idPrefix="site" />
      </div>
      <button class="btn secondary" type="submit">
        Add site
      </button>
    </form>
  );
}
