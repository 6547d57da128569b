import { z } from 'zod';
import { ceilHour, floorHour } from '../monitoring/rollups-time.ts';
import { invalidField } from '../shared/validation.ts';
import { MONTH_PATTERN, monthOf, monthWindow } from './month-window.ts';

// The time frame of a monthly compliance report: which month, which part of it is measured, and
// "as of" when its clocks are read.

/** The earliest zone on Earth (UTC+14): a month has started somewhere once it has started here. */
const EARLIEST_ZONE = 'Pacific/Kiritimati';
const FIRST_YEAR = 2000;

export const monthSchema = z.string().regex(MONTH_PATTERN, 'must be a month as YYYY-MM');

/** Refuses a month that has not started in any zone yet, or one before Steward could have data. */
export function checkReportableMonth(month: string, nowMs: number, path = 'month'): void {
  if (Number(month.slice(0, 4)) < FIRST_YEAR) throw invalidField(path, `must be ${FIRST_YEAR}-01 or later`);
  if (monthWindow(month, EARLIEST_ZONE).fromMs > nowMs) throw invalidField(path, 'is in the future');
}

export type MonthFrame = {
  month: string;
  /** The calendar month in the client's zone, [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /**
   * When the month's figures are read: its end, or now while it runs. Clocks still running at
   * that instant are reported as open; a clock stopped later (an acknowledgement or resolution
   * recorded after the month) counts with its final figures. So a past month depends only on
   * stored history, never on when it is computed.
   */
  asOfMs: number;
  /** False while the month is still running (the figures are month to date). */
  complete: boolean;
};

export function monthFrame(month: string, timeZone: string, nowMs: number): MonthFrame {
  const { fromMs, toMs } = monthWindow(month, timeZone);
  const asOfMs = Math.max(fromMs, Math.min(nowMs, toMs));
  return { month, fromMs, toMs, asOfMs, complete: nowMs >= toMs };
}

/** 'YYYY-MM' shifted by whole months. */
export function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const currentMonth = (nowMs: number, timeZone: string) => monthOf(nowMs, timeZone);

export type Span = { startMs: number; endMs: number };

/**
 * The part of the month a site's uptime is measured over: while one of its monitors existed (from
 * the hour the first was created, as rollups count it), up to the month's "as of", and not after
 * the site was archived. Null when nothing was monitored: a site without checks has no uptime,
 * rather than a perfect one.
 */
export function measuredSpan(
  frame: MonthFrame,
  site: { archivedAt: number | null },
  monitors: Array<{ createdAt: number; archivedAt: number | null }>,
): Span | null {
  if (monitors.length === 0) return null;
  const firstMs = Math.min(...monitors.map((m) => floorHour(m.createdAt)));
  const lastMs = Math.max(
    ...monitors.map((m) => (m.archivedAt === null ? Number.POSITIVE_INFINITY : ceilHour(m.archivedAt))),
  );
  const siteEndMs = site.archivedAt === null ? Number.POSITIVE_INFINITY : ceilHour(site.archivedAt);
  const startMs = Math.max(frame.fromMs, firstMs);
  const endMs = Math.min(frame.asOfMs, lastMs, siteEndMs);
  return startMs < endMs ? { startMs, endMs } : null;
}
