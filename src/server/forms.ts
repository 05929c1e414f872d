import type { FastifyInstance } from 'fastify';

/** A submitted form: each field's values, in order (a group of checkboxes sends several). */
export type FormFields = Record<string, string[]>;

/**
 * Reads application/x-www-form-urlencoded bodies in the calling plugin only (a plain HTML form,
 * a provider's callback); the JSON API elsewhere stays JSON.
 */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      // No prototype: a field named "constructor" or "__proto__" is just a field.
      const fields: FormFields = Object.create(null);
      for (const [name, value] of new URLSearchParams(body as string)) {
        fields[name] = [...(fields[name] ?? []), value];
      }
      done(null, fields);
    },
  );
}

/** The first value of a field, if any. */
export function field(fields: FormFields | undefined, name: string): string | undefined {
  return fields?.[name]?.[0];
}
