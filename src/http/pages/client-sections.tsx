import type { ClientView } from './client-detail-page.tsx';
import { ContactForm, type FormState, SiteForm } from './client-forms.tsx';
import { PlanBadge } from './client-list-view.tsx';
import { ActionButton } from './form-controls.tsx';
import { CMS_LABELS, formatDateTime, LOCALE_LABELS } from './format.ts';

export function SitesSection(p: { view: ClientView; csrfToken: string; state?: FormState }) {
  const { client, sites, archivedSites } = p.view;
  const base = `/admin/clients/${client.id}/sites`;
  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      {sites.length === 0 ? (
        <p class="muted">No sites yet.</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Name</th>
              <th scope="col">CMS</th>
              <th scope="col">Plan</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr>
                <td data-label="Address" class="url">
                  <a href={s.url} rel="noopener noreferrer">
                    {s.url}
                  </a>
                </td>
                <td data-label="Name">{s.name}</td>
                <td data-label="CMS">{CMS_LABELS[s.cms]}</td>
                <td data-label="Plan">
                  <PlanBadge plan={s.plan} />
                </td>
                <td class="row-actions">
                  <ActionButton
                    action={`${base}/${s.id}/archive`}
                    csrfToken={p.csrfToken}
                    label="Archive"
                    ariaLabel={`Archive ${s.name}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {archivedSites.length > 0 && (
        <details class="archived">
          <summary>Archived sites ({archivedSites.length})</summary>
          <ul class="plain-list">
            {archivedSites.map((s) => (
              <li class="row">
                <span>{s.url}</span>
                <ActionButton
                  action={`${base}/${s.id}/restore`}
                  csrfToken={p.csrfToken}
                  label="Restore"
                  ariaLabel={`Restore ${s.name}`}
                />
              </li>
            ))}
          </ul>
        </details>
      )}
      {client.archivedAt ? (
        <p class="note">Restore the client to add sites.</p>
      ) : (
        <SiteForm csrfToken={p.csrfToken} clientId={client.id} state={p.state} />
      )}
    </section>
  );
}

export function ContactsSection(p: { view: ClientView; csrfToken: string; state?: FormState }) {
  const { client, contacts } = p.view;
  return (
    <section class="card" aria-labelledby="contacts-h">
      <h2 id="contacts-h">Contacts</h2>
      {contacts.length === 0 ? (
        <p class="muted">No contacts yet.</p>
      ) : (
        <ul class="plain-list contacts">
          {contacts.map((ct) => (
            <li class="row">
              <span>
                <strong>{ct.name}</strong> <a href={`mailto:${ct.email}`}>{ct.email}</a>
                <span class="muted small">
                  {' '}
                  · {LOCALE_LABELS[ct.language] ?? ct.language}
                  {ct.phone && ` · ${ct.phone}`}
                  <PortalAccessNote access={p.view.portalAccess[ct.id]} timeZone={p.view.agencyTimeZone} />
                </span>
              </span>
              <ActionButton
                action={`/admin/clients/${client.id}/contacts/${ct.id}/portal-invite`}
                csrfToken={p.csrfToken}
                label={p.view.portalAccess[ct.id]?.invitedAt ? 'Invite to portal again' : 'Invite to portal'}
                ariaLabel={`Invite ${ct.name} to the client portal`}
              />
              <ActionButton
                action={`/admin/clients/${client.id}/contacts/${ct.id}/remove`}
                csrfToken={p.csrfToken}
                label="Remove"
                ariaLabel={`Remove ${ct.name}`}
              />
            </li>
          ))}
        </ul>
      )}
      <ContactForm csrfToken={p.csrfToken} clientId={client.id} clientLocale={client.locale} state={p.state} />
    </section>
  );
}

function PortalAccessNote(p: { access: ClientView['portalAccess'][string] | undefined; timeZone: string }) {
  if (!p.access?.invitedAt) return null;
  return p.access.lastSignInAt
    ? ` · portal: signed in on ${formatDateTime(p.access.lastSignInAt, p.timeZone)}`
    : ` · portal: invited on ${formatDateTime(p.access.invitedAt, p.timeZone)}`;
}
