import { getClient } from '../domain/clients/clients.ts';
import { type Ctx, systemActor } from '../domain/context.ts';
import { createSite, listSites, type Site } from '../domain/sites/sites.ts';
import { type Explanations, explainErrors } from './errors.ts';
import { definedOnly, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const explainFor = (clientId: string | undefined): Explanations => ({
  options: { clientId: '--client' },
  notFound: `there is no client ${clientId}; \`npx steward clients list\` shows them`,
});

export async function listAllSites(opts: { client?: string; json?: boolean }): Promise<void> {
  const { sites, clientNames } = await explainErrors(
    () => withSession(({ ctx }) => loadSitesWithClientNames(ctx, opts.client)),
    explainFor(opts.client),
  );
  if (opts.json) return printJson(sites);
  if (sites.length === 0) {
    return tell(
      opts.client ? `No sites for client ${opts.client}.` : 'No sites yet. Add one with: npx steward sites add …',
    );
  }
  printTable(
    ['id', 'name', 'url', 'cms', 'client', 'plan'],
    sites.map((s) => [
      s.id,
      s.name,
      s.url,
      s.cms,
      clientNames.get(s.clientId) ?? s.clientId,
      s.plan ? `${s.plan.planName} v${s.plan.planVersion}` : '–',
    ]),
  );
}

async function loadSitesWithClientNames(ctx: Ctx, clientId: string | undefined) {
  // An unknown client is a typo to report, not an empty list.
  if (clientId) await getClient(ctx, clientId);
  const sites: Site[] = [];
  let cursor: string | undefined;
  do {
    // Follows the API's pages to the end: a terminal listing shows everything.
    const page = await listSites(ctx, definedOnly({ clientId, cursor, limit: 200 }));
    sites.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const clients = await Promise.all([...new Set(sites.map((s) => s.clientId))].map((id) => getClient(ctx, id)));
  return { sites, clientNames: new Map(clients.map((c) => [c.id, c.name])) };
}

export type AddSiteOptions = { client: string; url: string; name?: string; cms: string; json?: boolean };

export async function addSite(opts: AddSiteOptions): Promise<void> {
  const input = definedOnly({ clientId: opts.client, url: opts.url, name: opts.name, cms: opts.cms });
  const site = await explainErrors(
    () => withSession(({ ctx }) => createSite(ctx, systemActor, input)),
    explainFor(opts.client),
  );
  if (opts.json) return printJson(site);
  console.log(site.id);
  tell(`Added site ${site.name} at ${site.url}.`);
}
