import type { Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import type { CurrencyAmount } from '../../domain/contracts/summarize-contracts.ts';
import { type Dashboard, readDashboard } from '../../domain/dashboard/read-dashboard.ts';
import type { AppEnv } from '../env.ts';
import { formatDay, formatMoney } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { canManage, shell } from './view.ts';

export function registerDashboard(app: Hono<AppEnv>) {
  app.get('/admin', async (c) => {
    const [dashboard, settings] = await Promise.all([readDashboard(c.var.ctx), getAgencySettings(c.var.ctx)]);
    return c.html(
      <Layout title="Dashboard" {...shell(c, 'dashboard')}>
        <PageHeader title={settings.name} subtitle="Overview of clients, sites and contracts">
          <a class="btn" href="/admin/clients/new">
            New client
          </a>
        </PageHeader>
        <Stats d={dashboard} currency={settings.defaultCurrency} />
        <div class="columns">
          <RecentClients d={dashboard} timeZone={settings.timeZone} />
          <QuickLinks manage={canManage(c)} />
        </div>
      </Layout>,
    );
  });
}

/** One line per currency; currencies are never added together. */
function Money(p: { amounts: CurrencyAmount[]; emptyCurrency: string }) {
  if (p.amounts.length === 0) return <span>{formatMoney(0, p.emptyCurrency)}</span>;
  return (
    <>
      {p.amounts.map((a) => (
        <span class="money-line">{formatMoney(a.amountMinor, a.currency)}</span>
      ))}
    </>
  );
}

function Stats({ d, currency }: { d: Dashboard; currency: string }) {
  const s = d.contracts.liveByStatus;
  return (
    <section aria-label="Key figures" class="grid stats">
      <div class="card">
        <div class="stat-label">Active clients</div>
        <div class="stat">{d.activeClients}</div>
        <a class="small" href="/admin/clients">
          See the list
        </a>
      </div>
      <div class="card">
        <div class="stat-label">Sites</div>
        <div class="stat">{d.sites}</div>
        <div class="muted small">Live sites of active clients</div>
      </div>
      <div class="card">
        <div class="stat-label">Live contracts</div>
        <div class="stat">{s.trial + s.active + s.cancelling}</div>
        <div class="muted small">
          {s.active} active · {s.trial} trial · {s.cancelling} cancelling
        </div>
      </div>
      <div class="card">
        <div class="stat-label">Monthly recurring revenue</div>
        <div class="stat">
          <Money amounts={d.contracts.mrr} emptyCurrency={currency} />
        </div>
        <div class="muted small">
          Active and cancelling contracts; annual prices ÷ 12.
          {d.contracts.trialMrr.length > 0 && (
            <>
              {' '}
              In trial:{' '}
              {d.contracts.trialMrr.map((a, i) => (
                <>
                  {i > 0 && ', '}
                  {formatMoney(a.amountMinor, a.currency)}
                </>
              ))}
              .
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function RecentClients({ d, timeZone }: { d: Dashboard; timeZone: string }) {
  return (
    <section class="card" aria-labelledby="recent-h">
      <h2 id="recent-h">Recent clients</h2>
      {d.recentClients.length === 0 ? (
        <p class="muted">
          No clients yet. <a href="/admin/clients/new">Add your first client</a>.
        </p>
      ) : (
        <ul class="plain-list">
          {d.recentClients.map(({ client, plan }) => (
            <li>
              <a href={`/admin/clients/${client.id}`}>{client.name}</a>{' '}
              <span class="badge">
                {plan ? `${plan.planName}${plan.contractStatus === 'trial' ? ' (trial)' : ''}` : 'No plan'}
              </span>
              <span class="muted small"> · added {formatDay(client.createdAt, timeZone)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/admin/clients">All clients →</a>
      </p>
    </section>
  );
}

function QuickLinks({ manage }: { manage: boolean }) {
  return (
    <nav class="card" aria-labelledby="quick-h">
      <h2 id="quick-h">Quick links</h2>
      <ul class="plain-list">
        <li>
          <a href="/admin/clients/new">Add a client and their sites</a>
        </li>
        <li>
          <a href="/admin/plans">{manage ? 'Edit plans and prices' : 'See plans and prices'}</a>
        </li>
        <li>
          <a href="/admin/users">{manage ? 'Manage users' : 'Users'}</a>
        </li>
        <li>
          <a href="/admin/tokens">API tokens</a>
        </li>
        <li>
          <a href="/admin/settings">Agency settings</a>
        </li>
        <li>
          <a href="/api/v1/openapi.json">API reference (OpenAPI)</a>
        </li>
      </ul>
    </nav>
  );
}
