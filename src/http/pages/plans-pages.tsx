import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { createAddon, listAddons, setAddonArchived } from '../../domain/contracts/addons.ts';
import { updatePlan } from '../../domain/plans/change-plans.ts';
import { getPlan, listPlans, listPlanVersions } from '../../domain/plans/read-plans.ts';
import { listSlaPolicies } from '../../domain/sla/policies.ts';
import type { AppEnv } from '../env.ts';
import { AddonForm, AddonsTable } from './addon-views.tsx';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { Layout, PageHeader, ReadOnlyNote } from './layout.tsx';
import { PLAN_FIELD_NAMES, PlanForm, planTermsFromForm } from './plan-form.tsx';
import { CatalogueTable, PlanTermsList, VersionHistory } from './plan-views.tsx';
import { setFlash } from './session.ts';
import { canManage, shell } from './view.ts';

type Status = 200 | 409 | 422;

export function registerPlanPages(app: Hono<AppEnv>) {
  app.get('/admin/plans', (c) => renderCatalogue(c));
  app.get('/admin/plans/:id', (c) => renderPlan(c, c.req.param('id')));

  app.post('/admin/plans/:id', async (c) => {
    const before = await getPlan(c.var.ctx, c.req.param('id'));
    const form = await readForm(c);
    const terms = planTermsFromForm(form);
    const result = await attempt(form, () => updatePlan(c.var.ctx, c.var.actor, before.id, terms), PLAN_FIELD_NAMES);
    if (!result.ok) return renderPlan(c, before.id, { values: form.values(), ...result }, result.status);
    const after = result.value;
    setFlash(
      c,
      after.version === before.version
        ? `Nothing changed; ${after.name} stays at version ${after.version}.`
        : `${after.name} saved as version ${after.version}. Existing contracts keep version ${before.version}.`,
    );
    return c.redirect(`/admin/plans/${after.id}`, 303);
  });

  app.post('/admin/addons', async (c) => {
    const form = await readForm(c);
    const currency = form.text('currency');
    const input = {
      name: form.text('name'),
      description: form.text('description'),
      currency,
      monthlyPriceMinor: form.money('monthlyPrice', currency),
      annualPriceMinor: form.money('annualPrice', currency),
    };
    const result = await attempt(form, () => createAddon(c.var.ctx, c.var.actor, input), {
      monthlyPriceMinor: 'monthlyPrice',
      annualPriceMinor: 'annualPrice',
    });
    if (!result.ok) return renderCatalogue(c, { values: form.values(), ...result }, result.status);
    setFlash(c, `Add-on ${result.value.name} created.`);
    return c.redirect('/admin/plans#addons-h', 303);
  });

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/admin/addons/:id/${verb}`, async (c) => {
      const addon = await setAddonArchived(c.var.ctx, c.var.actor, c.req.param('id'), archived);
      setFlash(c, `Add-on ${addon.name} ${archived ? 'archived: new contracts cannot add it' : 'restored'}.`);
      return c.redirect('/admin/plans#addons-h', 303);
    });
  }
}

async function renderCatalogue(c: Context<AppEnv>, addonState?: FormState, status: Status = 200) {
  const [plans, addons, settings] = await Promise.all([
    listPlans(c.var.ctx),
    listAddons(c.var.ctx),
    getAgencySettings(c.var.ctx),
  ]);
  const manage = canManage(c);
  return c.html(
    <Layout title="Plans" {...shell(c, 'plans')}>
      <PageHeader
        title="Plans"
        subtitle="What each tier delivers and costs. Open a plan to see its versions or change it."
      />
      <CatalogueTable plans={plans} />
      <section class="card spaced" aria-labelledby="addons-h">
        <h2 id="addons-h">Add-ons</h2>
        <p class="muted">Optional modules a contract can include on top of its plan.</p>
        <AddonsTable addons={addons} manage={manage} csrfToken={c.var.csrfToken} />
        {manage ? (
          <AddonForm csrfToken={c.var.csrfToken} defaultCurrency={settings.defaultCurrency} state={addonState} />
        ) : (
          <ReadOnlyNote>Only owners and admins can change plans and add-ons.</ReadOnlyNote>
        )}
      </section>
    </Layout>,
    status,
  );
}

async function renderPlan(c: Context<AppEnv>, id: string, state?: FormState, status: Status = 200) {
  const plan = await getPlan(c.var.ctx, id);
  const manage = canManage(c);
  const [versions, settings, policies] = await Promise.all([
    listPlanVersions(c.var.ctx, plan.id),
    getAgencySettings(c.var.ctx),
    manage ? listSlaPolicies(c.var.ctx, { archived: 'all' }) : [],
  ]);
  return c.html(
    <Layout title={plan.name} {...shell(c, 'plans')}>
      <PageHeader title={plan.name} subtitle={`Code ${plan.code} · current version ${plan.version}`}>
        <a href="/admin/plans">← All plans</a>
      </PageHeader>
      {manage ? (
        <PlanForm plan={plan} policies={policies} csrfToken={c.var.csrfToken} state={state} />
      ) : (
        <section class="card">
          <PlanTermsList t={plan} />
          <ReadOnlyNote>Only owners and admins can change plans.</ReadOnlyNote>
        </section>
      )}
      <section aria-labelledby="versions-h">
        <h2 id="versions-h">Version history</h2>
        <p class="muted">Each saved change is a new version; a contract stays on the version it signed.</p>
        <VersionHistory versions={versions} currentVersionId={plan.versionId} timeZone={settings.timeZone} />
      </section>
    </Layout>,
    status,
  );
}
