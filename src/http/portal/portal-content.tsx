import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { getPortalIncident, listPortalIncidents } from '../../domain/portal/portal-incidents.ts';
import type { SendMail } from '../../domain/portal/portal-mail.ts';
import { getPortalMaintenance, listPortalMaintenance } from '../../domain/portal/portal-maintenance.ts';
import { portalPlan } from '../../domain/portal/portal-plan.ts';
import type { PortalActorScope } from '../../domain/portal/portal-scope.ts';
import { getPortalSite, listPortalSites } from '../../domain/portal/portal-sites.ts';
import { portalMonthSla, portalSlaMonths } from '../../domain/portal/portal-sla.ts';
import type { SupportMailDeps } from '../../domain/portal/support-mail.ts';
import {
  getPortalSupportRequest,
  listPortalSupportRequests,
  openPortalSupportRequest,
  replyAsContact,
} from '../../domain/portal/support-requests-portal.ts';
import { toAppError } from '../errors.ts';
import { fieldErrors } from '../pages/form-controls.tsx';
import type { PortalEnv } from './portal-env.ts';
import { IncidentsView, IncidentView, incidentTitle } from './portal-incident-views.tsx';
import { PortalLayout, type PortalSection } from './portal-layout.tsx';
import { OverviewView, SiteView } from './portal-overview-views.tsx';
import { MaintenanceView, PlanView, SlaView } from './portal-plan-views.tsx';
import { SupportDetailView, SupportListView, SupportNewView } from './portal-support-views.tsx';
import { type ViewKit, viewKit } from './portal-view-kit.tsx';

export type PortalContentDeps = { sendMail?: SendMail };
type C = Context<PortalEnv>;

const scopeOf = (c: C): PortalActorScope => ({ clientId: c.var.portal.clientId, contactId: c.var.portal.contactId });
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function page(c: C, title: string, active: PortalSection | undefined, body: Child, status: 200 | 404 | 422 = 200) {
  const flashKey = c.req.query('done');
  const k = viewKit(c.var.portal);
  const flash = flashKey === 'sent' ? k.t('support.sent') : flashKey === 'replied' ? k.t('support.replied') : undefined;
  return c.html(
    <PortalLayout title={title} portal={c.var.portal} csrfToken={c.var.csrfToken} active={active} flash={flash}>
      {body}
    </PortalLayout>,
    status,
  );
}

/**
 * The signed-in portal's pages (sites, incidents, SLA, plan, maintenance, support requests), mounted
 * under /portal behind the session middleware. Every read goes through the contact's client scope;
 * another client's id throws not_found, which the portal's error handler answers with 404.
 */
