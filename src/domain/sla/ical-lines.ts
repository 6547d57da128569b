import { DateTime, Duration } from 'luxon';

// The text layer of iCalendar (RFC 5545) that holiday feeds need: unfolding, content lines,
// nested components, DATE / DATE-TIME / DURATION values. Nothing here knows about holidays.

export type IcsProperty = { name: string; params: Record<string, string>; value: string };
export type IcsComponent = { name: string; properties: IcsProperty[]; components: IcsComponent[] };

/** A DATE value, or a DATE-TIME in its own zone (TZID, UTC, or floating = the calendar's zone). */
export type IcsTime = { kind: 'date'; date: string } | { kind: 'datetime'; at: DateTime };

/** Lines with folds undone: a line break followed by one space or tab continues the line before. */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

/** NAME;PARAM=a;PARAM="b:c":value → its parts; undefined for a line that is not a content line. */
export function parseContentLine(line: string): IcsProperty | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let i = 0;
  for (; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ':') break;
    else if (!quoted && ch === ';') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (i >= line.length) return undefined;
  parts.push(current);
  const [name = '', ...paramTexts] = parts;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return undefined;
  const params: Record<string, string> = {};
  for (const text of paramTexts) {
    const eq = text.indexOf('=');
    if (eq <= 0) continue;
    params[text.slice(0, eq).toUpperCase()] = text.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
}

/** The VCALENDAR component, or undefined when the text does not start as one. */
export function parseCalendar(text: string): IcsComponent | undefined {
  const lines = unfoldLines(text.replace(/^\uFEFF/, '')).filter((l) => l.trim() !== '');
  if (lines[0]?.trim().toUpperCase() !== 'BEGIN:VCALENDAR') return undefined;
  const root: IcsComponent = { name: 'VCALENDAR', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines.slice(1)) {
    const prop = parseContentLine(line);
    const top = stack[stack.length - 1];
    if (!prop || !top) continue;
    if (prop.name === 'BEGIN') {
      const child: IcsComponent = { name: prop.value.trim().toUpperCase(), properties: [], components: [] };
      top.components.push(child);
      stack.push(child);
    } else if (prop.name === 'END') {
      // An END that matches nothing open is ignored; one that skips levels closes them too.
      const at = stack.map((c) => c.name).lastIndexOf(prop.value.trim().toUpperCase());
      if (at > 0) stack.length = at;
    } else {
      top.properties.push(prop);
    }
  }
  return root;
}

/** TEXT values: \\ \; \, and \n escapes. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const isRealDate = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).isValid;

/**
 * One DATE or DATE-TIME value. A TZID must be an IANA zone; Windows names ("W. Europe Standard
 * Time") would need the file's VTIMEZONE rules, which holiday feeds rarely need.
 */
export function parseIcsTime(value: string, params: Record<string, string>, floatingZone: string): IcsTime | string {
  const text = value.trim();
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (date) {
    const iso = `${date[1]}-${date[2]}-${date[3]}`;
    return isRealDate(iso) ? { kind: 'date', date: iso } : `${text} is not a real date`;
  }
  const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(text);
  if (!dt || params.VALUE?.toUpperCase() === 'DATE') return `${text || '(empty)'} is not a date or date-time`;
  const tzid = params.TZID?.replace(/^\/+/, '');
  const zone = dt[7] ? 'UTC' : (tzid ?? floatingZone);
  const at = DateTime.fromObject(
    {
      year: Number(dt[1]),
      month: Number(dt[2]),
      day: Number(dt[3]),
      hour: Number(dt[4]),
      minute: Number(dt[5]),
      second: Math.min(Number(dt[6]), 59),
    },
    { zone },
  );
  if (at.isValid) return { kind: 'datetime', at };
  return at.invalidReason === 'unsupported zone' ? `unknown time zone ${tzid}` : `${text} is not a real date-time`;
}

/** A DURATION value (P1D, P2W, PT12H, -P1D …) or a reason it cannot be read. */
export function parseIcsDuration(value: string): Duration | string {
  const text = value.trim().toUpperCase();
  if (!/^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/.test(text) || /^[+-]?PT?$/.test(text)) {
    return `${value || '(empty)'} is not a duration`;
  }
  const duration = Duration.fromISO(text.replace(/^[+-]/, ''));
  return text.startsWith('-') ? duration.negate() : duration;
}
