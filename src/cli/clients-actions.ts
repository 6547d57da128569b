import { createClient, listClients } from '../domain/clients/clients.ts';
import type { Client } from '../domain/clients/schemas.ts';
import type { Ctx } from '../domain/context.ts';
import { systemActor } from '../domain/context.ts';
import { CliError, explainErrors } from './errors.ts';
import { definedOnly, formatInstant, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

export async function listAllClients(opts: { q?: string; json?: boolean }): Promise<void> {
  const clients = await explainErrors(() => withSession(({ ctx }) => fetchAllClients(ctx, opts.q)));
  if (opts.json) return printJson(clients);
  if (clients.length === 0) {
    return tell(
      opts.q ? `No clients match "${opts.q}".` : 'No clients yet. Add one with: npx steward clients add --name …',
    );
  }
  printTable(
    ['id', 'name', 'locale', 'time zone', 'currency', 'created'],
    clients.map((c) => [c.id, c.name, c.locale, c.timeZone, c.currency, formatInstant(c.createdAt)]),
  );
}

/** Follows the API's pages to the end: a terminal listing shows everything. */
async function fetchAllClients(ctx: Ctx, q: string | undefined): Promise<Client[]> {
  const all: Client[] = [];
  let cursor: string | undefined;
  do {
    const page = await listClients(ctx, definedOnly({ q, cursor, limit: 200 }));
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export type AddClientOptions = {
  name: string;
  locale?: string;
  timeZone?: string;
  currency?: string;
  contactName?: string;
  contactEmail?: string;
  json?: boolean;
};

export async function addClient(opts: AddClientOptions): Promise<void> {
  if ((opts.contactName === undefined) !== (opts.contactEmail === undefined)) {
    throw new CliError('--contact-name and --contact-email go together; give both or neither');
  }
  const input = definedOnly({
    name: opts.name,
    locale: opts.locale,
    timeZone: opts.timeZone,
    currency: opts.currency,
    contacts: opts.contactName ? [{ name: opts.contactName, email: opts.contactEmail }] : undefined,
  });
  const client = await explainErrors(() => withSession(({ ctx }) => createClient(ctx, systemActor, input)), {
    options: { 'contacts.0.name': '--contact-name', 'contacts.0.email': '--contact-email' },
  });
  if (opts.json) return printJson(client);
  console.log(client.id);
  tell(`Added client ${client.name} (${client.locale}, ${client.timeZone}, ${client.currency}).`);
}
