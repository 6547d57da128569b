import type { User } from '../../domain/users/schemas.ts';
import { ROLES } from '../../domain/users/schemas.ts';
import type { FormState } from './client-forms.tsx';
import { ActionButton, CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatDay, ROLE_LABELS } from './format.ts';

const roleOptions = (includeOwner: boolean) =>
  ROLES.filter((r) => includeOwner || r !== 'owner').map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }));

type TableProps = {
  users: User[];
  me: User;
  manage: boolean;
  /** Only owners may touch owners or make new ones. */
  isOwner: boolean;
  csrfToken: string;
  timeZone: string;
};

export function UsersTable(p: TableProps) {
  return (
    <table class="stack">
      <caption class="sr-only">Users</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">Since</th>
          {p.manage && (
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {p.users.map((u) => {
          const editable = p.manage && (p.isOwner || u.role !== 'owner') && u.id !== p.me.id;
          return (
            <tr class={u.archivedAt ? 'inactive' : undefined}>
              <td data-label="Name">
                <strong>{u.name}</strong> {u.id === p.me.id && <span class="badge">you</span>}{' '}
                {u.archivedAt && <span class="badge warn">deactivated</span>}
              </td>
              <td data-label="E-mail">{u.email}</td>
              <td data-label="Role">
                {editable && !u.archivedAt ? <RoleForm user={u} {...p} /> : (ROLE_LABELS[u.role] ?? u.role)}
              </td>
              <td data-label="Since">{formatDay(u.createdAt, p.timeZone)}</td>
              {p.manage && (
                <td class="row-actions">
                  {editable && (
                    <ActionButton
                      action={`/admin/users/${u.id}/${u.archivedAt ? 'reactivate' : 'deactivate'}`}
                      csrfToken={p.csrfToken}
                      label={u.archivedAt ? 'Reactivate' : 'Deactivate'}
                      variant={u.archivedAt ? 'secondary' : 'danger'}
                      ariaLabel={`${u.archivedAt ? 'Reactivate' : 'Deactivate'} ${u.name}`}
                    />
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RoleForm(p: TableProps & { user: User }) {
  const id = `role-${p.user.id}`;
  return (
    <form method="post" action={`/admin/users/${p.user.id}/role`} class="inline role-form">
      <CsrfField token={p.csrfToken} />
      <label for={id} class="sr-only">
        Role of {p.user.name}
      </label>
      <select id={id} name="role">
        {roleOptions(p.isOwner).map((o) => (
          <option value={o.value} selected={o.value === p.user.role}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" class="btn small secondary">
        Change
      </button>
    </form>
  );
}

export function NewUserForm(p: { csrfToken: string; isOwner: boolean; state?: FormState }) {
  const v: Record<string, string | undefined> = { role: 'technician', ...p.state?.values };
  const e = p.state?.errors;
  return (
    <form method="post" action="/admin/users" class="card">
      <CsrfField token={p.csrfToken} />
      <h2 class="first">Add a user</h2>
      <ErrorSummary message={p.state?.message} errors={e} />
      <div class="form-grid">
        <Field name="name" label="Name" value={v.name} errors={e} required idPrefix="u" autocomplete="off" />
        <Field
          name="email"
          label="E-mail"
          type="email"
          value={v.email}
          errors={e}
          required
          idPrefix="u"
          autocomplete="off"
        />
        <Field
          name="password"
          label="First password"
          type="password"
          errors={e}
          required
          idPrefix="u"
          autocomplete="new-password"
          hint="At least 10 characters; tell them to change it."
        />
        <Select
          name="role"
          label="Role"
          options={roleOptions(p.isOwner)}
          value={v.role}
          errors={e}
          idPrefix="u"
          hint="Technicians cannot change plans, contracts, users or settings."
        />
      </div>
      <button class="btn" type="submit">
        Add user
      </button>
    </form>
  );
}
