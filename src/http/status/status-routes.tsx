import { gzipSync } from 'node:zlib';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Ctx } from '../../domain/context.ts';
import { isOurDomain } from '../../domain/statuspage/is-our-domain.ts';
import type { PublicPageKey, PublicStatus } from '../../domain/statuspage/public-types.ts';
import type { AppEnv } from '../env.ts';
import { requestedHost, requestScheme, trustedProxyList } from './request-host.ts';
import { createStatusCache, type StatusCacheOptions } from './status-cache.ts';
import { renderAtom, renderRss } from './status-feeds.ts';
import { renderStatusJson } from './status-json.ts';
import { IncidentPageView, StatusPageView } from './status-page.tsx';
import { createSubscribeHandler, type SubscribeDeps } from './subscribe-routes.tsx';

export type StatusRouteDeps = {
  ctx: Ctx;
  publicUrl?: string;
  trustProxy?: boolean;
  /** Peers whose X-Forwarded-Host is believed (STEWARD_TRUSTED_PROXIES). */
  trustedProxies?: string[];
  statusCache?: StatusCacheOptions;
  /** Subscription confirmations (subscribe-routes.tsx); mail is only logged without it. */
  sendMail?: SubscribeDeps['sendMail'];
  logger?: SubscribeDeps['logger'];
};

type View = { kind: 'html' | 'json' | 'atom' | 'rss' } | { kind: 'incident'; publicId: string };

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  incident: 'text/html; charset=utf-8',
};

// No scripts, no frames on a public page: only its own styles, the agency's images, and the
// subscription form posting to the page itself.
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; base-uri 'none'; form-action 'self'";
const HOST_TTL_MS = 5000;
const MAX_HOSTS = 5000;

/**
 * Public status pages: /status/<slug>/… on Steward's own address, and the same pages at the root
 * of every custom domain attached to a page (routing by Host, or X-Forwarded-Host from a trusted
 * proxy). Plus the "is this domain ours?" answer for Caddy's on-demand TLS.
 */
export function createStatusRoutes(deps: StatusRouteDeps) {
  const cache = createStatusCache(deps.ctx, deps.statusCache);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);
  const ownHost = deps.publicUrl ? new URL(deps.publicUrl).hostname.toLowerCase() : undefined;
  const hosts = new Map<string, { attached: boolean; checkedAtMs: number }>();
  const subscriptions = createSubscribeHandler(deps);

  async function isAttached(host: string): Promise<boolean> {
    const nowMs = deps.ctx.clock.now();
    const known = hosts.get(host);
    if (known && nowMs - known.checkedAtMs < HOST_TTL_MS) return known.attached;
    const attached = await isOurDomain(deps.ctx, host);
    if (hosts.size >= MAX_HOSTS) hosts.clear();
    hosts.set(host, { attached, checkedAtMs: nowMs });
    return attached;
  }

  const origin = (c: Context, host: string | null) =>
    `${requestScheme(c, proxies, deps.trustProxy ?? false)}://${host ?? new URL(c.req.url).host}`;

  async function respond(c: Context, key: PublicPageKey, home: string, base: string, view: View) {
    const kindKey = view.kind === 'incident' ? `incident:${view.publicId}` : view.kind;
    const rendered = await cache.render(key, `${kindKey}|${base}`, (status) => build(status, view, home, base));
    if (!rendered) return notFound(c);
    // A page with 90 days of bars per component is large and mostly repetitive markup: gzip it
    // once per rendering (kept with it in the cache), not once per request. Each encoding has its
    // own ETag, as HTTP caches expect of variants.
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const etag = gzip ? rendered.etag.replace(/"$/, '-gz"') : rendered.etag;
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Cache-Control', 'public, max-age=15');
    c.header('X-Content-Type-Options', 'nosniff');
    if (view.kind === 'html' || view.kind === 'incident') c.header('Content-Security-Policy', CSP);
    const sent = c.req.header('if-none-match');
    if (sent?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
    c.header('Content-Type', rendered.contentType);
    if (!gzip) return c.body(rendered.body, 200);
    rendered.gzipped ??= gzipSync(rendered.body);
    c.header('Content-Encoding', 'gzip');
    return c.body(rendered.gzipped as Uint8Array<ArrayBuffer>, 200);
  }

  const customDomains: MiddlewareHandler<AppEnv> = async (c, next) => {
    const host = requestedHost(c, proxies);
    if (host === null || host === ownHost || !(await isAttached(host))) return next();
    // A custom domain shows its status page and nothing else: never the console or the API.
    const subscription = await subscriptions(c, { host }, '', origin(c, host), c.req.path);
    if (subscription) return subscription;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
      return c.text('Method not allowed', 405, { Allow: 'GET, HEAD' });
    const view = viewOf(c.req.path);
    if (!view) return notFound(c);
    return respond(c, { host }, '', origin(c, host), view);
  };

  const routes = new Hono<AppEnv>();
  routes.get('/.well-known/steward/domain-check', async (c) => {
    const domain = c.req.query('domain') ?? '';
    return (await isOurDomain(deps.ctx, domain)) ? c.text('ok', 200) : c.text('unknown domain', 404);
  });
  routes.get('/status/:slug/*', (c) => slugRoute(c));
  routes.get('/status/:slug', (c) => slugRoute(c));
  routes.post('/status/:slug/*', (c) => slugRoute(c));

  async function slugRoute(c: Context) {
    const slug = c.req.param('slug') ?? '';
    const home = `/status/${slug}`;
    const base = `${deps.publicUrl?.replace(/\/+$/, '') ?? origin(c, null)}${home}`;
    const subscription = await subscriptions(c, { slug }, home, base, c.req.path.slice(home.length));
    if (subscription) return subscription;
    const view = c.req.method === 'POST' ? undefined : viewOf(c.req.path.slice(home.length) || '/');
    if (!view) return notFound(c);
    return respond(c, { slug }, home, base, view);
  }

  return { customDomains, routes };
}

/** The sub-paths of a page, the same under /status/<slug> and at the root of a custom domain. */
function viewOf(path: string): View | undefined {
  if (path === '/' || path === '') return { kind: 'html' };
  if (path === '/status.json') return { kind: 'json' };
  if (path === '/feed.atom') return { kind: 'atom' };
  if (path === '/feed.rss') return { kind: 'rss' };
  const incident = /^\/incidents\/(inc-[0-9a-f]{24})$/.exec(path);
  return incident ? { kind: 'incident', publicId: incident[1] as string } : undefined;
}

function build(status: PublicStatus, view: View, home: string, base: string) {
  const links = { home };
  const contentType = CONTENT_TYPES[view.kind];
  switch (view.kind) {
    case 'html':
      return { contentType, body: `<!doctype html>${StatusPageView({ status, links })}` };
    case 'json':
      return { contentType, body: renderStatusJson(status, base) };
    case 'atom':
      return { contentType, body: renderAtom(status, base) };
    case 'rss':
      return { contentType, body: renderRss(status, base) };
    case 'incident': {
      const incident = [...status.activeIncidents, ...status.pastIncidents].find((i) => i.publicId === view.publicId);
      if (!incident) return null;
      return { contentType, body: `<!doctype html>${IncidentPageView({ status, incident, links })}` };
    }
  }
}

function notFound(c: Context) {
  c.header('Cache-Control', 'no-store');
  return c.html(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head><body><main><h1>Not found</h1><p>There is no status page here.</p></main></body></html>',
    404,
  );
}
