import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ALT_MAX, IMAGE_MAX_BYTES, IMAGE_TYPES } from '../../../domain/event.js';
import { tenantOf } from '../../../server/context.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import { EventImageQuery, EventImageView, EventParams } from '../contract.js';
import { deleteEventImage, getEventImage, saveEventImage } from '../service/store-image.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['cafe'];

/**
 * The event's image (docs/sending-api.md): one picture for the invitation and the answer page.
 * Its own plugin, so the raw-body parsers below reach no other route.
 */
export const eventImageRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Only inside this plugin: the image arrives as the raw request body, read as bytes. Which
  // kind it is, is decided by the service from the bytes, not from this header.
  app.addContentTypeParser(
    [...IMAGE_TYPES],
    { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.put(
    '/api/events/:eventId/image',
    {
      config: event,
      bodyLimit: IMAGE_MAX_BYTES,
      schema: {
        tags,
        summary: "Stores or replaces the event's image (the raw JPEG, PNG or WebP as the body)",
        description:
          `Up to ${IMAGE_MAX_BYTES / 1024 / 1024} MiB (413 request.too_large). The bytes must be a JPEG, PNG ` +
          'or WebP (400 image.unsupported, nothing stored). `alt` describes the image for screen readers, ' +
          `1–${ALT_MAX} characters (400 validation.invalid).`,
        params: EventParams,
        querystring: EventImageQuery,
        consumes: [...IMAGE_TYPES],
        response: withErrors({ 200: EventImageView }),
      },
    },
    async (request) =>
      saveEventImage(deps, tenantOf(request), request.params.eventId, request.body, request.query.alt),
  );

  app.get(
    '/api/events/:eventId/image',
    {
      config: event,
      schema: {
        tags,
        summary: "The event's image as its bytes (404 when it has none)",
        params: EventParams,
        produces: [...IMAGE_TYPES],
        response: withErrors({
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the image' }),
          304: Type.Null({ description: 'If-None-Match names the stored image' }),
        }),
      },
    },
    async (request, reply) => {
      const image = await getEventImage(deps, tenantOf(request), request.params.eventId);
      reply.header('cache-control', 'private, no-cache').header('etag', image.etag);
      if (request.headers['if-none-match'] === image.etag) return reply.status(304).send(null);
      return reply
        .type(image.contentType)
        .header('content-disposition', 'inline')
        .header('last-modified', new Date(image.updatedAt).toUTCString())
        .send(image.bytes);
    },
  );

  app.delete(
    '/api/events/:eventId/image',
    {
      config: event,
      schema: {
        tags,
        summary: "Removes the event's image",
        params: EventParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteEventImage(deps, tenantOf(request), request.params.eventId);
      return reply.status(204).send(null);
    },
  );
};
