import fc from 'fast-check';

/** The part of JSON Schema the OpenAPI document uses for request bodies. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  minItems?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Real ids and codes of the seeded world, by the kind of record they name. */
export type IdPool = Record<string, string[]>;

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\t\n\r',
  '🙂👩🏽‍💻',
  'Ünïcödé ß ǅ ﬃ',
  'مرحبا',
  '\u202Eevil',
  "'; drop table clients; --",
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(5000),
  '1e400',
  'null',
  '0000-00-00',
  '9999-12-31',
  '0001-01-01',
  '2026-02-29',
  '2024-02-29',
);

const hugeNumbers = fc.constantFrom(
  0,
  -1,
  -0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e12,
  1e13,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
);

/** Values of any JSON type, biased towards boundaries and hostile text. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyStrings },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: hugeNumbers },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);

// Built once: fc.stringMatching is costly to construct.
const plainName = fc.stringMatching(/^[A-Za-z][a-z ]{0,15}$/);
const plainEmail = fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.test$/);
const plainHost = fc.stringMatching(/^[a-z]{1,10}\.example\.com$/);
const plainCode = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);

/** Valid values for fields the API knows by name, so that many requests get past validation. */
function plausibleFor(name: string, ids: IdPool): fc.Arbitrary<unknown> | undefined {
  const pick = (kind: string) => fc.constantFrom(...(ids[kind] ?? ['none']));
  const byName: Record<string, () => fc.Arbitrary<unknown>> = {
    name: () => fc.oneof(fc.constantFrom('Acme', 'Bäckerei Müller', '株式会社テスト'), plainName),
    email: () => fc.oneof(fc.constantFrom('new@agency.test', 'A@Client.test'), plainEmail),
    url: () =>
      fc.oneof(fc.constantFrom('example.com', 'https://Example.com/#x', 'http://shop.example.org:8080/a'), plainHost),
    currency: () => fc.constantFrom('EUR', 'USD', 'CHF'),
    defaultCurrency: () => fc.constantFrom('EUR', 'GBP'),
    timeZone: () => fc.constantFrom('Europe/Madrid', 'UTC', 'America/New_York'),
    logoUrl: () => fc.constantFrom('https://cdn.example.com/logo.png', null),
    password: () => fc.constant('long-enough-password'),
    code: () => fc.oneof(fc.constant('basic'), plainCode),
    clientId: () => pick('clients'),
    siteId: () => pick('sites'),
    startsAt: () => fc.constantFrom('2026-03-03T22:00:00Z', '2026-03-04T01:00:00+01:00'),
    endsAt: () => fc.constantFrom('2026-03-03T23:00:00Z', '2026-03-03T21:00:00Z'),
    startLocal: () => fc.constantFrom('02:00', '23:30'),
    // A monitor's probe settings: {} takes the site's address; the others fit one kind each.
    config: () => fc.constantFrom({}, { port: 443 }, { periodS: 3600 }, { recordType: 'MX' }),
    planId: () => fc.oneof(pick('plans'), fc.constantFrom('basic', 'standard', 'premium')),
    userId: () => pick('users'),
    addonIds: () => fc.array(pick('addons'), { maxLength: 3 }),
    startDate: () => fc.constantFrom('2026-01-15', '2025-06-01', '2026-03-02'),
    trialEndsOn: () => fc.constantFrom('2026-03-20', '2027-01-01'),
    lastDay: () => fc.constantFrom('2026-03-10', '2026-12-31'),
    host: () => fc.oneof(plainHost, fc.constantFrom('Status.Example.com', 'localhost', 'status.example.com.')),
    title: () => fc.oneof(fc.constantFrom('Acme status', 'Estado de Acme'), plainName),
    slug: () => fc.oneof(fc.constantFrom('acme-status', 'Acme', '-bad-'), plainCode),
    brandColor: () => fc.constantFrom('#14213d', '#FFFFFF', 'red'),
    accentColor: () => fc.constantFrom('#0f766e', '#ffff00'),
    // Alert channels: valid recipients and hook URLs, so e-mail channels reach the use case as
    // often as webhook ones (otherwise a run of 60 can miss it entirely).
    addresses: () => fc.constantFrom('ops@agency.test', ['a@agency.test', 'b@agency.test'], 'not-an-address'),
    calendarId: () => fc.oneof(pick('calendars'), fc.constant('cal_24x7')),
    slaPolicyId: () => fc.oneof(pick('policies'), fc.constant(null)),
    weeklyHours: () =>
      fc.constantFrom(
        {
          1: [['09:00', '18:00']],
          2: [
            ['09:00', '13:00'],
            ['15:00', '19:00'],
          ],
          3: [],
          4: [],
          5: [],
          6: [],
          7: [],
        },
        { 5: [['20:00', '24:00']], 6: [['00:00', '02:00']] },
        { 1: [['18:00', '09:00']] },
      ),
    date: () => fc.constantFrom('2026-12-25', '2027-01-01', '2026-02-30'),
    ics: () =>
      fc.constantFrom(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        'not a calendar',
      ),
  };
  return byName[name]?.();
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A value that fits the schema (as far as JSON Schema can say), built recursively from it. */
function fittingValue(schema: JsonSchema, name: string, ids: IdPool, depth: number): fc.Arbitrary<unknown> {
  const known = plausibleFor(name, ids);
  if (known) return known;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options: fc.Arbitrary<unknown>[] = [];
  for (const type of typesOf(schema)) {
    if (type === 'null') options.push(fc.constant(null));
    if (type === 'boolean') options.push(fc.boolean());
    if (type === 'string') options.push(fc.string({ unit: 'grapheme', maxLength: 30 }));
    if (type === 'integer' || type === 'number') {
      options.push(fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1_000_000 }));
    }
    if (type === 'array' && schema.items && depth < 3) {
      const items = fittingValue(schema.items, name, ids, depth + 1);
      options.push(fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, 3) }));
    }
    if (type === 'object' && schema.properties && depth < 3) options.push(validObject(schema, ids, depth + 1));
  }
  return options.length > 0 ? fc.oneof(...options) : weirdValue;
}

