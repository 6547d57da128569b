import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../domain/plans/default-catalogue.ts';
import { formatMoneyMinor, formatSeconds, formatSla, formatUptimeBp, PLAN_COLUMNS, planRow } from './format-plan.ts';

describe('formatMoneyMinor', () => {
  it('uses the currency’s own number of minor digits', () => {
    expect(formatMoneyMinor(15_000, 'EUR')).toBe('150.00 EUR');
    expect(formatMoneyMinor(162_005, 'USD')).toBe('1,620.05 USD');
    expect(formatMoneyMinor(7, 'EUR')).toBe('0.07 EUR');
    expect(formatMoneyMinor(0, 'GBP')).toBe('0.00 GBP');
    expect(formatMoneyMinor(15_000, 'JPY')).toBe('15,000 JPY');
    expect(formatMoneyMinor(1_234, 'BHD')).toBe('1.234 BHD');
    expect(formatMoneyMinor(-250, 'EUR')).toBe('-2.50 EUR');
  });

  it('stays exact where a float would not', () => {
    expect(formatMoneyMinor(999_999_999_999, 'EUR')).toBe('9,999,999,999.99 EUR');
    expect(formatMoneyMinor(1_005, 'EUR')).toBe('10.05 EUR');
  });
});

describe('durations and uptime', () => {
  it('formats seconds with the largest fitting units', () => {
    expect(formatSeconds(30)).toBe('30 s');
    expect(formatSeconds(180)).toBe('3 min');
    expect(formatSeconds(90)).toBe('1 min 30 s');
    expect(formatSeconds(7_200)).toBe('2 h');
    expect(formatSeconds(3_661)).toBe('1 h 1 min 1 s');
    expect(formatSeconds(0)).toBe('0 s');
  });

  it('formats basis points of a percent without trailing zeros', () => {
    expect(formatUptimeBp(9_990)).toBe('99.9 %');
    expect(formatUptimeBp(9_995)).toBe('99.95 %');
    expect(formatUptimeBp(10_000)).toBe('100 %');
    expect(formatUptimeBp(9_905)).toBe('99.05 %');
  });

  it('describes the SLA in one cell', () => {
    const sla = {
      policyId: 'slp_1',
      name: 'Standard SLA',
      firstResponseMinutes: 60,
      firstResponseClock: 'business' as const,
      resolutionMinutes: 480,
      resolutionClock: 'business' as const,
      uptimeCommitmentBp: null,
    };
    expect(formatSla({ sla: null })).toBe('–');
    expect(formatSla({ sla })).toBe('response 1 h, resolution 8 h, business hours');
    expect(formatSla({ sla: { ...sla, firstResponseMinutes: null, resolutionMinutes: null } })).toBe('–');
    expect(
      formatSla({ sla: { ...sla, firstResponseMinutes: null, resolutionMinutes: null, uptimeCommitmentBp: 9_950 } }),
    ).toBe('99.5 % uptime');
    expect(formatSla({ sla: { ...sla, resolutionMinutes: null, firstResponseClock: '24x7' } })).toBe(
      'response 1 h, 24/7',
    );
    expect(formatSla({ sla: { ...sla, firstResponseMinutes: 30, firstResponseClock: '24x7' } })).toBe(
      'response 30 min 24/7, resolution 8 h business hours',
    );
  });
});

describe('planRow', () => {
  it('gives one cell per column for every default plan', () => {
    for (const { code, terms } of defaultCatalogue('EUR')) {
      const plan = {
        ...terms,
        code,
        id: 'p',
        position: 0,
        versionId: 'v',
        version: 2,
        archivedAt: null,
        createdAt: '',
        sla: null,
      };
      const row = planRow(plan);
      expect(row).toHaveLength(PLAN_COLUMNS.length);
      expect(row.slice(0, 3)).toEqual([code, terms.name, 'v2']);
      expect(row[4]).toMatch(/^\d[\d,]*\.\d\d EUR$/);
    }
  });
});
