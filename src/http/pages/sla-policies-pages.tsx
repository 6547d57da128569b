import type { Context, Hono } from 'hono';
import { listCalendars } from '../../domain/sla/calendars.ts';
import { createSlaPolicy, setSlaPolicyArchived, updateSlaPolicy } from '../../domain/sla/change-policies.ts';
import { getSlaPolicy, listSlaPolicies } from '../../domain/sla/policies.ts';
import { forbidden } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { ActionButton, ErrorSummary } from './form-controls.tsx';
import { Layout, PageHeader, ReadOnlyNote } from './layout.tsx';
import { setFlash } from './session.ts';
import { PolicyForm } from './sla-policy-form.tsx';
import {
  NEW_POLICY_VALUES,
  POLICY_FIELD_NAMES,
  policyFormValues,
  policyInputFromForm,
} from './sla-policy-form-input.ts';
import { PoliciesTable, PolicyFacts } from './sla-policy-views.tsx';
import { canManage, shell } from './view.ts';

type Status = 200 | 409 | 422;
const LIVE_NOTE =
  'Changes apply at once: the clocks of all incidents under this policy are recomputed from their history.';

function SlaLinks() {
  return (
    <>
      <a href="/admin/sla">SLA board</a>
      <a href="/admin/sla/calendars">Calendars</a>
    </>
  );
}

export function registerSlaPolicyPages(app: Hono<AppEnv>) {
  app.get('/admin/sla/policies', (c) => renderList(c));
  app.get('/admin/sla/policies/new', (c) => renderNew(c));
  app.get('/admin/sla/policies/:id', (c) => renderPolicy(c, c.req.param('id')));

  app.post('/admin/sla/policies', async (c) => {
    const form = await readForm(c);
    const input = policyInputFromForm(form);
    const result = await attempt(form, () => createSlaPolicy(c.var.ctx, c.var.actor, input), POLICY_FIELD_NAMES);
    if (!result.ok) return renderNew(c, { values: form.values(), ...result }, result.status);
    setFlash(c, `SLA policy ${result.value.name} created. Choose it on a plan to sell it.`);
    return c.redirect(`/admin/sla/policies/${result.value.id}`, 303);
  });

  app.post('/admin/sla/policies/:id', async (c) => {
    const before = await getSlaPolicy(c.var.ctx, c.req.param('id'));
    const form = await readForm(c);
    const input = policyInputFromForm(form);
    const result = await attempt(
      form,
      () => updateSlaPolicy(c.var.ctx, c.var.actor, before.id, input),
      POLICY_FIELD_NAMES,
    );
    if (!result.ok) return renderPolicy(c, before.id, { values: form.values(), ...result }, result.status);
    setFlash(
      c,
      JSON.stringify({ ...result.value, updatedAt: '' }) === JSON.stringify({ ...before, updatedAt: '' })
        ? 'Nothing changed.'
        : `${result.value.name} saved; incident clocks under it now follow the new terms.`,
    );
    return c.redirect(`/admin/sla/policies/${before.id}`, 303);
  });

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/admin/sla/policies/:id/${verb}`, async (c) => {
      const id = c.req.param('id');
      const form = await readForm(c);
      const result = await attempt(form, () => setSlaPolicyArchived(c.var.ctx, c.var.actor, id, archived));
      // A refusal (the policy is still sold) is said at the top of the policy's page.
      if (!result.ok) return renderPolicy(c, id, { message: result.message }, result.status);
      setFlash(
        c,
        archived
          ? `${result.value.name} archived: plans can no longer choose it; contracts on older plan versions keep it.`
          : `${result.value.name} restored.`,
      );
      return c.redirect('/admin/sla/policies', 303);
    });
  }
}

async function renderList(c: Context<AppEnv>) {
  const showArchived = c.req.query('archived') === 'all';
  const policies = await listSlaPolicies(c.var.ctx, { archived: showArchived ? 'all' : 'false' });
  const manage = canManage(c);
  return c.html(
    <Layout title="SLA policies" {...shell(c, 'sla')}>
      <PageHeader
        title="SLA policies"
        subtitle="Response and resolution targets, uptime commitments and service credits that plans sell."
      >
        <SlaLinks />
        {manage && (
          <a class="btn" href="/admin/sla/policies/new">
            New policy
          </a>
        )}
      </PageHeader>
      <p>
        {showArchived ? (
          <a href="/admin/sla/policies">Hide archived policies</a>
        ) : (
          <a href="/admin/sla/policies?archived=all">Show archived policies too</a>
        )}
      </p>
      {policies.length === 0 ? (
        <p class="card muted">No SLA policies yet.</p>
      ) : (
        <PoliciesTable policies={policies} manage={manage} csrfToken={c.var.csrfToken} />
      )}
      {!manage && <ReadOnlyNote>Only owners and admins can change SLA policies.</ReadOnlyNote>}
    </Layout>,
  );
}

async function renderNew(c: Context<AppEnv>, state?: FormState, status: Status = 200) {
  if (!canManage(c)) throw forbidden('Only owners and admins can change SLA policies');
  const calendars = await listCalendars(c.var.ctx, { archived: 'all' });
  return c.html(
    <Layout title="New SLA policy" {...shell(c, 'sla')}>
      <PageHeader title="New SLA policy">
        <a href="/admin/sla/policies">← All policies</a>
      </PageHeader>
      <PolicyForm
        action="/admin/sla/policies"
        submitLabel="Create policy"
        values={{
          ...NEW_POLICY_VALUES,
          calendarId: calendars.find((cal) => cal.kind === 'business' && !cal.archivedAt)?.id,
        }}
        calendars={calendars}
        csrfToken={c.var.csrfToken}
        state={state}
      />
    </Layout>,
    status,
  );
}

async function renderPolicy(c: Context<AppEnv>, id: string, state?: FormState, status: Status = 200) {
  const policy = await getSlaPolicy(c.var.ctx, id);
  const manage = canManage(c);
  const calendars = manage ? await listCalendars(c.var.ctx, { archived: 'all' }) : [];
  const verb = policy.archivedAt ? 'restore' : 'archive';
  return c.html(
    <Layout title={policy.name} {...shell(c, 'sla')}>
      <PageHeader
        title={policy.name}
        subtitle={policy.archivedAt ? 'Archived: plans cannot choose it.' : `Counted in ${policy.calendar.name}.`}
      >
        <a href="/admin/sla/policies">← All policies</a>
        {manage && (
          <ActionButton
            action={`/admin/sla/policies/${policy.id}/${verb}`}
            csrfToken={c.var.csrfToken}
            label={policy.archivedAt ? 'Restore' : 'Archive'}
          />
        )}
      </PageHeader>
      {!state?.values && <ErrorSummary message={state?.message} />}
      {manage ? (
        <>
          <p class="note">{LIVE_NOTE}</p>
          <PolicyFacts p={policy} />
          <PolicyForm
            action={`/admin/sla/policies/${policy.id}`}
            submitLabel="Save policy"
            values={policyFormValues(policy)}
            calendars={calendars}
            csrfToken={c.var.csrfToken}
            state={state?.values ? state : undefined}
          />
        </>
      ) : (
        <section class="card">
          <PolicyFacts p={policy} />
          <ReadOnlyNote>Only owners and admins can change SLA policies.</ReadOnlyNote>
        </section>
      )}
    </Layout>,
    status,
  );
}
