import { listPlans } from '../domain/plans/read-plans.ts';
import { PLAN_COLUMNS, planRow } from './format-plan.ts';
import { printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

export async function listAllPlans(opts: { json?: boolean; all?: boolean }): Promise<void> {
  const plans = await withSession(({ ctx }) => listPlans(ctx, { archived: opts.all ? 'all' : 'false' }));
  if (opts.json) return printJson(plans);
  if (plans.length === 0) return tell('No plans. Add one in the console under Plans.');
  printTable(
    PLAN_COLUMNS,
    plans.map((p) => {
      const row = planRow(p);
      if (p.archivedAt) row[1] = `${row[1]} (archived)`;
      return row;
    }),
  );
}
