import type { Child } from 'hono/jsx';
import type { User } from '../../domain/users/schemas.ts';
import { STYLES } from './styles.ts';

export {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  fieldErrors,
  Select,
} from './form-controls.tsx';

export type Section =
  | 'dashboard'
  | 'clients'
  | 'monitors'
  | 'incidents'
  | 'sla'
  | 'status'
  | 'support'
  | 'work'
  | 'updates'
  | 'reports'
  | 'outbox'
  | 'plans'
  | 'users'
  | 'settings';

type LayoutProps = {
  title: string;
  user?: User;
  csrfToken?: string;
  flash?: string;
  /** Which top-level section is open, for the navigation highlight. */
  section?: Section;
  /** Reload the page every N seconds (live status pages; no JavaScript needed). */
  refreshSeconds?: number;
  children: Child;
};

const NAV: Array<{ key: Section; href: string; label: string }> = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard' },
  { key: 'clients', href: '/admin/clients', label: 'Clients' },
  { key: 'monitors', href: '/admin/monitors', label: 'Monitors' },
  { key: 'incidents', href: '/admin/incidents', label: 'Incidents' },
  { key: 'sla', href: '/admin/sla', label: 'SLA' },
  { key: 'status', href: '/admin/status-pages', label: 'Status pages' },
  { key: 'support', href: '/admin/support', label: 'Support' },
  { key: 'work', href: '/admin/work', label: 'Work log' },
  { key: 'updates', href: '/admin/updates', label: 'Updates' },
  { key: 'reports', href: '/admin/reports', label: 'Reports' },
  { key: 'outbox', href: '/admin/outbox', label: 'Outbox' },
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
        {props.refreshSeconds && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
        <title>{`${props.title} · Steward`}</title>
        {/* Raw: JSX would escape the quotes and '>' in the CSS. STYLES is a constant, never user input. */}
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
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
        <main id="main">
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

/** A page heading with optional actions on the right (they wrap under it on a phone). */
export function PageHeader(props: { title: string; subtitle?: Child; children?: Child }) {
  return (
    <div class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="muted subtitle">{props.subtitle}</p>}
      </div>
      {props.children && <div class="actions">{props.children}</div>}
    </div>
  );
}

/** "Only owners and admins can …": shown where a technician would otherwise find a form. */
export function ReadOnlyNote(props: { children: Child }) {
  return <p class="note">{props.children}</p>;
}
