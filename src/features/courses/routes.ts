import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PAMPHLET_MAX_BYTES, PAMPHLET_TYPES } from '../../domain/course.js';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CompletionInput,
  CompletionParams,
  CompletionView,
  CourseInput,
  CourseList,
  CourseListQuery,
  CourseParams,
  CourseView,
  HouseholdCourses,
  HouseholdParams,
  SolidOverrideInput,
} from './contract.js';
import { overrideSolid } from './service/gate-solid.js';
import {
  addCourse,
  householdCourses,
  listCourses,
  recordCompletion,
  removeCompletion,
  setCourseArchived,
} from './service/keep-register.js';
import { pamphletOf, storePamphlet } from './service/store-pamphlet.js';

const read = { permission: 'registry:read' as const };
const write = { permission: 'registry:write' as const };
const tags = ['courses'];
// The pamphlet arrives as the raw body under any of these types: its type is read from its bytes.
const UPLOAD_TYPES = [...PAMPHLET_TYPES, 'application/octet-stream'];

/** The course register (docs/courses-api.md). */
export const courseRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: PAMPHLET_MAX_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/courses',
    {
      config: read,
      schema: {
        tags,
        summary: "The municipality's courses, built-in and its own, each with who completed it",
        querystring: CourseListQuery,
        response: withErrors({ 200: CourseList }),
      },
    },
    async (request) => listCourses(deps, tenantOf(request), request.query.archived ?? false),
  );

  app.post(
    '/api/courses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Adds a course of the municipality (a name and a provider)',
        body: CourseInput,
        response: withErrors({ 201: CourseView }),
      },
    },
    async (request, reply) => reply.status(201).send(await addCourse(deps, tenantOf(request), request.body)),
  );

  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/api/courses/:courseId/${path}`,
      {
        config: { ...write, tenantObject: 'course' },
        schema: {
          tags,
          summary: archived
            ? 'Archives a course the municipality added (409 courses.builtin for a built-in one)'
            : 'Takes a course back from the archive',
          params: CourseParams,
          response: withErrors({ 200: CourseView }),
        },
      },
      async (request) => setCourseArchived(deps, tenantOf(request), request.params.courseId, archived),
    );
  }

  app.post(
    '/api/course-completions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Records that an adult of a household or a staff user completed a course',
        body: CompletionInput,
        response: withErrors({ 201: CompletionView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCompletion(deps, tenantOf(request), request.body)),
  );

  app.delete(
    '/api/course-completions/:completionId',
    {
      config: { ...write, tenantObject: 'courseCompletion' },
      schema: {
        tags,
        summary: 'Deletes a completion recorded by mistake',
        params: CompletionParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeCompletion(deps, tenantOf(request), request.params.completionId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/course-completions/:completionId/pamphlet',
    {
      config: { ...write, tenantObject: 'courseCompletion' },
      bodyLimit: PAMPHLET_MAX_BYTES,
      schema: {
        tags,
        summary: "The intro course's pamphlet as the raw body: PDF, JPEG or PNG, at most 5 MiB",
        params: CompletionParams,
        consumes: UPLOAD_TYPES,
        response: withErrors({ 200: CompletionView }),
      },
    },
    async (request) =>
      storePamphlet(deps, tenantOf(request), request.params.completionId, request.body as Buffer | undefined),
  );

  app.get(
    '/api/course-completions/:completionId/pamphlet',
    {
      config: { ...read, tenantObject: 'courseCompletion' },
      schema: {
        tags,
        summary: "The intro course's pamphlet (PDF, JPEG or PNG)",
        params: CompletionParams,
        produces: [...PAMPHLET_TYPES],
      },
    },
    async (request, reply) => {
      const pamphlet = await pamphletOf(deps, tenantOf(request), request.params.completionId);
      return reply
        .header('content-type', pamphlet.contentType)
        .header('content-disposition', `attachment; filename="${pamphlet.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(pamphlet.bytes);
    },
  );

  app.get(
    '/api/households/:householdId/courses',
    {
      config: { ...read, tenantObject: 'household' },
      schema: {
        tags,
        summary: "A household's adults, their course completions and whether Solid is met",
        params: HouseholdParams,
        response: withErrors({ 200: HouseholdCourses }),
      },
    },
    async (request) => householdCourses(deps, tenantOf(request), request.params.householdId),
  );

  app.put(
    '/api/households/:householdId/solid-override',
    {
      config: { ...write, tenantObject: 'household' },
      schema: {
        tags,
        summary: 'A team leader lets the household be a resource family without Solid, with a reason',
        params: HouseholdParams,
        body: SolidOverrideInput,
        response: withErrors({ 200: HouseholdCourses }),
      },
    },
    async (request) => {
      const canOverride = requireAuth(request).permissions.includes('approvals:decide');
      return overrideSolid(deps, tenantOf(request), canOverride, request.params.householdId, request.body);
    },
  );
};
