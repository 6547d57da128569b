import type { Child } from 'hono/jsx';
import type { User } from '../../domain/users/schemas.ts';
import { STYLES } from './styles.ts';

type LayoutProps = {
  title: string;
  user?: User;
  csrfToken?: string;
  flash?: string;
  /** Which top-level section is open, for the navigation highlight. */
  section?: 'dashboard' | 'clients' | 'plans' | 'users' | 'settings';
  children: Child;
};

const NAV: Array<{ key: NonNullable<LayoutProps['section']>; href: string; label: string }> = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard' },
  { key: 'clients', href: '/admin/clients', label: 'Clients' },
  { key: 'plans', href: '/admin/plans', label: 'Plans' },
  { key: 'users', href: '/admin/users', label: 'Users & tokens' },
  { key: 'settings', href: '/admin/settings', label: 'Settings' },
];

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Steward`}</title>
        <style>{STYLES}</style>
      </head>
      <body>
        <header class="topbar">
          <a class="brand" href="/admin">
            Steward
          </a>
          {props.user && (
            <nav aria-label="Main">
              {NAV.map((n) => (
                <a href={n.href} aria-current={props.section === n.key ? 'page' : undefined}>
                  {n.label}
                </a>
              ))}
            </nav>
          )}
          {props.user && (
            <form method="post" action="/logout" class="signout">
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <span class="who">
                {props.user.name} <small>({props.user.role})</small>
              </span>
              <button type="submit" class="link">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main>
          {props.flash && (
            <p class="flash" role="status">
              {props.flash}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export type FieldErrors = Record<string, string>;

/** Turns an `invalid` error's details into messages per form field. */
export function fieldErrors(details: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as Array<{ path?: string; message?: string }>) {
    const key = (d.path ?? '').split('.')[0] || '_';
    out[key] ??= d.message ?? 'is invalid';
  }
  return out;
}

export function ErrorSummary(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <div class="error-summary" role="alert">
      {props.message}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  value?: string | number | null;
  type?: string;
  required?: boolean;
  errors?: FieldErrors;
  hint?: string;
  autocomplete?: string;
};

export function Field(p: FieldProps) {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      {p.hint && <small class="hint">{p.hint}</small>}
      {error && (
        <small class="error" id={`${id}-err`}>
          {error}
        </small>
      )}
    </div>
  );
}

export function Select(p: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  errors?: FieldErrors;
}) {
  const error = p.errors?.[p.name];
  const id = `f-${p.name}`;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && <small class="error">{error}</small>}
    </div>
  );
}
