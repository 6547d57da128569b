import { createHash } from 'node:crypto';
import type { Ctx } from '../../domain/context.ts';
import { loadPublicStatus } from '../../domain/statuspage/load-public-status.ts';
import type { PublicPageKey, PublicStatus } from '../../domain/statuspage/public-types.ts';
import { publicStatusVersion } from '../../domain/statuspage/public-version.ts';

export type Rendered = {
  body: string;
  etag: string;
  contentType: string;
  /** Compressed once per rendering, on first request that accepts gzip. */
  gzipped?: Uint8Array;
};

type Entry = {
  stamp: string;
  status: PublicStatus;
  builtAtMs: number;
  /** Renderings of this status (HTML, JSON, feeds, incident pages), by kind and base URL. */
  renderings: Map<string, Rendered>;
};

export type StatusCacheOptions = {
  /** How long a page is served without asking the database whether anything changed. */
  revalidateMs?: number;
  /** How long a page is served at most, even when nothing changed (time moves: days, maintenance). */
  maxAgeMs?: number;
};

const MAX_ENTRIES = 2000;
const MAX_RENDERINGS = 300;

/**
 * Public pages are built once and served from memory. At most once per `revalidateMs` a request
 * checks the page's version stamp (three cheap queries); a changed stamp, or an entry older than
 * `maxAgeMs`, rebuilds it. Concurrent requests share one check and one build.
 */
export function createStatusCache(ctx: Ctx, options: StatusCacheOptions = {}) {
  const revalidateMs = options.revalidateMs ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  // Unknown pages are remembered too (as null), so a flood of requests for one does not reach the database.
  const slots = new Map<string, { entry: Entry | null; checkedAtMs: number }>();
  const inFlight = new Map<string, Promise<Entry | null>>();

  async function refresh(keyText: string, key: PublicPageKey, current: Entry | null): Promise<Entry | null> {
    const nowMs = ctx.clock.now();
    const stamp = await publicStatusVersion(ctx, key);
    let entry: Entry | null = null;
    if (stamp !== undefined && current && current.stamp === stamp && nowMs - current.builtAtMs < maxAgeMs) {
      entry = current;
    } else if (stamp !== undefined) {
      const status = await loadPublicStatus(ctx, key, nowMs);
      if (status) entry = { stamp, status, builtAtMs: nowMs, renderings: new Map() };
    }
    if (slots.size >= MAX_ENTRIES && !slots.has(keyText)) slots.clear();
    slots.set(keyText, { entry, checkedAtMs: nowMs });
    return entry;
  }

  /** The current public status for a key, or null when no published page answers to it. */
  async function status(key: PublicPageKey): Promise<Entry | null> {
    const keyText = 'slug' in key ? `slug:${key.slug}` : `host:${key.host}`;
    const slot = slots.get(keyText);
    if (slot && ctx.clock.now() - slot.checkedAtMs < revalidateMs) return slot.entry;
    let pending = inFlight.get(keyText);
    if (!pending) {
      pending = refresh(keyText, key, slot?.entry ?? null).finally(() => inFlight.delete(keyText));
      inFlight.set(keyText, pending);
    }
    return pending;
  }

  /**
   * A rendering of the page's current status, built once per status and kind. Null when there is
   * no page, or when `build` finds nothing to show (an unknown incident): those are not kept.
   */
  async function render(
    key: PublicPageKey,
    kind: string,
    build: (status: PublicStatus) => { body: string; contentType: string } | null,
  ): Promise<Rendered | null> {
    const entry = await status(key);
    if (!entry) return null;
    let rendered = entry.renderings.get(kind);
    if (!rendered) {
      const out = build(entry.status);
      if (!out) return null;
      rendered = { ...out, etag: etagOf(entry.stamp, out.body) };
      if (entry.renderings.size >= MAX_RENDERINGS) entry.renderings.clear();
      entry.renderings.set(kind, rendered);
    }
    return rendered;
  }

  return { status, render };
}

export type StatusCache = ReturnType<typeof createStatusCache>;

const etagOf = (stamp: string, body: string) =>
  `"${createHash('sha256').update(stamp).update(body).digest('base64url').slice(0, 27)}"`;