/** Boundary values just outside a numeric range, and values of the wrong type. */
function breakingValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const edges = [schema.minimum, schema.maximum].filter((v): v is number => v !== undefined);
  if (edges.length === 0) return weirdValue;
  const outside = fc.constantFrom(...edges.flatMap((v) => [v - 1, v + 1, v + 0.5]));
  return fc.oneof(outside, weirdValue);
}

/** An object the schema accepts: every required field, optional ones or not, no unknown keys. */
export function validObject(schema: JsonSchema, ids: IdPool, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  return fc.record(
    Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, fittingValue(sub, key, ids, depth)])),
    { requiredKeys: (schema.required ?? []).filter((key) => key in props) },
  );
}

/** A valid object with one thing wrong: a field broken or dropped, or an unknown field added. */
export function mutatedObject(schema: JsonSchema, ids: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  const mutation = fc.oneof(
    ...keys.map((key) => breakingValue(schema.properties?.[key] ?? {}).map((value) => ({ key, value, drop: false }))),
    ...keys.map((key) => fc.constant({ key, value: undefined as unknown, drop: true })),
    fc.tuple(fc.string({ maxLength: 12 }), weirdValue).map(([key, value]) => ({ key: `x${key}`, value, drop: false })),
  );
  return fc.tuple(validObject(schema, ids), mutation).map(([obj, m]) => {
    const out: Record<string, unknown> = { ...obj };
    if (m.drop) delete out[m.key];
    else out[m.key] = m.value;
    return out;
  });
}

/** Any subset of the real field names, each with a fitting or a hostile value. */
export function randomObject(schema: JsonSchema, ids: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const value = (key: string, sub: JsonSchema) => fc.oneof(fittingValue(sub, key, ids, 1), breakingValue(sub));
  return fc.record(Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, value(key, sub)])), {
    requiredKeys: [],
  });
}

export type FuzzBody = { body?: string; contentType: string | null };

/** Request bodies of every kind: valid, almost valid, schema-shaped junk, any JSON, broken JSON, wrong types. */
export function bodyFor(schema: JsonSchema | undefined, ids: IdPool): fc.Arbitrary<FuzzBody> {
  const json = (value: unknown): FuzzBody => {
    const text = JSON.stringify(value);
    return text === undefined ? { contentType: 'application/json' } : { body: text, contentType: 'application/json' };
  };
  const shapedFor = (s: JsonSchema) => fc.oneof(validObject(s, ids), mutatedObject(s, ids), randomObject(s, ids));
  // A union body (e.g. a discriminated union on `kind`) is one of its variants.
  const shaped = schema
    ? schema.oneOf
      ? fc.oneof(...schema.oneOf.map(shapedFor))
      : shapedFor(schema)
    : fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), weirdValue, { maxKeys: 3 }));
  return fc.oneof(
    { weight: 8, arbitrary: shaped.map(json) },
    // An empty object is valid for every PATCH and easily mishandled (an UPDATE with nothing to set).
    { weight: 1, arbitrary: fc.constant({}).map(json) },
    { weight: 1, arbitrary: fc.anything().map(json) },
    { weight: 1, arbitrary: fc.json().map((body) => ({ body, contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', maxLength: 60 })
        .map((body) => ({ body: `${body}{`, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom(null, 'text/plain', 'application/x-www-form-urlencoded'))
        .map(([value, contentType]) => ({ body: JSON.stringify(value), contentType })),
    },
  );
}

/** A path id: usually a real one of the right kind, sometimes another kind's, sometimes junk. */
export function idFor(kind: string, ids: IdPool): fc.Arbitrary<string> {
  const all = Object.values(ids).flat();
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(ids[kind] ?? ['none'])) },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 }) },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a'.repeat(65), '..', '%', ' ', '🙂', 'cli_', "' or 1=1 --") },
  );
}
