import { type TSchema, Type } from '@sinclair/typebox';

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

/** Standard error responses, so every route's OpenAPI entry names them. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, '4xx': ErrorBody };
}

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Locale = Type.Union([Type.Literal('nb'), Type.Literal('nn'), Type.Literal('en')]);
export const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

/** A string that is one of `values`, typed as their union. */
export const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
