import { describe, expect, it } from 'vitest';
import { buildDays, dayIndexOf, localDays, rangeUptime } from './public-days.ts';
import type { TargetMonitor } from './public-sources.ts';
import { componentStatus, overallStatus } from './public-state.ts';

const H = 3_600_000;

describe('localDays', () => {
  it('cuts days at local midnight, 23 hours on the day clocks go forward', () => {
    const days = localDays(Date.UTC(2026, 2, 30, 12), 'Europe/Madrid', 3);
    expect(days.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(days.map((d) => (d.endMs - d.startMs) / H)).toEqual([24, 23, 24]);
    expect(days[0]?.startMs).toBe(Date.UTC(2026, 2, 27, 23));
    expect(dayIndexOf(days, Date.UTC(2026, 2, 29, 22, 30))).toBe(2);
    expect(dayIndexOf(days, Date.UTC(2026, 2, 27, 22, 59))).toBe(-1);
  });
});

describe('buildDays', () => {
  const days = localDays(Date.UTC(2026, 2, 30, 12), 'Europe/Madrid', 3);
  const nowMs = Date.UTC(2026, 2, 30, 12);

  it('shows a past day on which no check answered and nothing happened as no data, not as a perfect day', () => {
    const timeline = {
      measuredFromMs: Date.UTC(2026, 2, 20),
      measuredToMs: nowMs,
      incidents: [],
      maintenance: [],
      latency: new Map([[0, { count: 4, sumMs: 400 }]]),
    };
    const checked = buildDays(days, nowMs, { ...timeline, answersChecks: true });
    expect(checked.map((d) => d.uptimeRatio)).toEqual([1, null, 1]); // today is never "no data" yet
    // A heartbeat-only component has no response times to go by: its days stay measured by incidents.
    const heartbeats = buildDays(days, nowMs, { ...timeline, answersChecks: false });
    expect(heartbeats.map((d) => d.uptimeRatio)).toEqual([1, 1, 1]);
  });

  it('measures the 23-hour day over 23 hours and leaves the future and unmonitored time out', () => {
    const built = buildDays(days, nowMs, {
      measuredFromMs: Date.UTC(2026, 2, 28, 11), // monitoring began at noon local on the first day
      measuredToMs: nowMs,
      incidents: [{ startedAt: Date.UTC(2026, 2, 29, 0), resolvedAt: Date.UTC(2026, 2, 29, 2, 18) }],
      maintenance: [{ windowId: 'mw', startMs: Date.UTC(2026, 2, 29, 1), endMs: Date.UTC(2026, 2, 29, 2) }],
      latency: new Map([[2, { count: 4, sumMs: 410 }]]),
    });
    // 12 of 24 hours measured on the first day, no downtime.
    expect(built[0]).toMatchObject({ uptimeRatio: 1, downtimeMs: 0, incidents: 0, avgResponseMs: null });
    // 23 h day: 138 min of incident, 60 of them in maintenance → 78 min down over 22 measured hours.
    expect(built[1]).toMatchObject({ downtimeMs: 78 * 60_000, maintenanceMs: H, incidents: 1 });
    expect(built[1]?.uptimeRatio).toBeCloseTo(1 - 78 / (22 * 60), 12);
    // Today up to noon local (11:00Z): 12 hours measured.
    expect(built[2]).toMatchObject({ uptimeRatio: 1, avgResponseMs: 103 });
    const overall = rangeUptime(days, nowMs, {
      measuredFromMs: Date.UTC(2026, 2, 28, 11),
      measuredToMs: nowMs,
      incidents: [{ startedAt: Date.UTC(2026, 2, 29, 0), resolvedAt: Date.UTC(2026, 2, 29, 2, 18) }],
      maintenance: [{ windowId: 'mw', startMs: Date.UTC(2026, 2, 29, 1), endMs: Date.UTC(2026, 2, 29, 2) }],
      latency: new Map(),
    });
    const measuredMin = (nowMs - Date.UTC(2026, 2, 28, 11)) / 60_000 - 60;
    expect(overall).toBeCloseTo(1 - 78 / measuredMin, 12);
  });

  it('has no figure for a day before monitoring began', () => {
    const built = buildDays(days, nowMs, {
      measuredFromMs: nowMs,
      measuredToMs: nowMs,
      incidents: [],
      maintenance: [],
      latency: new Map(),
    });
    expect(built.map((d) => d.uptimeRatio)).toEqual([null, null, null]);
  });
});

describe('component and overall status', () => {
  const m = (status: TargetMonitor['status'], extra: Partial<TargetMonitor> = {}): TargetMonitor => ({
    id: `m-${Math.random()}`,
    siteId: 's',
    kind: 'http',
    status,
    enabled: true,
    createdAt: 0,
    archivedAt: null,
    ...extra,
  });

  it('takes the worst live monitor, an open incident as down, maintenance first', () => {
    expect(componentStatus([m('up'), m('degraded')], new Set(), false)).toBe('degraded');
    expect(componentStatus([m('up'), m('down')], new Set(), false)).toBe('outage');
    const up = m('up');
    expect(componentStatus([up], new Set([up.id]), false)).toBe('outage');
    expect(componentStatus([m('down')], new Set(), true)).toBe('maintenance');
    expect(componentStatus([m('down', { archivedAt: 1 }), m('up')], new Set(), false)).toBe('operational');
    expect(componentStatus([m('down', { enabled: false })], new Set(), false)).toBe('unknown');
    expect(componentStatus([m('unknown'), m('up')], new Set(), false)).toBe('operational');
  });

  it('calls an outage of every measured component major, of some partial', () => {
    expect(overallStatus(['outage', 'unknown', 'maintenance'])).toBe('major_outage');
    expect(overallStatus(['outage', 'operational'])).toBe('partial_outage');
    expect(overallStatus(['degraded', 'maintenance'])).toBe('degraded');
    expect(overallStatus(['maintenance', 'operational'])).toBe('maintenance');
    expect(overallStatus([])).toBe('operational');
  });
});
