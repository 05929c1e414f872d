import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { ROLES } from '../../src/domain/roles.js';
import { tokenHash } from '../../src/features/sending/index.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// Property-based fuzzing of every operation in the OpenAPI document: inputs generated from each
// operation's own schemas, with hostile values (NUL, numbers past int4 and past Infinity, years of
// 129 digits, wrong types, missing fields, long strings, odd unicode) in any place. A hostile
// client must get a 4xx with a code, never a 500. Seeded, so a failure reproduces run after run.
const SEED = 20261203;
/** Inputs per operation and client (staff with every role, and anonymous). */
const RUNS = 14;

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

/** A JSON literal written as is into the body: 1e309 cannot be made by JSON.stringify. */
class Raw {
  constructor(readonly json: string) {}
}

const LONG = 'å'.repeat(20_000);
const HOSTILE_TEXT = [
  '\u0000',
  'Kari\u0000Nordmann',
  `${'9'.repeat(129)}-01-01`,
  '0000-01-01',
  '2026-02-30',
  '+275760-09-13T00:00:00Z',
  '2026-13-45T25:61:61Z',
  LONG,
  '\ud800',
  'e\u0301\u202e\u200b\ufeff',
  '𝕂𝕒𝕣𝕚 👨‍👩‍👧',
  "'; DROP TABLE household; --",
  '../../etc/passwd',
  '%00',
  '',
  ' ',
  'NaN',
  'Infinity',
  '1e309',
  '2147483648',
  '-0',
];
const HOSTILE_NUMBERS = [
  2147483648,
  -2147483649,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_VALUE,
  new Raw('1e309'),
  new Raw('-1e309'),
  new Raw(`1${'0'.repeat(128)}`),
  -1,
  0,
  0.5,
  1e-320,
];
const WRONG_TYPES = [
  null,
  true,
  {},
  [],
  { a: { b: [{}] } },
  ['\u0000'],
  'tekst',
  // Arrays 50,000 deep: whatever walks a body must not recurse.
  new Raw(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
];
/** Query strings carry text only: the hostile ones, as text. */
const HOSTILE_QUERY = [
  ...HOSTILE_TEXT.filter((text) => text !== LONG),
  'x'.repeat(5000),
  '-2147483649',
  '-1e309',
  '9'.repeat(129),
  '0x10',
  'true',
  '[]',
];
const HOSTILE_PATH = [
  '%00',
  '2147483648',
  '1e309',
  'x'.repeat(300),
  '..%2F..%2Fetc',
  '%F0%9F%98',
  '%ZZ',
  encodeURIComponent('𝕂å\u202e'),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
];

/** A value the schema allows, as far as a generator can tell from the schema. */
function allowed(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => allowed(option, depth)));
  if (schema.allOf) {
    // An intersection of objects (a form and its version): one object with the fields of all.
    const parts = schema.allOf;
    return allowed(
      {
        type: 'object',
        properties: Object.assign({}, ...parts.map((part) => part.properties)),
        required: parts.flatMap((part) => part.required ?? []),
      },
      depth,
    );
  }
  const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => allowed({ ...schema, type }, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(
        fc.integer({
          min: Math.max(schema.minimum ?? -1000, -1e6),
          max: Math.min(schema.maximum ?? 1000, 1e6),
        }),
        fc.constantFrom(...[schema.minimum ?? 0, schema.maximum ?? 0]),
      );
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'array':
      return fc.array(allowed(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(Math.min(schema.maxItems ?? 3, 3), schema.minItems ?? 0),
      });
    case 'object': {
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([name, property]) => [
            name,
            allowed(property, depth + 1),
          ]),
        ),
        { requiredKeys: [...required].filter((name) => schema.properties?.[name]) },
      );
    }
    default:
      return text(schema);
  }
}

const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const FORMATS: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  email: fc.emailAddress(),
  date: day.map((d) => d.toISOString().slice(0, 10)),
  'date-time': day.map((d) => d.toISOString()),
};

function text(schema: Schema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const shaped =
    (schema.format && FORMATS[schema.format]) ||
    (schema.pattern
      ? fc.stringMatching(new RegExp(schema.pattern, 'u'))
      : fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }));
  // Also the longest text the schema allows.
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, Math.min(max, 50_000)))) },
  );
}

/** Where a value has its leaves (and its objects, whose fields can go missing): paths into it. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => places(item, [...path, i]))];
  if (value && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))];
  return [path];
}

function hostileFor(current: unknown): unknown[] {
  if (typeof current === 'number') return [...HOSTILE_NUMBERS, ...WRONG_TYPES];
  if (typeof current === 'string') return [...HOSTILE_TEXT, ...WRONG_TYPES, 12];
  return [...WRONG_TYPES, ...HOSTILE_TEXT, ...HOSTILE_NUMBERS];
}

/**
 * An allowed value with one place made hostile: a value of its own kind at the edge (NUL in a
 * name, 2^31 as a version, 1e309, a long year), a value of another type, or a field left out.
 * Inputs that are wrong in one place only get past the other checks to where a 500 would hide.
 */
