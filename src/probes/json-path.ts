/**
 * A deliberately small JSON path: `$.status`, `data.items[0].ok`, `$['odd key'][2]`.
 * No wildcards or filters: a monitor asserts one value.
 */
export type JsonPath = readonly (string | number)[];

const IDENT = /^[^.[\]'"\s*]+/; // no '*': a wildcard is refused rather than read as a key
const INDEX = /^\[(\d+)\]/;
const QUOTED = /^\[(?:'([^']*)'|"([^"]*)")\]/;

/** Segments of the path, or null when it is not valid syntax. */
export function parseJsonPath(text: string): JsonPath | null {
  const trimmed = text.trim();
  // A bare first name (`data.items`) reads as `$.data.items`.
  let rest = trimmed.startsWith('$') ? trimmed.slice(1) : `.${trimmed}`;
  const segments: (string | number)[] = [];
  while (rest.length > 0) {
    if (rest.startsWith('.')) {
      const ident = IDENT.exec(rest.slice(1));
      if (!ident) return null;
      segments.push(ident[0]);
      rest = rest.slice(1 + ident[0].length);
      continue;
    }
    const index = INDEX.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (!quoted) return null;
    segments.push(quoted[1] ?? quoted[2] ?? '');
    rest = rest.slice(quoted[0].length);
  }
  return segments;
}

export type JsonPathLookup = { found: true; value: unknown } | { found: false };

export function readJsonPath(document: unknown, path: JsonPath): JsonPathLookup {
  let current: unknown = document;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return { found: false };
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return { found: true, value: current };
}
