import type { Context, Hono } from 'hono';
import { listMonitors } from '../../domain/monitoring/monitors.ts';
import { listClientChoices, listSiteChoices } from '../../domain/monitoring/site-choices-view.ts';
import { addStatusPageComponent } from '../../domain/statuspage/add-component.ts';
import { archiveStatusPage } from '../../domain/statuspage/archive-page.ts';
import { attachStatusPageDomain } from '../../domain/statuspage/attach-domain.ts';
import { createStatusPage } from '../../domain/statuspage/create-page.ts';
import { detachStatusPageDomain } from '../../domain/statuspage/detach-domain.ts';
import { readStatusPageAllowances } from '../../domain/statuspage/plan-gate.ts';
import { getStatusPage, listStatusPages } from '../../domain/statuspage/read-pages.ts';
import { removeStatusPageComponent } from '../../domain/statuspage/remove-component.ts';
import { reorderStatusPageComponents } from '../../domain/statuspage/reorder-components.ts';
import { updateStatusPageBranding } from '../../domain/statuspage/update-branding.ts';
import { updateStatusPageComponent } from '../../domain/statuspage/update-component.ts';
import { updateStatusPage } from '../../domain/statuspage/update-page.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { ActionButton, ErrorSummary } from './form-controls.tsx';
import { Layout, PageHeader, ReadOnlyNote } from './layout.tsx';
import { setFlash } from './session.ts';
import { ComponentsSection, DomainsSection } from './status-pages-components.tsx';
import { BrandingForm, parseFooterLinksText, SettingsForm } from './status-pages-edit.tsx';
import { registerPublicUpdatePages } from './status-pages-incident-update.tsx';
import { registerSubscriberPages } from './status-pages-subscribers.tsx';
import { NewStatusPageForm, publicPath, StatusPagesTable } from './status-pages-views.tsx';
import { canManage, shell } from './view.ts';

type Forms = Partial<Record<'page' | 'settings' | 'branding' | 'components' | 'domains', FormState>>;

export function registerStatusPagePages(app: Hono<AppEnv>) {
  app.get('/admin/status-pages', (c) => renderList(c));

  app.post('/admin/status-pages', async (c) => {
    const form = await readForm(c);
    const input = {
      clientId: form.text('clientId'),
      title: form.text('title'),
      ...(form.optional('slug') && { slug: form.text('slug') }),
      ...(form.optional('language') && { language: form.text('language') }),
    };
    const result = await attempt(form, () => createStatusPage(c.var.ctx, c.var.actor, input));
    if (!result.ok) return renderList(c, { values: form.values(), ...result }, result.status);
    setFlash(c, `Status page “${result.value.title}” created as a draft. Add components, then publish it.`);
    return c.redirect(`/admin/status-pages/${result.value.id}`, 303);
  });

  app.get('/admin/status-pages/:id', (c) => renderPage(c, c.req.param('id')));

  // Each form posts here and comes back to the page: on success with a message, on failure with its errors.
  const action = (
    path: string,
    form: keyof Forms,
    run: (c: Context<AppEnv>, f: Awaited<ReturnType<typeof readForm>>) => Promise<unknown>,
    done: string,
  ) =>
    app.post(`/admin/status-pages/:id${path}`, async (c) => {
      const id = c.req.param('id');
      const f = await readForm(c);
      const result = await attempt(f, () => run(c, f));
      if (!result.ok) return renderPage(c, id, { [form]: { values: f.values(), ...result } }, result.status);
      setFlash(c, done);
      return c.redirect(`/admin/status-pages/${id}`, 303);
    });

  action(
    '',
    'settings',
    (c, f) =>
      updateStatusPage(c.var.ctx, c.var.actor, c.req.param('id') ?? '', {
        title: f.text('title'),
        slug: f.text('slug'),
        language: f.text('language'),
        timeZone: f.text('timeZone'),
        published: f.checked('published'),
      }),
    'Page saved.',
  );
  action(
    '/branding',
    'branding',
    (c, f) =>
      updateStatusPageBranding(c.var.ctx, c.var.actor, c.req.param('id') ?? '', {
        logoUrl: f.nullable('logoUrl'),
        faviconUrl: f.nullable('faviconUrl'),
        brandColor: f.text('brandColor'),
        accentColor: f.text('accentColor'),
        footerLinks: parseFooterLinksText(f.text('footerLinks')),
        hidePoweredBy: f.checked('hidePoweredBy'),
      }),
    'Branding saved.',
  );
  action(
    '/components',
    'components',
    (c, f) => {
      const [kind, targetId] = f.text('target').split(':');
      return addStatusPageComponent(c.var.ctx, c.var.actor, c.req.param('id') ?? '', {
        ...(kind === 'monitor' ? { monitorId: targetId ?? '' } : { siteId: targetId ?? '' }),
        displayName: f.text('displayName'),
        groupName: f.nullable('groupName'),
      });
    },
    'Component added.',
  );
  action(
    '/components/order',
    'components',
    (c, f) =>
      reorderStatusPageComponents(c.var.ctx, c.var.actor, c.req.param('id') ?? '', {
        componentIds: f.text('order').split(',').filter(Boolean),
      }),
    'Order saved.',
  );
  action(
    '/components/:componentId',
    'components',
    (c, f) =>
      updateStatusPageComponent(c.var.ctx, c.var.actor, c.req.param('id') ?? '', c.req.param('componentId') ?? '', {
        displayName: f.text('displayName'),
        groupName: f.nullable('groupName'),
        published: f.checked('published'),
      }),
    'Component saved.',
  );
  action(
    '/components/:componentId/remove',
    'components',
    (c) => removeStatusPageComponent(c.var.ctx, c.var.actor, c.req.param('id') ?? '', c.req.param('componentId') ?? ''),
    'Component removed.',
  );
  action(
    '/domains',
    'domains',
    (c, f) => attachStatusPageDomain(c.var.ctx, c.var.actor, c.req.param('id') ?? '', { host: f.text('host') }),
    'Domain attached.',
  );
  action(
    '/domains/:host/detach',
    'domains',
    (c) => detachStatusPageDomain(c.var.ctx, c.var.actor, c.req.param('id') ?? '', c.req.param('host') ?? ''),
    'Domain detached.',
  );

  app.post('/admin/status-pages/:id/archive', async (c) => {
    await readForm(c);
    await archiveStatusPage(c.var.ctx, c.var.actor, c.req.param('id'));
    setFlash(c, 'Status page archived: it is offline and its domains are detached.');
    return c.redirect('/admin/status-pages', 303);
  });

  registerPublicUpdatePages(app);
  registerSubscriberPages(app);
}