function mutated(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc
    .tuple(allowed(schema), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 }))
    .map(([value, where, which, mode]) => {
      if (mode === 0) return value; // now and then, the allowed value as it is
      const targets = places(value);
      const path = targets[where % targets.length] ?? [];
      if (path.length === 0) {
        const pool = hostileFor(value);
        return pool[which % pool.length];
      }
      const copy = structuredClone(value) as Record<string | number, unknown>;
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const key = path[path.length - 1] as string | number;
      if (mode === 1 && !Array.isArray(parent)) delete parent[key];
      else {
        const pool = hostileFor(parent[key]);
        parent[key] = pool[which % pool.length];
      }
      return copy;
    });
}

function queryValue(schema: Schema | undefined): fc.Arbitrary<string | string[]> {
  const plain = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return allowed(schema ?? {}).map((v) => (Array.isArray(v) ? v.map(plain) : plain(v)));
}

/** encodeURIComponent, except that a lone surrogate goes as the bytes a broken client would send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

function serialize(body: unknown): string {
  return JSON.stringify(body, (_key, v) => (v instanceof Raw ? `@@raw:${v.json}@@` : v)).replace(
    /"@@raw:([^@]*)@@"/g,
    '$1',
  );
}

/** The fields the household's forms read (answer page, feedback page), and values they take. */
const FORM_FIELDS = [
  'response',
  'adults',
  'children',
  'diet',
  'dietNote',
  'comment',
  'lang',
  'q1',
  'q2',
  'rating',
];
const FORM_VALUES = ['coming', 'maybe', 'not_coming', '0', '2', '20', 'vegetarian', 'nb', 'ar', '5', 'Hei!'];

/** A path parameter: a real one now and then (ids), an allowed-looking one or a hostile one. */
function pathValue(name: string): fc.Arbitrary<string> {
  const known = ids[name] ?? [];
  return fc.oneof(
    { weight: known.length ? 4 : 0, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('') },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map(encode) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH) },
  );
}

interface Input {
  path: Record<string, string>;
  query: [string, string][];
  body?: string;
  contentType?: string;
}

function inputFor(operation: Operation, ids: Record<string, string[]>): fc.Arbitrary<Input> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const path = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const known = ids[p.name] ?? [];
        return [
          p.name,
          fc.oneof(
            {
              weight: known.length ? 4 : 0,
              arbitrary: known.length ? fc.constantFrom(...known) : fc.constant(''),
            },
            { weight: 2, arbitrary: allowed(p.schema ?? {}).map((v) => encode(String(v))) },
            { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH) },
          ),
        ];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  // Every query parameter allowed (an optional one sometimes left out), then one made hostile.
  const query = fc
    .tuple(
      fc.tuple(
        ...queryParams.map((p) =>
          p.required ? queryValue(p.schema) : fc.option(queryValue(p.schema), { freq: 3, nil: undefined }),
        ),
      ),
      fc.nat(),
      fc.constantFrom(...HOSTILE_QUERY),
      fc.boolean(),
    )
    .map(([values, where, hostile, spoil]) => {
      const pairs = queryParams.flatMap((p, i) =>
        [values[i] ?? []].flat().map((one) => [p.name, one] as [string, string]),
      );
      const target = queryParams[where % Math.max(queryParams.length, 1)];
      if (!spoil || !target) return pairs;
      return [...pairs.filter(([name]) => name !== target.name), [target.name, hostile] as [string, string]];
    });
  const body =
    operation.method === 'GET' || operation.method === 'DELETE'
      ? fc.constant({})
      : fc.oneof(
          {
            weight: 8,
            arbitrary: mutated(operation.body).map((v) => ({
              body: serialize(v),
              contentType: 'application/json',
            })),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              { body: '{"a":', contentType: 'application/json' },
              {
                body: 'name=constructor&constructor=1&__proto__=x&status=%00',
                contentType: 'application/x-www-form-urlencoded',
              },
              { body: 'PK\u0003\u0004\u0000\u0000garbage', contentType: 'application/octet-stream' },
              { body: '', contentType: 'application/json' },
            ),
          },
        );
  return fc.record({ path, query, body }).map(({ path, query, body }) => ({ path, query, ...body }));
}

function url(operation: Operation, input: Input): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => input.path[name] ?? 'x');
  const query = input.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}

