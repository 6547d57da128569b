import type { StatusPageDetail } from '../../domain/statuspage/read-pages.ts';
import type { FormState } from './client-forms.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, Select, TextArea } from './form-controls.tsx';
import { localeOptions, timeZoneOptions } from './options.ts';

export type Allowances = { planName: string | null; statusPage: boolean; hidePoweredBy: boolean };

/** Footer links as a person types them: one per line, "Label | https://…". */
export const footerLinksText = (page: StatusPageDetail) =>
  page.footerLinks.map((l) => `${l.label} | ${l.url}`).join('\n');

export function parseFooterLinksText(text: string): Array<{ label: string; url: string }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      return bar < 0 ? { label: line, url: '' } : { label: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

export function SettingsForm(p: {
  page: StatusPageDetail;
  csrfToken: string;
  allowances: Allowances;
  state?: FormState;
}) {
  const v = p.state?.values;
  const e = p.state?.errors;
  const published = v ? v.published !== undefined : p.page.published;
  return (
    <section class="card" aria-labelledby="settings-h">
      <h2 id="settings-h">Page</h2>
      <form method="post" action={`/admin/status-pages/${p.page.id}`} id="page-settings">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Field name="title" label="Title" value={v?.title ?? p.page.title} errors={e} required />
          <Field
            name="slug"
            label="Address (slug)"
            value={v?.slug ?? p.page.slug}
            errors={e}
            required
            hint="The page is at /status/<slug>."
          />
          <Select
            name="language"
            label="Language"
            value={v?.language ?? p.page.language}
            errors={e}
            options={localeOptions}
          />
          <Select
            name="timeZone"
            label="Time zone"
            value={v?.timeZone ?? p.page.timeZone}
            errors={e}
            hint="Days and times on the page are shown in this zone."
            options={timeZoneOptions()}
          />
        </div>
        <ChoiceGroup
          legend="Visibility"
          options={[
            {
              value: 'published',
              label: 'Published: anyone with the address can see it',
              checked: published,
              hint: p.allowances.statusPage
                ? undefined
                : `(${p.allowances.planName ? `the ${p.allowances.planName} plan` : 'no live plan'} has no status page)`,
            },
          ]}
        />
        <button class="btn" type="submit">
          Save page
        </button>
      </form>
    </section>
  );
}

export function BrandingForm(p: {
  page: StatusPageDetail;
  csrfToken: string;
  allowances: Allowances;
  state?: FormState;
}) {
  const v = p.state?.values;
  const e = p.state?.errors;
  const hide = v ? v.hidePoweredBy !== undefined : p.page.hidePoweredBy;
  return (
    <section class="card" aria-labelledby="branding-h">
      <h2 id="branding-h">Branding</h2>
      <form method="post" action={`/admin/status-pages/${p.page.id}/branding`} id="page-branding">
        <CsrfField token={p.csrfToken} />
        <ErrorSummary message={p.state?.message} errors={e} />
        <div class="form-grid">
          <Field
            name="logoUrl"
            label="Logo address"
            type="url"
            value={v?.logoUrl ?? p.page.logoUrl}
            errors={e}
            placeholder="https://…/logo.svg"
            hint="Shown in the header instead of the title; about 44 px high."
          />
          <Field
            name="faviconUrl"
            label="Favicon address"
            type="url"
            value={v?.faviconUrl ?? p.page.faviconUrl}
            errors={e}
            placeholder="https://…/favicon.png"
          />
          <Field
            name="brandColor"
            label="Header colour"
            type="color"
            value={v?.brandColor ?? p.page.brandColor}
            errors={e}
            required
            hint="The header text turns white or black, whichever reads better."
          />
          <Field
            name="accentColor"
            label="Accent colour"
            type="color"
            value={v?.accentColor ?? p.page.accentColor}
            errors={e}
            required
            hint="Links and charts; darkened on the page if too light to read."
          />
          <TextArea
            name="footerLinks"
            label="Footer links"
            rows={3}
            value={v?.footerLinks ?? footerLinksText(p.page)}
            errors={e}
            hint="One per line: Label | https://… (or mailto:…)"
          />
        </div>
        <ChoiceGroup
          legend="White label"
          options={[
            {
              value: 'hidePoweredBy',
              label: 'Hide “Powered by Steward”',
              checked: hide,
              hint: p.allowances.hidePoweredBy ? undefined : '(only on plans that allow it)',
            },
          ]}
          error={e?.hidePoweredBy}
        />
        <button class="btn" type="submit">
          Save branding
        </button>
      </form>
    </section>
  );
}