export function registerPortalContent(app: Hono<PortalEnv>, deps: PortalContentDeps = {}) {
  // Mail: the portal's own sender when given, else the app's (c.var.sendMail, set by createApp).
  const mailOf = (c: C): SupportMailDeps | undefined => {
    const sendMail = deps.sendMail ?? (c.var as { sendMail?: SendMail }).sendMail;
    return sendMail ? { sendMail, baseUrl: c.var.publicUrl ?? new URL(c.req.url).origin } : undefined;
  };

  app.get('/', async (c) => {
    const k = viewKit(c.var.portal);
    const scope = scopeOf(c);
    const [sites, open, sla] = await Promise.all([
      listPortalSites(c.var.ctx, scope),
      listPortalIncidents(c.var.ctx, scope, { status: 'open' }),
      portalMonthSla(c.var.ctx, scope),
    ]);
    return page(c, k.t('overview.title'), 'overview', <OverviewView k={k} sites={sites} open={open} sla={sla} />);
  });

  app.get('/sites/:id', async (c) => {
    const k = viewKit(c.var.portal);
    const scope = scopeOf(c);
    const { site, responseDays } = await getPortalSite(c.var.ctx, scope, c.req.param('id'));
    const incidents = await listPortalIncidents(c.var.ctx, scope, { siteId: site.id, limit: 10 });
    return page(c, site.name, 'overview', <SiteView k={k} site={site} days={responseDays} incidents={incidents} />);
  });

  app.get('/incidents', async (c) => {
    const k = viewKit(c.var.portal);
    const incidents = await listPortalIncidents(c.var.ctx, scopeOf(c), { limit: 100 });
    return page(c, k.t('incidents.title'), 'incidents', <IncidentsView k={k} incidents={incidents} />);
  });

  app.get('/incidents/:id', async (c) => {
    const k = viewKit(c.var.portal);
    const { incident, timeline } = await getPortalIncident(c.var.ctx, scopeOf(c), c.req.param('id'));
    return page(
      c,
      incidentTitle(k, incident),
      'incidents',
      <IncidentView k={k} incident={incident} timeline={timeline} nowMs={c.var.ctx.clock.now()} />,
    );
  });

  app.get('/sla', async (c) => {
    const k = viewKit(c.var.portal);
    const scope = scopeOf(c);
    const month = c.req.query('month') || undefined;
    const [sla, months] = await Promise.all([
      portalMonthSla(c.var.ctx, scope, month),
      portalSlaMonths(c.var.ctx, scope),
    ]);
    const offered = months.includes(sla.month) ? months : [sla.month, ...months];
    return page(c, k.t('sla.title'), 'sla', <SlaView k={k} sla={sla} months={offered} />);
  });

  app.get('/plan', async (c) => {
    const k = viewKit(c.var.portal);
    const plan = await portalPlan(c.var.ctx, scopeOf(c));
    return page(c, k.t('plan.title'), 'plan', <PlanView k={k} plan={plan} />);
  });

  app.get('/maintenance', async (c) => {
    const k = viewKit(c.var.portal);
    const { upcoming, recent } = await listPortalMaintenance(c.var.ctx, scopeOf(c));
    const title = k.t('maintenance.title');
    return page(c, title, 'overview', <MaintenanceView k={k} title={title} upcoming={upcoming} recent={recent} />);
  });

  app.get('/maintenance/:id', async (c) => {
    const k = viewKit(c.var.portal);
    const m = await getPortalMaintenance(c.var.ctx, scopeOf(c), c.req.param('id'));
    const title = m.window.siteName ? `${m.window.title} — ${m.window.siteName}` : m.window.title;
    return page(
      c,
      m.window.title,
      'overview',
      <MaintenanceView
        k={k}
        title={title}
        back
        weekly={m.window.kind === 'weekly'}
        upcoming={m.upcoming}
        recent={m.recent}
      />,
    );
  });

  app.get('/support', async (c) => {
    const k = viewKit(c.var.portal);
    const requests = await listPortalSupportRequests(c.var.ctx, scopeOf(c));
    return page(c, k.t('support.title'), 'support', <SupportListView k={k} requests={requests} />);
  });

  app.get('/support/new', (c) => renderNew(c, viewKit(c.var.portal)));

  app.post('/support', async (c) => {
    const k = viewKit(c.var.portal);
    const form = await c.req.parseBody();
    const values = {
      subject: str(form.subject),
      description: str(form.description),
      siteId: str(form.siteId),
      urgency: str(form.urgency) || 'normal',
    };
    try {
      const created = await openPortalSupportRequest(
        c.var.ctx,
        scopeOf(c),
        { ...values, siteId: values.siteId || null },
        mailOf(c),
      );
      return c.redirect(`/portal/support/${created.id}?done=sent`, 303);
    } catch (err) {
      const e = toAppError(err);
      if (e?.code !== 'invalid' && e?.code !== 'not_found') throw err;
      // A site id that is not one of theirs is a wrong field here, not a missing page.
      const errors = e.code === 'not_found' ? { siteId: e.message } : translatedErrors(k, fieldErrors(e.details));
      return renderNew(c, k, { values, errors }, 422);
    }
  });

  app.get('/support/:id', (c) => renderRequest(c, viewKit(c.var.portal)));

  app.post('/support/:id/messages', async (c) => {
    const k = viewKit(c.var.portal);
    const form = await c.req.parseBody();
    const id = c.req.param('id');
    try {
      await replyAsContact(c.var.ctx, scopeOf(c), id, { body: str(form.body) }, mailOf(c));
    } catch (err) {
      if (toAppError(err)?.code !== 'invalid') throw err;
      return renderRequest(c, k, k.t('support.required'), 422);
    }
    return c.redirect(`/portal/support/${id}?done=replied`, 303);
  });
}

/** Schema messages are English; the contact sees "please fill this in" next to the field. */
function translatedErrors(k: ViewKit, errors: Record<string, string>) {
  return Object.fromEntries(Object.keys(errors).map((key) => [key, k.t('support.required')]));
}

async function renderNew(
  c: C,
  k: ViewKit,
  state?: { values: Record<string, string>; errors: Record<string, string> },
  status: 200 | 422 = 200,
) {
  const sites = await listPortalSites(c.var.ctx, scopeOf(c));
  return page(
    c,
    k.t('support.new'),
    'support',
    <SupportNewView k={k} csrfToken={c.var.csrfToken} sites={sites} state={state} />,
    status,
  );
}

async function renderRequest(c: C, k: ViewKit, error?: string, status: 200 | 422 = 200) {
  const request = await getPortalSupportRequest(c.var.ctx, scopeOf(c), c.req.param('id') ?? '');
  return page(
    c,
    request.subject,
    'support',
    <SupportDetailView
      k={k}
      csrfToken={c.var.csrfToken}
      request={request}
      contactId={c.var.portal.contactId}
      error={error}
    />,
    status,
  );
}
