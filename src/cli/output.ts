/** Data goes to stdout (tables, JSON, ids); messages for the person at the terminal go to stderr. */
export function tell(message: string): void {
  console.error(message);
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Plain aligned columns; the last column is not padded, so lines carry no trailing spaces. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...rows.map(line)].join('\n');
}

export function printTable(headers: string[], rows: string[][]): void {
  console.log(renderTable(headers, rows));
}

/** "2026-03-02 09:00 UTC"; a dash for never. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '–';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Drops undefined values, so optional flags the user left out are not sent as keys. */
export function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
