import { type NumberOptions, type StringOptions, type TSchema, Type } from '@sinclair/typebox';

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

/** Standard error responses, so every route's OpenAPI entry names them. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, '4xx': ErrorBody };
}

// What a request may carry, so that what passes validation also fits the database: PostgreSQL
// text cannot hold NUL, an `integer` column ends at 2^31−1, JSON's 1e309 parses as Infinity, and
// a date needs a year the database and the calendar code can work with.

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;

/** Text without NUL, at most `maxLength` characters. Use it for every string a client sends. */
export const Text = (maxLength: number, options: StringOptions = {}) =>
  Type.String({ maxLength, pattern: '^[^\\u0000]*$', ...options });

/** A whole number within PostgreSQL's `integer` (or the narrower `minimum`/`maximum` given). */
export const Int = (options: NumberOptions = {}) =>
  Type.Integer({ minimum: INT4_MIN, maximum: INT4_MAX, ...options });

/** A finite number between `minimum` and `maximum` (bounds also keep out 1e309, which JSON reads as Infinity). */
export const Decimal = (minimum: number, maximum: number, options: NumberOptions = {}) =>
  Type.Number({ minimum, maximum, ...options });

// Years 1900–2199: PostgreSQL has no year 0, and nothing in a foster-home team's work is older or later.
const SANE_YEAR = '^(19|2[01])[0-9]{2}-';

/** A calendar day, YYYY-MM-DD, in the years 1900–2199. */
export const Day = Type.String({ format: 'date', pattern: SANE_YEAR, maxLength: 10 });

/** A moment with its offset (RFC 3339), in the years 1900–2199. */
export const Instant = Type.String({ format: 'date-time', pattern: SANE_YEAR, maxLength: 40 });

/** A year as a query or field: 2000–2100, what the plans and statistics cover. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Locale = Type.Union([Type.Literal('nb'), Type.Literal('nn'), Type.Literal('en')]);
/** A name: 1–100 characters, not only spaces, no NUL. */
export const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '^\\s*[^\\s\\u0000][^\\u0000]*$' });

/**
 * The path of the first value in a parsed request part that no column can take ("adults.0.firstName"):
 * text with NUL, or a number that is not finite. A query's "1e309" becomes Infinity when
 * validation coerces it to a number, and JSON Schema's bounds do not apply to Infinity, so no
 * schema can refuse it; build-app checks every request's body, query and path with this after
 * validation, and a contract that still has a plain Type.String() cannot let NUL reach SQL either.
 */
export function pathOfUnstorable(value: unknown): string | undefined {
  // A stack, not recursion: a 256 kB JSON body can nest 100,000 arrays deep. Each place keeps its
  // parent, so a path is spelled out only for what is refused.
  interface Place {
    value: unknown;
    key?: string;
    parent?: Place;
  }
  const pathOf = (place: Place) => {
    const keys: string[] = [];
    for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
    return keys.join('.') || '(value)';
  };
  const stack: Place[] = [{ value }];
  for (let place = stack.pop(); place; place = stack.pop()) {
    const item = place.value;
    if (typeof item === 'string' && item.includes('\u0000')) return pathOf(place);
    if (typeof item === 'number' && !Number.isFinite(item)) return pathOf(place);
    // Plain objects and arrays only: an upload's Buffer is bytes, where NUL is allowed.
    if (item && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return pathOf(place);
        stack.push({ value: child, key, parent: place });
      }
    }
  }
  return undefined;
}

/** A string that is one of `values`, typed as their union. */
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
