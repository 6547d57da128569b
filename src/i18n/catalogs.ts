import type { Catalog } from './catalog.ts';
import { portalCatalog } from './portal.ts';
import { portalAuthCatalog } from './portal-auth.ts';
import { statusPageCatalog } from './status-page.ts';

/** Every catalog, so one test can check that each language has each key. Areas add theirs here. */
export const ALL_CATALOGS: Array<Catalog<string>> = [portalAuthCatalog, portalCatalog, statusPageCatalog];
