import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { ALT_MAX, IMAGE_MAX_BYTES, IMAGE_TYPES, type ImageType } from '../../../domain/event.js';
import type { Deps } from '../../../server/deps.js';
import { AppError, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { EventImageView } from '../contract.js';
import { presentImage } from '../present.js';
import * as q from '../queries.js';

// The event's image (docs/sending-api.md): one picture for the invitation and the answer page.

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/**
 * What the bytes are, by their signature and structure — never by the name or the Content-Type
 * the browser guessed from it: a text file renamed to .png is refused here. A file cut short
 * (a PNG without its end, a WebP shorter than its header says) is refused too.
 */
function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) {
    // The IHDR chunk comes first and the IEND chunk (then its CRC) last.
    return bytes.length >= 45 &&
      ascii(bytes, 12, 4) === 'IHDR' &&
      ascii(bytes, bytes.length - 8, 4) === 'IEND'
      ? 'image/png'
      : null;
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP' && bytes.length >= 20) {
    const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true) + 8;
    return declared <= bytes.length && /^VP8[ LX]$/.test(ascii(bytes, 12, 4)) ? 'image/webp' : null;
  }
  return null;
}

/** The description for screen readers, on one line: 1–300 characters after trimming. */
function cleanAlt(alt: string | undefined): string {
  const clean = (alt ?? '').replace(/\s+/g, ' ').trim();
  const length = [...clean].length;
  if (length === 0 || length > ALT_MAX) {
    throw new AppError('validation.invalid', 400, [
      { field: 'alt', rule: length ? 'maxLength' : 'required' },
    ]);
  }
  return clean;
}

async function eventOrNotFound(tx: Queryable, ctx: TenantContext, eventId: string): Promise<void> {
  if (!(await q.findEvent(tx, ctx.municipalityId, eventId))) throw notFound();
}

/**
 * Stores (or replaces) the event's image. The event is looked up first, so another municipality's
 * event answers 404 whatever was sent; then the description and the bytes are checked.
 */
export async function saveEventImage(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  body: unknown,
  alt: string | undefined,
): Promise<EventImageView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOrNotFound(tx, ctx, eventId);
    const description = cleanAlt(alt);
    if (!(body instanceof Uint8Array)) throw new AppError('request.unsupported_media_type', 415);
    if (body.length > IMAGE_MAX_BYTES) throw new AppError('image.too_large', 413, { max: IMAGE_MAX_BYTES });
    const contentType = imageTypeOf(body);
    if (!contentType) throw new AppError('image.unsupported', 400, { types: IMAGE_TYPES });
    const saved = await q.saveEventImage(tx, ctx.municipalityId, eventId, {
      contentType,
      bytes: body,
      alt: description,
    });
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { via: 'image', contentType, bytes: body.length },
    });
    return presentImage(saved);
  });
}

/** The image's bytes and type, and a tag of its content for the browser's cache. */
export async function getEventImage(deps: Deps, ctx: TenantContext, eventId: string) {
  const image = await inTenant(deps.db, ctx, async (tx) => {
    await eventOrNotFound(tx, ctx, eventId);
    return q.findEventImage(tx, ctx.municipalityId, eventId);
  });
  if (!image) throw notFound();
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  return {
    ...presentImage(image),
    bytes,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
  };
}

/** Removes the image; removing one that is not there (a double click) is no error. */
export async function deleteEventImage(deps: Deps, ctx: TenantContext, eventId: string): Promise<void> {
  await inTenant(deps.db, ctx, async (tx) => {
    await eventOrNotFound(tx, ctx, eventId);
    if (await q.deleteEventImage(tx, ctx.municipalityId, eventId)) {
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'event',
        recordId: eventId,
        details: { via: 'image_removed' },
      });
    }
  });
}
