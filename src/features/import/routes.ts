import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MAX_UPLOAD_BYTES } from '../../domain/limits.js';
import { localeOf, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { errorMessage } from '../../server/messages.js';
import { withErrors } from '../../server/schemas.js';
import {
  ApplyBody,
  DryRun,
  DryRunBody,
  ImportJob,
  ImportParams as JobParams,
  MappingParams,
  SavedMapping,
  SavedMappingList,
  SaveMappingBody,
  UploadQuery,
} from './contract.js';
import { RowFailed } from './errors.js';
import {
  applyImport,
  deleteImport,
  deleteMapping,
  dryRunImport,
  getImport,
  listMappings,
  purgeExpiredImports,
  saveMapping,
  uploadImport,
} from './service.js';

const read = { permission: 'registry:read' as const };
const write = { permission: 'registry:write' as const };
const oneJob = { ...write, tenantObject: 'import' as const };
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Import of households from the case-management system's CSV and Excel exports. */
export const importRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Uploaded rows are personal data: jobs nobody finished are removed 24 hours after the upload.
  const sweep = async () => {
    try {
      await purgeExpiredImports(deps);
    } catch (error) {
      deps.log.warn({ err: error }, 'removing expired imports failed');
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onReady', sweep);
  app.addHook('onClose', async () => clearInterval(timer));

  // The upload takes the file itself as the body, whatever type the browser gives it.
  await app.register(async (plugin) => {
    const upload = plugin.withTypeProvider<TypeBoxTypeProvider>();
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.post(
      '/api/imports',
      {
        config: write,
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ['import'],
          summary:
            'Uploads a CSV (; or , separated, UTF-8 or Windows-1252) or .xlsx file as the request body; ' +
            'returns the import job with headers, sample rows and a suggested column mapping',
          querystring: UploadQuery,
          response: withErrors({ 201: ImportJob }),
        },
      },
      async (request, reply) => {
        const body = request.body;
        const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const job = await uploadImport(deps, tenantOf(request), data, request.query.fileName?.trim() || null);
        return reply.status(201).send(job);
      },
    );
  });

  app.get(
    '/api/imports/:importId',
    {
      config: { ...read, tenantObject: 'import' },
      schema: {
        tags: ['import'],
        summary: 'An uploaded import file: its columns and the suggested mapping',
        params: JobParams,
        response: withErrors({ 200: ImportJob }),
      },
    },
    async (request) => getImport(deps, tenantOf(request), request.params.importId),
  );

  app.delete(
    '/api/imports/:importId',
    {
      config: oneJob,
      schema: {
        tags: ['import'],
        summary: 'Cancels an import and removes the uploaded rows at once',
        params: JobParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteImport(deps, tenantOf(request), request.params.importId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/imports/:importId/dry-run',
    {
      config: oneJob,
      schema: {
        tags: ['import'],
        summary: 'What the import would do with this mapping, row by row; writes nothing',
        params: JobParams,
        body: DryRunBody,
        response: withErrors({ 200: DryRun }),
      },
    },
    async (request) => dryRunImport(deps, tenantOf(request), request.params.importId, request.body.mapping),
  );

  app.post(
    '/api/imports/:importId/apply',
    {
      config: oneJob,
      schema: {
        tags: ['import'],
        summary:
          'Imports all or nothing. Answers application/x-ndjson: {"type":"start","total"}, ' +
          '{"type":"progress","done","total"}…, then {"type":"done","result"} or {"type":"error","code","message","row"}. ' +
          'Errors found before the first row (404, 409 import.has_rejections) are ordinary JSON answers.',
        params: JobParams,
        body: ApplyBody,
        response: withErrors({}),
      },
    },
    async (request, reply) => {
      const ctx = tenantOf(request);
      const locale = localeOf(request);
      const stream = new PassThrough();
      const send = (line: object) => stream.write(`${JSON.stringify(line)}\n`);
      let begin = () => {};
      const begun = new Promise<void>((resolve) => {
        begin = resolve;
      });
      const work = applyImport(deps, ctx, request.params.importId, request.body, {
        start(total) {
          send({ type: 'start', total });
          begin();
        },
        progress(done, total) {
          send({ type: 'progress', done, total });
        },
      });
      work.catch(() => {}); // handled below, once it is known whether the answer has begun
      // A failure before the first row (not found, rejections) is an ordinary error answer.
      await Promise.race([begun, work]);
      work.then(
        (result) => {
          send({ type: 'done', result });
          stream.end();
        },
        (error: unknown) => {
          if (
            !(error instanceof AppError) ||
            (error instanceof RowFailed && error.code === 'import.failed')
          ) {
            request.log.error({ err: error instanceof RowFailed ? error.original : error }, 'import failed');
          }
          const code = error instanceof AppError ? error.code : 'import.failed';
          send({
            type: 'error',
            code,
            message: errorMessage(code, locale),
            row: error instanceof RowFailed ? error.row : null,
          });
          stream.end();
        },
      );
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream as never); // a stream of lines, which no response schema describes
    },
  );

  app.get(
    '/api/import-mappings',
    {
      config: read,
      schema: {
        tags: ['import'],
        summary: "The municipality's saved column mappings",
        response: withErrors({ 200: SavedMappingList }),
      },
    },
    async (request) => ({ mappings: await listMappings(deps, tenantOf(request)) }),
  );

  app.post(
    '/api/import-mappings',
    {
      config: write,
      schema: {
        tags: ['import'],
        summary: 'Saves a column mapping by name; the same name again replaces it',
        body: SaveMappingBody,
        response: withErrors({ 200: SavedMapping, 201: SavedMapping }),
      },
    },
    async (request, reply) => {
      const { name, ...mapping } = request.body;
      const saved = await saveMapping(deps, tenantOf(request), name, mapping);
      return reply.status(saved.created ? 201 : 200).send(saved.mapping);
    },
  );

  app.delete(
    '/api/import-mappings/:mappingId',
    {
      config: { ...write, tenantObject: 'importMapping' },
      schema: {
        tags: ['import'],
        summary: 'Deletes a saved column mapping',
        params: MappingParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteMapping(deps, tenantOf(request), request.params.mappingId);
      return reply.status(204).send(null);
    },
  );
};