async function renderList(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  const [pages, clients] = await Promise.all([listStatusPages(c.var.ctx), listClientChoices(c.var.ctx)]);
  return c.html(
    <Layout title="Status pages" {...shell(c, 'status')}>
      <PageHeader
        title="Status pages"
        subtitle="Public, branded pages of each client's uptime and incidents, on /status/<slug> or their own domain."
      />
      <StatusPagesTable pages={pages} clients={clients} />
      {canManage(c) ? (
        <NewStatusPageForm csrfToken={c.var.csrfToken} clients={clients} state={state} />
      ) : (
        <ReadOnlyNote>Only owners and admins can create and change status pages.</ReadOnlyNote>
      )}
    </Layout>,
    status,
  );
}

async function renderPage(c: Context<AppEnv>, id: string, forms: Forms = {}, status: 200 | 409 | 422 = 200) {
  const page = await getStatusPage(c.var.ctx, id);
  const [allowances, sites, monitors] = await Promise.all([
    readStatusPageAllowances(c.var.ctx, page.clientId),
    listSiteChoices(c.var.ctx, page.clientId),
    listMonitors(c.var.ctx, { clientId: page.clientId }),
  ]);
  const csrf = c.var.csrfToken;
  return c.html(
    <Layout title={`Status page: ${page.title}`} {...shell(c, 'status')}>
      <PageHeader
        title={page.title}
        subtitle={page.published ? 'Published' : 'Draft: the public address answers “not found” until you publish.'}
      >
        <a href="/admin/status-pages">← Status pages</a>
        <a href={`/admin/status-pages/${page.id}/subscribers`}>Subscribers</a>
        <a class="btn secondary" href={publicPath(page)}>
          View public page
        </a>
      </PageHeader>
      <ErrorSummary message={forms.page?.message} />
      {canManage(c) ? (
        <>
          <SettingsForm page={page} csrfToken={csrf} allowances={allowances} state={forms.settings} />
          <ComponentsSection page={page} csrfToken={csrf} sites={sites} monitors={monitors} state={forms.components} />
          <BrandingForm page={page} csrfToken={csrf} allowances={allowances} state={forms.branding} />
          <DomainsSection page={page} csrfToken={csrf} state={forms.domains} />
          <section class="card" aria-labelledby="archive-h">
            <h2 id="archive-h">Archive</h2>
            <p class="muted small">Takes the page offline for good and frees its address and domains.</p>
            <ActionButton
              action={`/admin/status-pages/${page.id}/archive`}
              csrfToken={csrf}
              label="Archive page"
              variant="danger"
            />
          </section>
        </>
      ) : (
        <ReadOnlyNote>Only owners and admins can change status pages.</ReadOnlyNote>
      )}
    </Layout>,
    status,
  );
}
