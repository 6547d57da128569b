import { DateTime } from 'luxon';

// Business time under a calendar. An instant counts when its local wall time (in the calendar's
// zone) falls inside one of that weekday's ranges and its local date is not a holiday. So a range
// over a skipped DST hour is shortened and one over a repeated hour counts each real minute once.
// All maths is on epoch milliseconds; nothing reads the machine's zone or clock.

/** ISO weekday (1 = Monday … 7 = Sunday) → ranges of 'HH:MM' local time; an end may be '24:00'. */
export type WeeklyHours = Record<number, Array<[string, string]>>;

export type BusinessCalendar =
  | { kind: '24x7' }
  | { kind: 'business'; timeZone: string; weekly: WeeklyHours; holidays: ReadonlySet<string> };

export type Span = { startMs: number; endMs: number };

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far a due time is searched for before the calendar is taken to have no usable hours. */
const MAX_SCAN_DAYS = 3 * 366;

export function parseHhMm(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a HH:MM time: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const daySpanCache = new WeakMap<object, Map<number, Span[]>>();

/**
 * The business spans of one local day, given as the UTC midnight of its wall date. Cached per
 * calendar object because compliance reports walk the same days for many incidents.
 */
function businessSpansOfDay(cal: Extract<BusinessCalendar, { kind: 'business' }>, wallMidnightMs: number): Span[] {
  let cache = daySpanCache.get(cal);
  if (!cache) {
    cache = new Map();
    daySpanCache.set(cal, cache);
  }
  const hit = cache.get(wallMidnightMs);
  if (hit) return hit;
  const spans = computeDaySpans(cal, wallMidnightMs);
  cache.set(wallMidnightMs, spans);
  return spans;
}

function computeDaySpans(cal: Extract<BusinessCalendar, { kind: 'business' }>, wallMidnightMs: number): Span[] {
  const date = new Date(wallMidnightMs);
  const isoDate = date.toISOString().slice(0, 10);
  const weekday = ((date.getUTCDay() + 6) % 7) + 1;
  const ranges = cal.weekly[weekday] ?? [];
  if (ranges.length === 0 || cal.holidays.has(isoDate)) return [];
  const dayStartMs = localMidnight(isoDate, cal.timeZone);
  const nextDayStartMs = localMidnight(new Date(wallMidnightMs + DAY_MS).toISOString().slice(0, 10), cal.timeZone);
  const spans: Span[] = [];
  for (const segment of offsetSegments(cal.timeZone, dayStartMs, nextDayStartMs)) {
    for (const [from, to] of ranges) {
      const startMs = Math.max(segment.startMs, wallMidnightMs + parseHhMm(from) * MIN_MS - segment.offsetMs);
      const endMs = Math.min(segment.endMs, wallMidnightMs + parseHhMm(to) * MIN_MS - segment.offsetMs);
      if (startMs < endMs) spans.push({ startMs, endMs });
    }
  }
  return mergeSpans(spans);
}

/** The first instant of a local date (a midnight skipped by DST moves to the first valid instant). */
function localMidnight(isoDate: string, timeZone: string): number {
  return DateTime.fromISO(`${isoDate}T12:00`, { zone: timeZone }).startOf('day').toMillis();
}

const offsetAt = (timeZone: string, ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).offset * MIN_MS;

/** [start, end) split where the zone's UTC offset changes (at most once a day in practice). */
function offsetSegments(timeZone: string, startMs: number, endMs: number) {
  const first = offsetAt(timeZone, startMs);
  const last = offsetAt(timeZone, endMs - 1);
  if (first === last) return [{ startMs, endMs, offsetMs: first }];
  let lo = startMs;
  let hi = endMs - 1; // offset(lo) = first, offset(hi) ≠ first
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid) === first) lo = mid;
    else hi = mid;
  }
  return [
    { startMs, endMs: hi, offsetMs: first },
    { startMs: hi, endMs, offsetMs: last },
  ];
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.startMs < s.endMs).sort((a, b) => a.startMs - b.startMs);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ ...s });
  }
  return out;
}

/** Business spans, day by day from the local day containing fromMs, clipped to [fromMs, ∞). */
function* businessSpansFrom(cal: BusinessCalendar, fromMs: number, maxDays: number): Generator<Span> {
  if (cal.kind === '24x7') {
    yield { startMs: fromMs, endMs: Number.POSITIVE_INFINITY };
    return;
  }
  const local = DateTime.fromMillis(fromMs, { zone: cal.timeZone });
  let wallMidnightMs = Date.UTC(local.year, local.month - 1, local.day) - DAY_MS; // a day early: DST edges
  for (let i = 0; i <= maxDays + 1; i += 1, wallMidnightMs += DAY_MS) {
    for (const span of businessSpansOfDay(cal, wallMidnightMs)) {
      if (span.endMs <= fromMs) continue;
      yield { startMs: Math.max(span.startMs, fromMs), endMs: span.endMs };
    }
  }
}

/** The parts of `span` outside the (merged, sorted) pauses. */
function* withoutPauses(span: Span, pauses: Span[]): Generator<Span> {
  let cursor = span.startMs;
  for (const p of pauses) {
    if (p.endMs <= cursor) continue;
    if (p.startMs >= span.endMs) break;
    if (p.startMs > cursor) yield { startMs: cursor, endMs: p.startMs };
    cursor = Math.max(cursor, p.endMs);
    if (cursor >= span.endMs) return;
  }
  if (cursor < span.endMs) yield { startMs: cursor, endMs: span.endMs };
}

/** Business milliseconds in [fromMs, toMs), not counting time inside pauses. */
export function businessMsBetween(cal: BusinessCalendar, fromMs: number, toMs: number, pauses: Span[] = []): number {
  if (toMs <= fromMs) return 0;
  const merged = mergeSpans(pauses);
  const days = Math.ceil((toMs - fromMs) / DAY_MS) + 1;
  let total = 0;
  for (const span of businessSpansFrom(cal, fromMs, days)) {
    if (span.startMs >= toMs) break;
    for (const part of withoutPauses({ startMs: span.startMs, endMs: Math.min(span.endMs, toMs) }, merged)) {
      total += part.endMs - part.startMs;
    }
  }
  return total;
}

/**
 * The due time: the first instant at which the business time since startMs (outside pauses)
 * reaches targetMs. Null when the calendar offers no such time within three years.
 */
export function addBusinessMs(cal: BusinessCalendar, startMs: number, targetMs: number, pauses: Span[] = []) {
  const merged = mergeSpans(pauses);
  let remainingMs = targetMs;
  if (remainingMs <= 0) return startMs;
  for (const span of businessSpansFrom(cal, startMs, MAX_SCAN_DAYS)) {
    for (const part of withoutPauses(span, merged)) {
      const lengthMs = part.endMs - part.startMs;
      if (remainingMs <= lengthMs) return part.startMs + remainingMs;
      remainingMs -= lengthMs;
    }
  }
  return null;
}
