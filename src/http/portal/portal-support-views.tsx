import type { PortalSite } from '../../domain/portal/portal-sites.ts';
import {
  type SupportRequestDetail,
  type SupportRequestView,
  URGENCIES,
} from '../../domain/portal/support-request-schemas.ts';
import { TimesIn, type ViewKit } from './portal-view-kit.tsx';

const STATUS_CLASS = { open: 'warn', answered: 'ok', closed: 'muted' } as const;

function StatusBadge(p: { k: ViewKit; status: SupportRequestView['status'] }) {
  return <span class={`badge ${STATUS_CLASS[p.status]}`}>{p.k.t(`supportStatus.${p.status}`)}</span>;
}

export function SupportListView(p: { k: ViewKit; requests: SupportRequestView[] }) {
  const { k } = p;
  return (
    <>
      <h1>{k.t('support.title')}</h1>
      <p>
        <a class="btn" href="/portal/support/new">
          {k.t('support.new')}
        </a>
      </p>
      {p.requests.length === 0 ? (
        <p class="muted">{k.t('support.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{k.t('support.subject')}</th>
                <th scope="col">{k.t('support.status')}</th>
                <th scope="col">{k.t('support.urgency')}</th>
                <th scope="col">{k.t('incident.started')}</th>
              </tr>
            </thead>
            <tbody>
              {p.requests.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/portal/support/${r.id}`}>{r.subject}</a>
                  </th>
                  <td>
                    <StatusBadge k={k} status={r.status} />
                  </td>
                  <td>{k.t(`urgency.${r.urgency}`)}</td>
                  <td>{k.time(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TimesIn k={k} />
    </>
  );
}

export type SupportFormState = { values: Record<string, string>; errors: Record<string, string> };

function FieldError(p: { id: string; error?: string }) {
  if (!p.error) return null;
  return (
    <p id={`${p.id}-err`} class="hint" style="color:var(--err)">
      {p.error}
    </p>
  );
}

export function SupportNewView(p: { k: ViewKit; csrfToken: string; sites: PortalSite[]; state?: SupportFormState }) {
  const { k } = p;
  const v = p.state?.values ?? {};
  const e = p.state?.errors ?? {};
  const invalid = (name: string) => (e[name] ? 'true' : undefined);
  const described = (name: string, hint = false) =>
    [hint && `f-${name}-hint`, e[name] && `f-${name}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <p>
        <a href="/portal/support">← {k.t('support.back')}</a>
      </p>
      <h1>{k.t('support.new')}</h1>
      {Object.keys(e).length > 0 && (
        <div class="error-summary" role="alert">
          {k.t('support.fix')}
        </div>
      )}
      <form method="post" action="/portal/support" class="card">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <div class="field">
          <label for="f-subject">{k.t('support.subject')}</label>
          <input
            id="f-subject"
            type="text"
            name="subject"
            required
            maxlength={200}
            value={v.subject ?? ''}
            aria-invalid={invalid('subject')}
            aria-describedby={described('subject')}
          />
          <FieldError id="f-subject" error={e.subject} />
        </div>
        <div class="field">
          <label for="f-description">{k.t('support.description')}</label>
          <textarea
            id="f-description"
            name="description"
            rows={7}
            required
            maxlength={10000}
            aria-invalid={invalid('description')}
            aria-describedby={described('description', true)}
          >
            {v.description ?? ''}
          </textarea>
          <p id="f-description-hint" class="hint">
            {k.t('support.descriptionHint')}
          </p>
          <FieldError id="f-description" error={e.description} />
        </div>
        <div class="field">
          <label for="f-siteId">{k.t('support.site')}</label>
          <select id="f-siteId" name="siteId" aria-invalid={invalid('siteId')} aria-describedby={described('siteId')}>
            <option value="">{k.t('support.anySite')}</option>
            {p.sites.map((s) => (
              <option value={s.id} selected={v.siteId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="f-siteId" error={e.siteId} />
        </div>
        <div class="field">
          <label for="f-urgency">{k.t('support.urgency')}</label>
          <select id="f-urgency" name="urgency">
            {URGENCIES.map((u) => (
              <option value={u} selected={(v.urgency ?? 'normal') === u}>
                {k.t(`urgency.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          {k.t('support.submit')}
        </button>
      </form>
    </>
  );
}

export function SupportDetailView(p: {
  k: ViewKit;
  csrfToken: string;
  request: SupportRequestDetail;
  contactId: string;
  error?: string;
}) {
  const { k, request: r } = p;
  return (
    <>
      <p>
        <a href="/portal/support">← {k.t('support.back')}</a>
      </p>
      <h1>{r.subject}</h1>
      <p>
        <StatusBadge k={k} status={r.status} /> · {k.t(`urgency.${r.urgency}`)}
        {r.siteName && ` · ${r.siteName}`} · {k.t('support.opened', { time: k.time(r.createdAt) })}
      </p>
      <article class="card">
        <h2 class="small">
          {r.contactName
            ? r.contactId === p.contactId
              ? k.t('author.you', { name: r.contactName })
              : r.contactName
            : r.clientName}
        </h2>
        <p style="white-space:pre-wrap">{r.description}</p>
      </article>
      {r.messages.map((m) => (
        <article class="card" style={m.authorKind === 'staff' ? 'border-left:4px solid var(--accent)' : undefined}>
          <h2 class="small">
            {m.authorKind === 'staff' ? k.t('author.staff', { name: m.authorName }) : m.authorName}{' '}
            <time class="muted" datetime={m.createdAt}>
              {k.time(m.createdAt)}
            </time>
          </h2>
          <p style="white-space:pre-wrap">{m.body}</p>
        </article>
      ))}
      <form method="post" action={`/portal/support/${r.id}/messages`} class="card">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        {p.error && (
          <div class="error-summary" role="alert">
            {p.error}
          </div>
        )}
        <div class="field">
          <label for="f-body">{k.t('support.reply')}</label>
          <textarea id="f-body" name="body" rows={5} required maxlength={10000} />
          {r.status === 'closed' && <p class="hint">{k.t('support.replyReopens')}</p>}
        </div>
        <button class="btn" type="submit">
          {k.t('support.sendReply')}
        </button>
      </form>
      <TimesIn k={k} />
    </>
  );
}
