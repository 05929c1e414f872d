import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/app.js';

// The staff app's files as a browser fetches them on its first and second visit: compressed,
// the hashed assets kept for a year, the page itself checked every time. Needs the web build
// (npm run build, which `npm test` runs first).
let env: TestEnv;
let page = '';
let script = '';

beforeAll(async () => {
  env = await createTestEnv();
  page = (await env.app.inject({ url: '/logg-inn', headers: { 'accept-encoding': 'identity' } })).body;
  script = page.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1] ?? '';
});
afterAll(() => env?.close());

describe('the staff app’s files', () => {
  it('sends a hashed script brotli-compressed, kept a year, and the same bytes as the build', async () => {
    expect(script).toMatch(/^\/assets\/index-.+\.js$/);
    const response = await env.app.inject({
      url: script,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const original = readFileSync(new URL(`../../dist/web${script}`, import.meta.url));
    expect(response.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(response.rawPayload).equals(original)).toBe(true);
  });

  it('sends gzip to a browser without brotli, and the plain file to one without either', async () => {
    const gzip = await env.app.inject({ url: script, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const original = readFileSync(new URL(`../../dist/web${script}`, import.meta.url));
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);
    const plain = await env.app.inject({ url: script, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('has the browser ask again for the page itself, so a new release is seen at once', async () => {
    const response = await env.app.inject({ url: '/logg-inn', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toContain(script);
  });
});
