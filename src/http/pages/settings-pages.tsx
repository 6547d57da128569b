import type { Context, Hono } from 'hono';
import { type AgencySettings, getAgencySettings, updateAgencySettings } from '../../domain/agency/settings.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatDateTime, LOCALE_LABELS } from './format.ts';
import { Layout, PageHeader, ReadOnlyNote } from './layout.tsx';
import { currencyOptions, localeOptions, timeZoneOptions } from './options.ts';
import { setFlash } from './session.ts';
import { canManage, shell } from './view.ts';

export function registerSettingsPages(app: Hono<AppEnv>) {
  app.get('/admin/settings', (c) => renderSettings(c));

  app.post('/admin/settings', async (c) => {
    const form = await readForm(c);
    const input = {
      name: form.text('name'),
      logoUrl: form.nullable('logoUrl'),
      defaultCurrency: form.text('defaultCurrency'),
      locale: form.text('locale'),
      timeZone: form.text('timeZone'),
    };
    const result = await attempt(form, () => updateAgencySettings(c.var.ctx, c.var.actor, input));
    if (!result.ok) return renderSettings(c, { values: form.values(), ...result }, result.status);
    setFlash(c, 'Settings saved.');
    return c.redirect('/admin/settings', 303);
  });
}

async function renderSettings(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  const settings = await getAgencySettings(c.var.ctx);
  return c.html(
    <Layout title="Settings" {...shell(c, 'settings')}>
      <PageHeader title="Agency settings" subtitle="Your brand and the defaults for new clients and plans." />
      {canManage(c) ? (
        <SettingsForm settings={settings} csrfToken={c.var.csrfToken} state={state} />
      ) : (
        <section class="card">
          <SettingsList settings={settings} />
          <ReadOnlyNote>Only owners and admins can change the agency settings.</ReadOnlyNote>
        </section>
      )}
    </Layout>,
    status,
  );
}

function SettingsForm(p: { settings: AgencySettings; csrfToken: string; state?: FormState }) {
  const s = p.settings;
  const v: Record<string, string | undefined> = {
    name: s.name,
    logoUrl: s.logoUrl ?? '',
    defaultCurrency: s.defaultCurrency,
    locale: s.locale,
    timeZone: s.timeZone,
    ...p.state?.values,
  };
  const e = p.state?.errors;
  return (
    <form method="post" action="/admin/settings" class="card">
      <CsrfField token={p.csrfToken} />
      <ErrorSummary message={p.state?.message} errors={e} />
      <h2 class="first">Brand</h2>
      <div class="form-grid cols-3">
        <Field name="name" label="Agency name" value={v.name} errors={e} required autocomplete="organization" />
        <Field
          name="logoUrl"
          label="Logo URL"
          type="url"
          value={v.logoUrl}
          errors={e}
          placeholder="https://…/logo.svg"
          hint="Shown on status pages and reports."
        />
      </div>
      <h2>Defaults</h2>
      <div class="form-grid cols-3">
        <Select
          name="defaultCurrency"
          label="Default currency"
          options={currencyOptions()}
          value={v.defaultCurrency}
          errors={e}
          hint="For new clients and add-ons."
        />
        <Select
          name="locale"
          label="Default language"
          options={localeOptions}
          value={v.locale}
          errors={e}
          hint="For new clients."
        />
        <Select
          name="timeZone"
          label="Time zone"
          options={timeZoneOptions()}
          value={v.timeZone}
          errors={e}
          hint="Dates in this console and for new clients."
        />
      </div>
      <button class="btn" type="submit">
        Save settings
      </button>
      <p class="muted small">Last saved {formatDateTime(s.updatedAt, s.timeZone)}.</p>
    </form>
  );
}

function SettingsList({ settings: s }: { settings: AgencySettings }) {
  return (
    <dl class="facts">
      <div>
        <dt>Agency name</dt>
        <dd>{s.name}</dd>
      </div>
      <div>
        <dt>Logo URL</dt>
        <dd>{s.logoUrl ?? '–'}</dd>
      </div>
      <div>
        <dt>Default currency</dt>
        <dd>{s.defaultCurrency}</dd>
      </div>
      <div>
        <dt>Default language</dt>
        <dd>{LOCALE_LABELS[s.locale] ?? s.locale}</dd>
      </div>
      <div>
        <dt>Time zone</dt>
        <dd>{s.timeZone}</dd>
      </div>
    </dl>
  );
}
