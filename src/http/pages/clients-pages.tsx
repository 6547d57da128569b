import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { createClient, listClients } from '../../domain/clients/clients.ts';
import { livePlansByClient } from '../../domain/contracts/live-plan.ts';
import { countLiveSitesByClient } from '../../domain/sites/count-sites.ts';
import type { AppEnv } from '../env.ts';
import { registerClientDetail } from './client-detail-routes.tsx';
import { type FormState, NewClientForm } from './client-forms.tsx';
import { type ClientFilter, ClientFilterForm, ClientsTable, Pager } from './client-list-view.tsx';
import { registerContractRoutes } from './contract-routes.tsx';
import { attempt, readForm } from './form.ts';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { shell } from './view.ts';

const PAGE_SIZE = 25;

export function registerClientPages(app: Hono<AppEnv>) {
  app.get('/admin/clients', async (c) => {
    const filter: ClientFilter = {
      q: (c.req.query('q') ?? '').trim().slice(0, 200),
      archived: (['true', 'all'] as const).find((v) => v === c.req.query('archived')) ?? 'false',
    };
    const cursor = c.req.query('cursor') || undefined;
    const page = await listClients(c.var.ctx, { ...filter, q: filter.q || undefined, cursor, limit: PAGE_SIZE });
    const ids = page.data.map((cl) => cl.id);
    const [plans, siteCounts, settings] = await Promise.all([
      livePlansByClient(c.var.ctx.db, ids),
      countLiveSitesByClient(c.var.ctx.db, ids),
      getAgencySettings(c.var.ctx),
    ]);
    const rows = page.data.map((client) => ({
      client,
      plan: plans.get(client.id) ?? null,
      siteCount: siteCounts.get(client.id) ?? 0,
    }));
    const filtered = filter.q !== '' || filter.archived !== 'false';
    return c.html(
      <Layout title="Clients" {...shell(c, 'clients')}>
        <PageHeader title="Clients">
          <a class="btn" href="/admin/clients/new">
            New client
          </a>
        </PageHeader>
        <ClientFilterForm filter={filter} />
        {rows.length === 0 ? (
          <p class="card muted">
            {filtered ? 'No clients match this search.' : 'No clients yet.'}{' '}
            <a href="/admin/clients/new">Add a client</a>.
          </p>
        ) : (
          <ClientsTable rows={rows} timeZone={settings.timeZone} />
        )}
        <Pager filter={filter} cursor={cursor} nextCursor={page.nextCursor} />
      </Layout>,
    );
  });

  app.get('/admin/clients/new', (c) => renderNewClient(c));

  app.post('/admin/clients', async (c) => {
    const form = await readForm(c);
    const contactName = form.text('contactName');
    const contactEmail = form.text('contactEmail');
    const input = {
      name: form.text('name'),
      locale: form.optional('locale'),
      timeZone: form.optional('timeZone'),
      currency: form.optional('currency'),
      notes: form.text('notes'),
      // The first contact is optional, but half a contact is a mistake worth pointing out.
      ...((contactName || contactEmail) && { contacts: [{ name: contactName, email: contactEmail }] }),
    };
    const result = await attempt(form, () => createClient(c.var.ctx, c.var.actor, input), {
      'contacts.0.name': 'contactName',
      'contacts.0.email': 'contactEmail',
    });
    if (!result.ok) {
      // Half a contact: say what is missing rather than "must not be empty" on an optional field.
      if (contactEmail && !contactName) result.errors.contactName = 'enter the name too, or clear the e-mail';
      if (contactName && !contactEmail) result.errors.contactEmail = 'enter the e-mail too, or clear the name';
      return renderNewClient(c, { values: form.values(), ...result }, result.status);
    }
    setFlash(c, `Client ${result.value.name} created. Add their sites below.`);
    return c.redirect(`/admin/clients/${result.value.id}`, 303);
  });

  registerClientDetail(app);
  registerContractRoutes(app);
}

async function renderNewClient(c: Context<AppEnv>, state?: FormState, status: 200 | 409 | 422 = 200) {
  const settings = await getAgencySettings(c.var.ctx);
  const defaults = { locale: settings.locale, timeZone: settings.timeZone, currency: settings.defaultCurrency };
  return c.html(
    <Layout title="New client" {...shell(c, 'clients')}>
      <PageHeader
        title="New client"
        subtitle="Language, time zone and currency start from your agency settings; change them per client."
      />
      <NewClientForm csrfToken={c.var.csrfToken} defaults={defaults} state={state} />
    </Layout>,
    status,
  );
}
