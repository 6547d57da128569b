import type { Hono } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { readSlaBoard, type SlaBoard } from '../../domain/sla/sla-board.ts';
import type { AppEnv } from '../env.ts';
import { toAppError } from '../errors.ts';
import { formatMoney } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { AtRiskTable, BoardClientsTable, monthLabel } from './sla-board-views.tsx';
import { shell } from './view.ts';

export function registerSlaBoard(app: Hono<AppEnv>) {
  app.get('/admin/sla', async (c) => {
    const asked = c.req.query('month');
    let board: SlaBoard;
    let refused: string | null = null;
    try {
      board = await readSlaBoard(c.var.ctx, c.var.actor, asked ? { month: asked } : {});
    } catch (err) {
      if (toAppError(err)?.code !== 'invalid') throw err;
      // A hand-edited or stale link: show the running month and say why.
      refused = asked ?? '';
      board = await readSlaBoard(c.var.ctx, c.var.actor, {});
    }
    const { timeZone } = await getAgencySettings(c.var.ctx);
    const nowMs = c.var.ctx.clock.now();
    return c.html(
      <Layout title={`SLA · ${monthLabel(board.month)}`} {...shell(c, 'sla')} refreshSeconds={60}>
        <PageHeader
          title="SLA board"
          subtitle={`${monthLabel(board.month)}, each client's month in its own time zone${board.complete ? '' : ' · month to date'}`}
        >
          <a class="btn secondary" href="/admin/sla/calendars">
            Calendars
          </a>
          <a class="btn secondary" href="/admin/sla/policies">
            Policies
          </a>
        </PageHeader>
        {refused !== null && (
          <p class="note" role="status">
            “{refused}” is not a month with figures (YYYY-MM, not in the future); showing {monthLabel(board.month)}.
          </p>
        )}
        <nav class="pager month-nav" aria-label="Month">
          <a href={`/admin/sla?month=${board.previousMonth}`} rel="prev">
            ← {monthLabel(board.previousMonth)}
          </a>
          {board.nextMonth && (
            <a href={`/admin/sla?month=${board.nextMonth}`} rel="next">
              {monthLabel(board.nextMonth)} →
            </a>
          )}
        </nav>
        <Summary board={board} />
        <section aria-labelledby="risk-h">
          <h2 id="risk-h">At risk now</h2>
          <p class="muted small">Running clocks of open incidents past their warning threshold, due soonest first.</p>
          <AtRiskTable clocks={board.atRisk} timeZone={timeZone} nowMs={nowMs} />
        </section>
        <section aria-labelledby="clients-h">
          <h2 id="clients-h">Clients in {monthLabel(board.month)}</h2>
          <p class="muted small">
            Uptime of each client's least available site (maintenance excluded), three decimals rounded down; % within
            target counts incidents that started in the month; credits per the plan's rule, on that site.
          </p>
          <BoardClientsTable board={board} />
        </section>
      </Layout>,
    );
  });
}

function Summary({ board }: { board: SlaBoard }) {
  const s = board.summary;
  return (
    <section aria-label="Summary" class="grid stats">
      <div class="card">
        <div class="stat-label">At risk now</div>
        <div class="stat">{s.atRiskNow}</div>
        <div class="muted small">
          {s.overdueNow > 0 ? `${s.overdueNow} already over target` : 'open incidents past the warning'}
        </div>
      </div>
      <div class="card">
        <div class="stat-label">Breached in {monthLabel(board.month)}</div>
        <div class="stat">{s.breachedThisMonth}</div>
        <div class="muted small">incidents with a target missed</div>
      </div>
      <div class="card">
        <div class="stat-label">Credits due</div>
        <div class="stat">
          {s.creditsDue.length === 0
            ? 'None'
            : s.creditsDue.map((a) => <span class="money-line">{formatMoney(a.amountMinor, a.currency)}</span>)}
        </div>
        <div class="muted small">uptime below the commitment</div>
      </div>
    </section>
  );
}
