/** The TLS probe's default warning thresholds, in days before expiry. */
export const DEFAULT_TLS_WARN_DAYS = [21, 7, 1];

/**
 * The threshold a certificate with daysToExpiry left has crossed: the smallest one it is at or
 * below (21/7/1 with 5 days left → 7), or null while none is reached.
 */
export function tlsThresholdCrossed(monitorConfigJson: string, daysToExpiry: number): number | null {
  const crossed = warnDaysOf(monitorConfigJson).filter((t) => daysToExpiry <= t);
  return crossed.length === 0 ? null : Math.min(...crossed);
}

function warnDaysOf(configJson: string): number[] {
  try {
    const warnDays = (JSON.parse(configJson) as { warnDays?: unknown }).warnDays;
    if (Array.isArray(warnDays) && warnDays.length > 0 && warnDays.every((d) => Number.isInteger(d))) {
      return warnDays as number[];
    }
  } catch {
    // a config that is not JSON gets the defaults
  }
  return DEFAULT_TLS_WARN_DAYS;
}
