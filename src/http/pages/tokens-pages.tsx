import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import type { User } from '../../domain/users/schemas.ts';
import { type ApiToken, createApiToken, listApiTokens, revokeApiToken } from '../../domain/users/tokens.ts';
import { listUsers } from '../../domain/users/users.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { ActionButton, CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatDateTime } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { canManage, shell } from './view.ts';

export function registerTokenPages(app: Hono<AppEnv>) {
  app.get('/admin/tokens', (c) => renderTokens(c));

  app.post('/admin/tokens', async (c) => {
    const form = await readForm(c);
    const input = { name: form.text('name'), ...(canManage(c) && { userId: form.optional('userId') }) };
    const result = await attempt(form, () => createApiToken(c.var.ctx, c.var.actor, input));
    if (!result.ok) return renderTokens(c, { values: form.values(), ...result }, result.status);
    // The secret exists only in this response: never cache it.
    c.header('Cache-Control', 'no-store');
    return renderTokens(c, undefined, 201, { secret: result.value.token, name: result.value.record.name });
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    const token = await revokeApiToken(c.var.ctx, c.var.actor, c.req.param('id'));
    setFlash(c, `Token “${token.name}” is revoked; requests using it now get 401.`);
    return c.redirect('/admin/tokens', 303);
  });
}

async function renderTokens(
  c: Context<AppEnv>,
  state?: FormState,
  status: 200 | 201 | 409 | 422 = 200,
  created?: { secret: string; name: string },
) {
  const [tokens, users, settings] = await Promise.all([
    listApiTokens(c.var.ctx, c.var.actor),
    listUsers(c.var.ctx),
    getAgencySettings(c.var.ctx),
  ]);
  return c.html(
    <Layout title="API tokens" {...shell(c, 'users')}>
      <PageHeader title="API tokens" subtitle="For scripts and integrations: send as Authorization: Bearer <token>.">
        <a href="/admin/users">← Users</a>
      </PageHeader>
      {created && <NewSecret {...created} />}
      <TokensTable tokens={tokens} users={users} csrfToken={c.var.csrfToken} timeZone={settings.timeZone} />
      <NewTokenForm c={c} users={users} state={state} />
    </Layout>,
    status,
  );
}

function NewSecret(p: { secret: string; name: string }) {
  return (
    <section class="card secret-card" aria-labelledby="secret-h" role="status">
      <h2 id="secret-h" class="first">
        Token “{p.name}” created
      </h2>
      <p>
        <strong>Copy it now.</strong> This is the only time Steward shows it; only a hash is stored. If you lose it,
        revoke it and create a new one.
      </p>
      <label for="new-secret" class="sr-only">
        The new token
      </label>
      <textarea id="new-secret" class="secret" readonly rows={2} spellcheck={false}>
        {p.secret}
      </textarea>
    </section>
  );
}

function TokensTable(p: { tokens: ApiToken[]; users: User[]; csrfToken: string; timeZone: string }) {
  if (p.tokens.length === 0) return <p class="card muted">No API tokens yet.</p>;
  const owner = (id: string) => p.users.find((u) => u.id === id);
  return (
    <table class="stack">
      <caption class="sr-only">API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Owner</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.tokens.map((t) => (
          <tr class={t.revokedAt ? 'inactive' : undefined}>
            <td data-label="Name">
              <strong>{t.name}</strong>
            </td>
            <td data-label="Owner">{owner(t.userId)?.name ?? t.userId}</td>
            <td data-label="Created">{formatDateTime(t.createdAt, p.timeZone)}</td>
            <td data-label="Last used">{t.lastUsedAt ? formatDateTime(t.lastUsedAt, p.timeZone) : 'Never'}</td>
            <td data-label="Status">
              {t.revokedAt ? (
                <span class="badge warn">revoked {formatDateTime(t.revokedAt, p.timeZone)}</span>
              ) : (
                <span class="badge ok">active</span>
              )}
            </td>
            <td class="row-actions">
              {!t.revokedAt && (
                <ActionButton
                  action={`/admin/tokens/${t.id}/revoke`}
                  csrfToken={p.csrfToken}
                  label="Revoke"
                  variant="danger"
                  ariaLabel={`Revoke ${t.name}`}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewTokenForm(p: { c: Context<AppEnv>; users: User[]; state?: FormState }) {
  const me = p.c.var.user;
  const e = p.state?.errors;
  const owners = p.users.filter((u) => !u.archivedAt).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  return (
    <form method="post" action="/admin/tokens" class="card spaced">
      <CsrfField token={p.c.var.csrfToken} />
      <h2 class="first">Create a token</h2>
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field
          name="name"
          label="Name"
          value={p.state?.values?.name}
          errors={e}
          required
          hint="What uses it, e.g. “billing export”."
          autocomplete="off"
        />
        {canManage(p.c) && (
          <Select
            name="userId"
            label="Acts as"
            options={owners}
            value={p.state?.values?.userId ?? me.id}
            errors={e}
            hint="The token has this user's role."
          />
        )}
      </div>
      <button class="btn" type="submit">
        Create token
      </button>
    </form>
  );
}
