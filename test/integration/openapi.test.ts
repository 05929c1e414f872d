import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestEnv, type TestEnv } from '../support/app.js';

// Clients are generated from /api/openapi.json: it must be a valid OpenAPI document, and every
// operation needs a stable name (operationId) and a one-line summary of what it does.
let env: TestEnv;
let document: { paths: Record<string, Record<string, { operationId?: string; summary?: string }>> };

beforeAll(async () => {
  env = await createTestEnv();
  const response = await new Agent(env.app).get('/api/openapi.json');
  expect(response.statusCode).toBe(200);
  document = response.json();
});
afterAll(() => env.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      ...operation,
    })),
  );

describe('the OpenAPI document', () => {
  it('validates with @apidevtools/swagger-parser', async () => {
    // The validator dereferences in place: it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('gives every operation a unique operationId and a summary', () => {
    expect(operations().length).toBeGreaterThan(100);
    expect(
      operations()
        .filter((o) => !o.operationId)
        .map((o) => o.name),
    ).toEqual([]);
    expect(
      operations()
        .filter((o) => !o.summary?.trim())
        .map((o) => o.name),
    ).toEqual([]);
    const ids = operations().map((o) => o.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(operations().find((o) => o.name === 'GET /api/events/{eventId}/audience')?.operationId).toBe(
      'getEventsEventIdAudience',
    );
  });
});
