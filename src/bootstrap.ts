import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { ensureAgencySettings, getAgencySettings } from './domain/agency/settings.ts';
import type { Ctx } from './domain/context.ts';
import { seedDefaultPlans } from './domain/plans/change-plans.ts';
import { openStorage, type Storage } from './storage/database.ts';
import { migrateToLatest } from './storage/migrate.ts';

export function openStorageFor(config: Pick<Config, 'databaseUrl' | 'sqlitePath'>): Storage {
  return config.databaseUrl
    ? openStorage({ kind: 'postgres', url: config.databaseUrl })
    : openStorage({ kind: 'sqlite', file: config.sqlitePath });
}

/** Migrations, the settings row and the default plan catalogue: everything a first start needs. */
export async function prepareStorage(storage: Storage, clock: Clock = systemClock): Promise<Ctx> {
  await migrateToLatest(storage.db);
  const ctx: Ctx = { db: storage.db, clock };
  await ensureAgencySettings(ctx);
  const settings = await getAgencySettings(ctx);
  await seedDefaultPlans(ctx, settings.defaultCurrency, settings.timeZone);
  return ctx;
}
