import { notFound } from '../../errors.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../shared/pagination.ts';
import { parseInput } from '../shared/validation.ts';
import { type Contract, type ContractRow, listContractsQuerySchema, toContract } from './schemas.ts';

function selectContracts(db: Executor) {
  return db
    .selectFrom('contracts')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .selectAll('contracts')
    .select([
      'plans.id as plan_id',
      'plans.code as plan_code',
      'plan_versions.name as plan_name',
      'plan_versions.version as plan_version',
    ]);
}

async function withAddons(db: Executor, rows: ContractRow[]): Promise<Contract[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('contract_addons')
    .select(['contract_id', 'addon_id'])
    .where(
      'contract_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('addon_id')
    .execute();
  return rows.map((r) =>
    toContract(
      r,
      links.filter((l) => l.contract_id === r.id).map((l) => l.addon_id),
    ),
  );
}

export async function findContract(db: Executor, id: string): Promise<Contract> {
  const row = await selectContracts(db).where('contracts.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contract');
  const [contract] = await withAddons(db, [row]);
  return contract as Contract;
}

export const getContract = (ctx: Ctx, id: string) => findContract(ctx.db, id);

export async function listContracts(ctx: Ctx, query: unknown = {}): Promise<Page<Contract>> {
  const { limit, cursor } = parseInput(pageQuerySchema, query);
  const f = parseInput(listContractsQuerySchema, query);
  const after = decodeCursor(cursor);
  let sel = selectContracts(ctx.db);
  if (f.clientId) sel = sel.where('contracts.client_id', '=', f.clientId);
  if (f.status) sel = sel.where('contracts.status', '=', f.status);
  if (after) {
    sel = sel.where((eb) =>
      eb.or([
        eb('contracts.created_at', '>', after.createdAt),
        eb.and([eb('contracts.created_at', '=', after.createdAt), eb('contracts.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await sel
    .orderBy('contracts.created_at')
    .orderBy('contracts.id')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (r) => r);
  return { data: await withAddons(ctx.db, page.data), nextCursor: page.nextCursor };
}
