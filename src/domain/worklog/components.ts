import type { Actor, Ctx } from '../context.ts';

// STUB (owned by the components helper): replaced by the real use cases.

export type SiteComponentView = {
  id: string;
  siteId: string;
  kind: 'core' | 'plugin' | 'theme' | 'other';
  name: string;
  installedVersion: string;
  latestVersion: string | null;
  security: boolean;
  updatePending: boolean;
  pendingSince: string | null;
  updatedAt: string;
};

/**
 * Upserts a site's components from a list ({kind, name, installedVersion, latestVersion?, security?}).
 * With replace: true, components not in the list are marked removed (a full inventory from a connector).
 */
export async function syncSiteComponents(
  _ctx: Ctx,
  _actor: Actor,
  _siteId: string,
  _input: unknown,
  _opts: { replace: boolean },
): Promise<SiteComponentView[]> {
  throw new Error('not implemented');
}

/**
 * Called by the worklog when an `update` entry for a site is saved (inside its transaction): the
 * component's installed version becomes toVersion (created if unknown), clearing a pending update.
 */
export async function noteComponentUpdated(
  _db: import('../../storage/schema.ts').Executor,
  _v: { siteId: string; kind: 'core' | 'plugin' | 'theme' | 'other'; name: string; toVersion: string; atMs: number },
): Promise<void> {
  // STUB: a no-op until the components helper implements it.
}