let env: TestEnv;
let staff: Agent;
let staffEmail: string;
let operations: Operation[];
/** Real ids by path parameter name, so the fuzzer also reaches past "not found". */
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  env = await createTestEnv();
  const municipality = await createMunicipality(env.db, 'Fuzzstad');
  const user = await createUser(env.db, municipality, [...ROLES]);
  const other = await createUser(env.db, municipality, ['caseworker']);
  staffEmail = user.email;
  staff = await loginAs(env.app, user.email);
  const venueId = await createVenue(staff);
  const eventId = await createEvent(staff, { venueId });
  const householdId = await createHousehold(env.db, municipality);
  // An answer link that opens (the sending worker would have made it), and the feedback page's code.
  const token = randomBytes(32).toString('base64url');
  await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query(
      "INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language) VALUES ($1, $2, $3, $4, 'nb')",
      [municipality, eventId, householdId, tokenHash(token)],
    ),
  );
  const code = (await staff.get(`/api/events/${eventId}/feedback`)).json().code as string | null;
  Object.assign(ids, {
    token: [token],
    code: code ? [code] : [],
    eventId: [eventId],
    householdId: [householdId],
    venueId: [venueId],
    userId: [other.id],
    language: ['nb', 'en', 'ar'],
    provider: ['entra', 'idporten'],
  });
  const document = env.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
}, 120_000);
afterAll(() => env.close());

describe('fuzzing every operation of the OpenAPI document', () => {
  it('never answers 500, staff with every role or anonymous', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let requests = 0;
    for (const [index, operation] of operations.entries()) {
      const inputs = fc.sample(inputFor(operation, ids), { seed: SEED + index, numRuns: RUNS });
      for (const [n, input] of inputs.entries()) {
        // Logging out would end the session the rest of the run needs: that one runs anonymously only.
        const staffToo = !(operation.path === '/api/auth/logout');
        for (const client of staffToo ? [staff, new Agent(env.app)] : [new Agent(env.app)]) {
          const response = await client.request({
            method: operation.method as 'POST',
            url: url(operation, input),
            payload: input.body,
            headers: input.contentType ? { 'content-type': input.contentType } : {},
            // A new address each time: the per-address limits are for people, not for this run.
            remoteAddress: `10.${index % 256}.${n}.${client === staff ? 1 : 2}`,
          });
          requests++;
          if (client === staff && response.statusCode === 401) staff = await loginAs(env.app, staffEmail);
          if (response.statusCode >= 500) {
            failures.push(
              `${operation.method} ${operation.path} as ${client === staff ? 'staff' : 'anonymous'} → ${response.statusCode} ${response.body.slice(0, 200)}\n` +
                `  url: ${url(operation, input).slice(0, 300)}\n  body: ${(input.body ?? '').slice(0, 300)}`,
            );
          }
        }
      }
    }
    console.info(`fuzz: ${operations.length} operations, ${requests} requests`);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  it('never answers 500 on the server-rendered pages and their forms', async () => {
    // The household's pages are not in the API document: found in the route table (hidden, not /api/).
    const pages = env.app.routeTable.filter(
      (route) =>
        (route.schema as { hide?: boolean } | undefined)?.hide &&
        !route.url.startsWith('/api/') &&
        route.url.includes(':'),
    );
    expect(pages.map((page) => page.url)).toEqual(expect.arrayContaining(['/svar/:token', '/t/:code']));
    const fieldName = fc.constantFrom(...FORM_FIELDS, 'constructor', '__proto__', 'toString', 'a\u0000', '');
    const fieldValue = fc.oneof(
      fc.constantFrom(...FORM_VALUES),
      fc.constantFrom(...HOSTILE_QUERY),
      fc.string(),
    );
    const failures: string[] = [];
    for (const [index, page] of pages.entries()) {
      const input = fc.record({
        params: fc.tuple(...[...page.url.matchAll(/:(\w+)/g)].map(([, name]) => pathValue(name as string))),
        fields: fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 8 }),
      });
      for (const [n, { params, fields }] of fc
        .sample(input, { seed: SEED - index, numRuns: RUNS * 2 })
        .entries()) {
        let at = 0;
        const url = page.url.replace(/:\w+/g, () => params[at++] ?? 'x');
        const payload = fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
        const response = await new Agent(env.app).request({
          method: page.method as 'POST',
          url,
          ...(page.method === 'GET'
            ? {}
            : { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
          remoteAddress: `10.200.${index}.${n}`,
        });
        if (response.statusCode >= 500)
          failures.push(
            `${page.method} ${page.url} → ${response.statusCode}\n  url: ${url.slice(0, 300)}\n  form: ${payload.slice(0, 300)}`,
          );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
