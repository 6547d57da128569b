import type { Hono } from 'hono';
import { getStatusPage } from '../../domain/statuspage/read-pages.ts';
import { listStatusPageSubscribers, removeStatusPageSubscriber } from '../../domain/statuspage/subscribers-admin.ts';
import type { AppEnv } from '../env.ts';
import { readForm } from './form.ts';
import { ActionButton } from './form-controls.tsx';
import { Layout, PageHeader } from './layout.tsx';
import { setFlash } from './session.ts';
import { canManage, shell } from './view.ts';

const STATUS_LABEL = { pending: 'Waiting for confirmation', confirmed: 'Confirmed', unsubscribed: 'Unsubscribed' };

/** A status page's e-mail subscribers: counts, the list, and removal (owners and admins). */
export function registerSubscriberPages(app: Hono<AppEnv>) {
  app.get('/admin/status-pages/:id/subscribers', async (c) => {
    const page = await getStatusPage(c.var.ctx, c.req.param('id'));
    const list = await listStatusPageSubscribers(c.var.ctx, c.var.actor, page.id);
    const manage = canManage(c);
    return c.html(
      <Layout title={`Subscribers: ${page.title}`} {...shell(c, 'status')}>
        <PageHeader
          title={`Subscribers of ${page.title}`}
          subtitle="People who asked for e-mail updates on the public page. Only confirmed subscribers are mailed."
        >
          <a href={`/admin/status-pages/${page.id}`}>← {page.title}</a>
        </PageHeader>
        <section class="card" aria-labelledby="subscribers-h">
          <h2 id="subscribers-h">
            {list.counts.confirmed} confirmed · {list.counts.pending} waiting · {list.counts.unsubscribed} unsubscribed
          </h2>
          {list.data.length === 0 ? (
            <p class="muted">Nobody has subscribed yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">Status</th>
                  <th scope="col">Language</th>
                  <th scope="col">Since</th>
                  {manage && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.map((s) => (
                  <tr>
                    <td>{s.email}</td>
                    <td>{STATUS_LABEL[s.status]}</td>
                    <td>{s.language}</td>
                    <td>{(s.confirmedAt ?? s.createdAt).slice(0, 10)}</td>
                    {manage && (
                      <td>
                        <ActionButton
                          action={`/admin/status-pages/${page.id}/subscribers/${s.id}/remove`}
                          csrfToken={c.var.csrfToken}
                          label="Remove"
                          variant="danger"
                          ariaLabel={`Remove ${s.email}`}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </Layout>,
    );
  });

  app.post('/admin/status-pages/:id/subscribers/:subscriberId/remove', async (c) => {
    await readForm(c);
    const id = c.req.param('id');
    await removeStatusPageSubscriber(c.var.ctx, c.var.actor, id, c.req.param('subscriberId'));
    setFlash(c, 'Subscriber removed.');
    return c.redirect(`/admin/status-pages/${id}/subscribers`, 303);
  });
}
