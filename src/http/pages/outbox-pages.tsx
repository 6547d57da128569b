import type { Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import {
  listAlertOutbox,
  listMailMessages,
  type MailMessage,
  type OutboxAlert,
} from '../../domain/alerts/read-outbox.ts';
import type { AppEnv } from '../env.ts';
import { formatDateTime } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { formatRecent } from './monitors-bits.tsx';
import { shell } from './view.ts';

const PAGE_SIZE = 50;
const STATUS_BADGE: Record<string, string> = {
  pending: 'badge warn',
  sent: 'badge ok',
  failed: 'badge err strong',
  cancelled: 'badge',
};
const STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;

export function registerOutboxPages(app: Hono<AppEnv>) {
  app.get('/admin/outbox', async (c) => {
    const status = STATUSES.find((s) => s === c.req.query('status'));
    const alertCursor = c.req.query('alerts') || undefined;
    const mailCursor = c.req.query('mail') || undefined;
    // A stale cursor from an old link just shows the first page.
    const [alerts, mail, settings] = await Promise.all([
      listAlertOutbox(c.var.ctx, { limit: PAGE_SIZE, status, cursor: alertCursor }).catch(() =>
        listAlertOutbox(c.var.ctx, { limit: PAGE_SIZE, status }),
      ),
      listMailMessages(c.var.ctx, { limit: 20, cursor: mailCursor }).catch(() =>
        listMailMessages(c.var.ctx, { limit: 20 }),
      ),
      getAgencySettings(c.var.ctx),
    ]);
    const tz = settings.timeZone;
    const link = (q: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ status, ...q })) if (v) params.set(k, v);
      return `/admin/outbox${params.size ? `?${params}` : ''}`;
    };
    return c.html(
      <Layout title="Outbox" {...shell(c, 'outbox')} refreshSeconds={30}>
        <PageHeader
          title="Outbox"
          subtitle="Every alert Steward queued, and where it stands. Failed deliveries are retried with backoff."
        />
        <nav aria-label="Filter by status">
          <ul class="tabs">
            <li>
              <a href="/admin/outbox" aria-current={status ? undefined : 'page'}>
                All
              </a>
            </li>
            {STATUSES.map((s) => (
              <li>
                <a href={`/admin/outbox?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                  {s[0]?.toUpperCase()}
                  {s.slice(1)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <AlertsTable alerts={alerts.data} timeZone={tz} nowMs={c.var.ctx.clock.now()} />
        {alerts.nextCursor && (
          <nav class="pager" aria-label="Alert pages">
            {alertCursor && <a href={link({})}>← Newest</a>}
            <a href={link({ alerts: alerts.nextCursor })} rel="next">
              Older →
            </a>
          </nav>
        )}
        <h2 id="mail-h">E-mail</h2>
        <p class="muted">
          Without an SMTP server (STEWARD_SMTP_URL), alert e-mails are stored here instead of being sent.
        </p>
        <MailList mail={mail.data} timeZone={tz} />
        {mail.nextCursor && (
          <nav class="pager" aria-label="E-mail pages">
            <a href={`${link({ mail: mail.nextCursor })}#mail-h`} rel="next">
              Older e-mails →
            </a>
          </nav>
        )}
      </Layout>,
    );
  });
}

function AlertsTable(p: { alerts: OutboxAlert[]; timeZone: string; nowMs: number }) {
  const t = (iso: string | null) => formatRecent(iso, p.timeZone, p.nowMs);
  if (p.alerts.length === 0) return <p class="card muted">No alerts here.</p>;
  return (
    <table class="stack">
      <caption class="sr-only">Alert deliveries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Attempts
          </th>
          <th scope="col">Queued</th>
          <th scope="col">Sent · next try</th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {p.alerts.map((a) => (
          <tr>
            <td data-label="Alert">
              {a.incidentId ? <a href={`/admin/incidents/${a.incidentId}`}>{a.summary}</a> : a.summary}
              <div class="muted small">{a.eventKind}</div>
            </td>
            <td data-label="Channel">
              {a.channel.name}
              <div class="muted small">{a.channel.kind}</div>
            </td>
            <td data-label="Status">
              <span class={STATUS_BADGE[a.status] ?? 'badge'}>{a.status}</span>
            </td>
            <td data-label="Attempts" class="num">
              {a.attempts}
            </td>
            <td data-label="Queued">{t(a.createdAt)}</td>
            <td data-label="Sent · next try">
              {a.sentAt ? t(a.sentAt) : a.nextAttemptAt ? `next ${t(a.nextAttemptAt)}` : '–'}
            </td>
            <td data-label="Last error" class="small">
              {a.lastError ?? '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MailList(p: { mail: MailMessage[]; timeZone: string }) {
  if (p.mail.length === 0) return <p class="card muted">No e-mail yet.</p>;
  return (
    <ul class="plain-list card">
      {p.mail.map((m) => (
        <li>
          <details>
            <summary>
              <strong>{m.subject}</strong>{' '}
              <span class="muted small">
                to {m.to} · {formatDateTime(m.createdAt, p.timeZone)}
              </span>{' '}
              <span class={m.status === 'stored' ? 'badge warn' : 'badge ok'}>{m.status}</span>
            </summary>
            <pre class="mail-body">{m.textBody}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
