import type { Context } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { getClient } from '../../domain/clients/clients.ts';
import { listContacts } from '../../domain/clients/contacts.ts';
import type { Client, Contact } from '../../domain/clients/schemas.ts';
import { type Addon, listAddons } from '../../domain/contracts/addons.ts';
import { listContracts } from '../../domain/contracts/read-contracts.ts';
import type { Contract } from '../../domain/contracts/schemas.ts';
import { getPlanVersion, listPlans } from '../../domain/plans/read-plans.ts';
import type { Plan, PlanVersion } from '../../domain/plans/schemas.ts';
import { type PortalAccess, readPortalAccess } from '../../domain/portal/portal-access.ts';
import { localDate } from '../../domain/shared/time.ts';
import { listSites, type Site } from '../../domain/sites/sites.ts';
import type { AppEnv } from '../env.ts';
import { CompanyForm, type FormState } from './client-forms.tsx';
import { ContactsSection, SitesSection } from './client-sections.tsx';
import { ContractSection } from './contract-section.tsx';
import { ActionButton, ErrorSummary } from './form-controls.tsx';
import { formatDay, LOCALE_LABELS } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { canManage, shell } from './view.ts';

/** Which form on the client page failed, with what it showed. */
export type ClientForms = Partial<Record<'company' | 'contact' | 'site' | 'contract' | 'page', FormState>>;

export type ClientView = {
  client: Client;
  contacts: Contact[];
  /** Portal invitation and last sign-in per contact id. */
  portalAccess: Record<string, PortalAccess>;
  sites: Site[];
  archivedSites: Site[];
  live: Contract | undefined;
  liveTerms: PlanVersion | undefined;
  past: Contract[];
  plans: Plan[];
  addons: Addon[];
  /** Today in the client's time zone, for the cancellation preview. */
  today: string;
  agencyTimeZone: string;
  manage: boolean;
};

async function loadClientView(c: Context<AppEnv>, id: string): Promise<ClientView> {
  const ctx = c.var.ctx;
  const client = await getClient(ctx, id);
  const [contacts, portalAccess, sites, archivedSites, contracts, plans, addons, settings] = await Promise.all([
    listContacts(ctx, id),
    readPortalAccess(ctx, id),
    listSites(ctx, { clientId: id, limit: 200 }),
    listSites(ctx, { clientId: id, archived: 'true', limit: 200 }),
    listContracts(ctx, { clientId: id, limit: 200 }),
    listPlans(ctx),
    listAddons(ctx),
    getAgencySettings(ctx),
  ]);
  const live = contracts.data.find((k) => k.status !== 'ended');
  return {
    client,
    contacts,
    portalAccess,
    sites: sites.data,
    archivedSites: archivedSites.data,
    live,
    liveTerms: live ? await getPlanVersion(ctx, live.planVersionId) : undefined,
    past: contracts.data.filter((k) => k.status === 'ended').reverse(),
    plans,
    addons,
    today: localDate(ctx.clock.now(), client.timeZone),
    agencyTimeZone: settings.timeZone,
    manage: canManage(c),
  };
}

export async function renderClientPage(
  c: Context<AppEnv>,
  id: string,
  forms: ClientForms = {},
  status: 200 | 409 | 422 = 200,
) {
  const view = await loadClientView(c, id);
  return c.html(
    <Layout title={view.client.name} {...shell(c, 'clients')}>
      <ClientHeader view={view} csrfToken={c.var.csrfToken} />
      <ErrorSummary message={forms.page?.message} />
      <SitesSection view={view} csrfToken={c.var.csrfToken} state={forms.site} />
      <ContractSection view={view} csrfToken={c.var.csrfToken} state={forms.contract} />
      <div class="columns">
        <ContactsSection view={view} csrfToken={c.var.csrfToken} state={forms.contact} />
        <section class="card" aria-labelledby="company-h">
          <h2 id="company-h">Company details</h2>
          <CompanyForm csrfToken={c.var.csrfToken} client={view.client} state={forms.company} />
        </section>
      </div>
    </Layout>,
    status,
  );
}

function ClientHeader({ view, csrfToken }: { view: ClientView; csrfToken: string }) {
  const { client } = view;
  const base = `/admin/clients/${client.id}`;
  return (
    <PageHeader
      title={client.name}
      subtitle={
        <>
          {client.archivedAt && <span class="badge warn">Archived</span>} {LOCALE_LABELS[client.locale]} ·{' '}
          {client.timeZone} · {client.currency} · client since {formatDay(client.createdAt, view.agencyTimeZone)}
        </>
      }
    >
      <a href="/admin/clients">← All clients</a>
      {client.archivedAt ? (
        <ActionButton action={`${base}/restore`} csrfToken={csrfToken} label="Restore client" />
      ) : (
        <ActionButton action={`${base}/archive`} csrfToken={csrfToken} label="Archive client" />
      )}
    </PageHeader>
  );
}
