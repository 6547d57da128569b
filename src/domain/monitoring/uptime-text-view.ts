/**
 * 0.99953 → "99.95 %". Two decimals, because a 99.9 % commitment needs them; rounded down, so a
 * figure shown to a client never claims more uptime than was measured.
 */
export function formatUptimePercent(ratio: number | null): string {
  if (ratio === null) return '–';
  // The small epsilon keeps exact ratios such as 0.95 from flooring to 94.99 through binary rounding.
  return `${(Math.floor(ratio * 10_000 + 1e-9) / 100).toFixed(2)} %`;
}
