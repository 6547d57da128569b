import type { Context, Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { hasRole } from '../../domain/shared/permissions.ts';
import { createUser, listUsers, setUserArchived, updateUser } from '../../domain/users/users.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from './client-forms.tsx';
import { attempt, readForm } from './form.ts';
import { ErrorSummary } from './form-controls.tsx';
import { Layout, PageHeader, ReadOnlyNote } from './layout.tsx';
import { setFlash } from './session.ts';
import { registerTokenPages } from './tokens-pages.tsx';
import { NewUserForm, UsersTable } from './users-views.tsx';
import { canManage, shell } from './view.ts';

type Forms = { create?: FormState; page?: FormState };

export function registerUserPages(app: Hono<AppEnv>) {
  app.get('/admin/users', (c) => renderUsers(c));

  app.post('/admin/users', async (c) => {
    const form = await readForm(c);
    const input = {
      name: form.optional('name'),
      email: form.text('email'),
      password: form.text('password'),
      role: form.optional('role'),
    };
    const result = await attempt(form, () => createUser(c.var.ctx, c.var.actor, input));
    if (!result.ok) {
      const { password: _never, ...values } = form.values();
      return renderUsers(c, { create: { values, ...result } }, result.status);
    }
    setFlash(c, `${result.value.name} can now sign in as ${result.value.role}.`);
    return c.redirect('/admin/users', 303);
  });

  app.post('/admin/users/:id/role', async (c) => {
    const form = await readForm(c);
    const result = await attempt(form, () =>
      updateUser(c.var.ctx, c.var.actor, c.req.param('id'), { role: form.text('role') }),
    );
    if (!result.ok) return renderUsers(c, { page: result }, result.status);
    setFlash(c, `${result.value.name} is now ${result.value.role}.`);
    return c.redirect('/admin/users', 303);
  });

  for (const [verb, archived] of [
    ['deactivate', true],
    ['reactivate', false],
  ] as const) {
    app.post(`/admin/users/:id/${verb}`, async (c) => {
      const form = await readForm(c);
      const result = await attempt(form, () => setUserArchived(c.var.ctx, c.var.actor, c.req.param('id'), archived));
      if (!result.ok) return renderUsers(c, { page: result }, result.status);
      setFlash(
        c,
        archived
          ? `${result.value.name} is deactivated: signed out everywhere, API tokens revoked.`
          : `${result.value.name} can sign in again. Their old API tokens stay revoked.`,
      );
      return c.redirect('/admin/users', 303);
    });
  }

  registerTokenPages(app);
}

async function renderUsers(c: Context<AppEnv>, forms: Forms = {}, status: 200 | 409 | 422 = 200) {
  const [users, settings] = await Promise.all([listUsers(c.var.ctx), getAgencySettings(c.var.ctx)]);
  const manage = canManage(c);
  const isOwner = hasRole(c.var.actor, 'owner');
  return c.html(
    <Layout title="Users" {...shell(c, 'users')}>
      <PageHeader title="Users" subtitle="People who can sign in to this console.">
        <a href="/admin/tokens">API tokens →</a>
      </PageHeader>
      <ErrorSummary message={forms.page?.message} />
      <UsersTable
        users={users}
        me={c.var.user}
        manage={manage}
        isOwner={isOwner}
        csrfToken={c.var.csrfToken}
        timeZone={settings.timeZone}
      />
      {manage ? (
        <div class="spaced">
          <NewUserForm csrfToken={c.var.csrfToken} isOwner={isOwner} state={forms.create} />
        </div>
      ) : (
        <ReadOnlyNote>Only owners and admins can add or change users.</ReadOnlyNote>
      )}
    </Layout>,
    status,
  );
}
