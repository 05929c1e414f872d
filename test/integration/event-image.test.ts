import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { postEvent } from '../support/cafe.js';
import { createMunicipality, createUser } from '../support/factories.js';

// The café event's image (docs/sending-api.md, "The event's image"): raw bytes in, checked by
// what they are, out again as they were; one per event, kept to its municipality.

let env: TestEnv;
let agent: Agent;
let stranger: Agent;
let eventId: string;

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The smallest JPEG start and end: enough for the check by signature. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(60, 1),
  Buffer.from([0xff, 0xd9]),
]);

const imageUrl = (id: string, alt?: string) =>
  `/api/events/${id}/image${alt === undefined ? '' : `?alt=${encodeURIComponent(alt)}`}`;

function upload(who: Agent, id: string, body: Buffer, alt: string | undefined, type = 'image/png') {
  return who.request({
    method: 'PUT',
    url: imageUrl(id, alt),
    payload: body,
    headers: { 'content-type': type },
  });
}

async function storedImages(id: string) {
  return env.db.transaction((tx) =>
    tx.query<{ contentType: string; alt: string; n: number }>(
      'SELECT content_type AS "contentType", alt, octet_length(bytes) AS n FROM event_image WHERE event_id = $1',
      [id],
    ),
  );
}

async function auditCount(id: string): Promise<number> {
  const [row] = await env.db.transaction((tx) =>
    tx.query<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE record_type = 'event' AND record_id = $1 AND details->>'via' LIKE 'image%'",
      [id],
    ),
  );
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  env = await createTestEnv();
  const municipality = await createMunicipality(env.db, 'Bildedal');
  const other = await createMunicipality(env.db, 'Annenby');
  const caseworker = await createUser(env.db, municipality, ['caseworker']);
  const outsider = await createUser(env.db, other, ['caseworker']);
  agent = await loginAs(env.app, caseworker.email);
  stranger = await loginAs(env.app, outsider.email);
  const created = await postEvent(agent, { title: 'Kafé med bilde' });
  expect(created.statusCode).toBe(201);
  eventId = created.json().id;
  expect(created.json().image).toBeNull();
});
afterAll(() => env.close());

describe("the event's image", () => {
  it('answers 404 before there is one', async () => {
    const none = await agent.get(imageUrl(eventId));
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('not_found');
  });

  it('refuses a text file named .png, and stores nothing', async () => {
    const text = Buffer.from('Dette er ikke et bilde, bare tekst med feil navn.\n'.repeat(4));
    const refused = await upload(agent, eventId, text, 'Et bilde');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('image.unsupported');
    expect(refused.json().message).toMatch(/JPEG|PNG/);
    // A PNG cut short is no PNG either.
    const cut = await upload(agent, eventId, PNG.subarray(0, 50), 'Et bilde');
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('image.unsupported');
    expect(await storedImages(eventId)).toEqual([]);
  });

  it('refuses a file over 2 MB', async () => {
    const big = Buffer.concat([PNG.subarray(0, 33), Buffer.alloc(2 * 1024 * 1024), PNG.subarray(33)]);
    const refused = await upload(agent, eventId, big, 'For stort');
    expect(refused.statusCode).toBe(413);
    expect(refused.json().code).toBe('request.too_large');
    expect(await storedImages(eventId)).toEqual([]);
  });

  it('refuses an image without a description, or with one over 300 characters', async () => {
    for (const alt of [undefined, '', '   ', 'x'.repeat(301)]) {
      const refused = await upload(agent, eventId, PNG, alt);
      expect(refused.statusCode, String(alt)).toBe(400);
      expect(refused.json().code).toBe('validation.invalid');
      expect(JSON.stringify(refused.json().details)).toContain('alt');
    }
    expect(await storedImages(eventId)).toEqual([]);
  });

  it('refuses a type it does not take', async () => {
    const gif = await upload(agent, eventId, Buffer.from('GIF89a0000000000'), 'Et bilde', 'image/gif');
    expect(gif.statusCode).toBe(415);
    expect(gif.json().code).toBe('request.unsupported_media_type');
  });

  it('stores a PNG and gives it back byte for byte, and the event names it', async () => {
    const audits = await auditCount(eventId);
    const saved = await upload(agent, eventId, PNG, '  Kaffekopper   og boller på et bord ');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      contentType: 'image/png',
      alt: 'Kaffekopper og boller på et bord',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await auditCount(eventId)).toBe(audits + 1);

    const read = await agent.get(imageUrl(eventId));
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.headers['cache-control']).toContain('private');
    expect(read.rawPayload.equals(PNG)).toBe(true);

    const again = await agent.request({
      method: 'GET',
      url: imageUrl(eventId),
      headers: { 'if-none-match': String(read.headers.etag) },
    });
    expect(again.statusCode).toBe(304);

    const event = await agent.get(`/api/events/${eventId}`);
    expect(event.json().image).toEqual({
      alt: 'Kaffekopper og boller på et bord',
      updatedAt: saved.json().updatedAt,
    });
    const list = await agent.get('/api/events?from=2027-09-01&to=2027-09-30');
    expect(list.json().events.find((e: { id: string }) => e.id === eventId).image).toMatchObject({
      alt: 'Kaffekopper og boller på et bord',
    });
  });

  it('keeps the stored image when a bad file is sent to replace it', async () => {
    const refused = await upload(
      agent,
      eventId,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'SVG',
    );
    expect(refused.statusCode).toBe(400);
    expect(await storedImages(eventId)).toEqual([
      { contentType: 'image/png', alt: 'Kaffekopper og boller på et bord', n: PNG.length },
    ]);
  });

  it('replaces the image, and takes its type from the bytes', async () => {
    // A JPEG sent as image/png is stored as what it is.
    const replaced = await upload(agent, eventId, JPEG, 'Et nytt bilde', 'image/png');
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ contentType: 'image/jpeg', alt: 'Et nytt bilde' });
    const read = await agent.get(imageUrl(eventId));
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(read.rawPayload.equals(JPEG)).toBe(true);
    expect(await storedImages(eventId)).toHaveLength(1);
  });

  it('is not read, replaced or removed from another municipality (404, nothing changed)', async () => {
    const before = await storedImages(eventId);
    for (const response of [
      await stranger.get(imageUrl(eventId)),
      await upload(stranger, eventId, PNG, 'Inntrenger'),
      await stranger.request({ method: 'DELETE', url: imageUrl(eventId) }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect(await storedImages(eventId)).toEqual(before);
  });

  it('is removed (204), and removing it again is no error', async () => {
    const removed = await agent.request({ method: 'DELETE', url: imageUrl(eventId) });
    expect(removed.statusCode).toBe(204);
    expect(await storedImages(eventId)).toEqual([]);
    expect((await agent.get(imageUrl(eventId))).statusCode).toBe(404);
    expect((await agent.get(`/api/events/${eventId}`)).json().image).toBeNull();
    const again = await agent.request({ method: 'DELETE', url: imageUrl(eventId) });
    expect(again.statusCode).toBe(204);
  });

  it('answers 404 for an event that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await agent.get(imageUrl(missing))).statusCode).toBe(404);
    expect((await upload(agent, missing, PNG, 'Et bilde')).statusCode).toBe(404);
  });
});
