import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CheckParams,
  Cohorts,
  NewPerson,
  PersonParams,
  Plan,
  ProgrammeList,
  ProgrammeParams,
  SetCheck,
  SetPhase,
  STABILITY_FIGURES,
  Stability,
} from './contract.js';
import {
  addPerson,
  exportCohorts,
  exportMembers,
  exportStability,
  listProgrammes,
  readCohorts,
  readPlan,
  readStability,
  removePerson,
  setPhase,
  tickItem,
} from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const Empty = Type.Object({});

/**
 * Inter-municipal programmes (SPEC section 4): the plan for everyone who may see the programme,
 * the member's own phase and checklist for its staff, the groups' people for the coordinator,
 * and placement stability as aggregates.
 */
export const programmeRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const { db } = deps;
  const team = (request: Parameters<typeof requireAuth>[0]) =>
    requireAuth(request).permissions.includes('events:manage');

  app.get(
    '/api/programmes',
    {
      config: { permission: 'insight:read' },
      schema: {
        tags: ['programmes'],
        summary: 'The programmes the user coordinates or whose member municipality they work in',
        response: withErrors({ 200: ProgrammeList }),
      },
    },
    (request) => listProgrammes(db, tenantOf(request)),
  );

  app.get(
    '/api/programmes/:programmeId',
    {
      config: { permission: 'insight:read', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary: "A programme's plan: the members' phases and checklists, and the people of its groups",
        params: ProgrammeParams,
        response: withErrors({ 200: Plan }),
      },
    },
    (request) => readPlan(db, tenantOf(request), request.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/phase',
    {
      config: { permission: 'events:manage', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary: "Sets the phase the user's own municipality is in",
        params: ProgrammeParams,
        body: SetPhase,
        response: withErrors({ 200: Empty }),
      },
    },
    async (request) => {
      await setPhase(db, tenantOf(request), request.params.programmeId, request.body.phase);
      return {};
    },
  );

  app.put(
    '/api/programmes/:programmeId/checks/:item',
    {
      config: { permission: 'events:manage', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary: "Ticks or unticks an item of a phase's checklist for the user's own municipality",
        params: CheckParams,
        body: SetCheck,
        response: withErrors({ 200: Empty }),
      },
    },
    async (request) => {
      const { programmeId, item } = request.params;
      await tickItem(db, tenantOf(request), programmeId, item, request.body.done);
      return {};
    },
  );

  app.post(
    '/api/programmes/:programmeId/people',
    {
      config: { permission: 'aggregates:read', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary: "Adds a person to the programme's groups (the coordinator)",
        params: ProgrammeParams,
        body: NewPerson,
        response: withErrors({ 201: Type.Object({ id: Type.String() }) }),
      },
    },
    async (request, reply) => {
      const created = await addPerson(db, tenantOf(request), request.params.programmeId, request.body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/programmes/:programmeId/people/:personId',
    {
      config: { permission: 'aggregates:read', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary: "Removes a person from the programme's groups (the coordinator)",
        params: PersonParams,
        response: withErrors({ 200: Empty }),
      },
    },
    async (request) => {
      await removePerson(db, tenantOf(request), request.params.programmeId, request.params.personId);
      return {};
    },
  );

  app.get(
    '/api/programmes/:programmeId/cohorts',
    {
      config: { permission: 'aggregates:read', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary:
          "En god start's cohorts in the member municipalities for the coordinator: households invited and present per session, counts under 5 hidden",
        params: ProgrammeParams,
        response: withErrors({ 200: Cohorts }),
      },
    },
    (request) => readCohorts(db, tenantOf(request), request.params.programmeId),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/programmes/:programmeId/members.${format}`,
      {
        config: { permission: 'insight:read', tenantObject: 'programme' },
        schema: {
          tags: ['programmes'],
          summary: `The plan's members (phase, checklist) as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}`,
          params: ProgrammeParams,
          produces: [format === 'xlsx' ? XLSX : 'text/csv'],
          response: withErrors({ 200: Binary }),
        },
      },
      async (request, reply) => {
        const body = await exportMembers(db, tenantOf(request), request.params.programmeId, format);
        return reply
          .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="landsby-program-medlemmer.${format}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
    app.get(
      `/api/programmes/:programmeId/cohorts.${format}`,
      {
        config: { permission: 'aggregates:read', tenantObject: 'programme' },
        schema: {
          tags: ['programmes'],
          summary: `The cohorts table as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}: counts under 5 hidden as on the page`,
          params: ProgrammeParams,
          produces: [format === 'xlsx' ? XLSX : 'text/csv'],
          response: withErrors({ 200: Binary }),
        },
      },
      async (request, reply) => {
        const body = await exportCohorts(db, tenantOf(request), request.params.programmeId, format);
        return reply
          .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="landsby-kull.${format}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }

  app.get(
    '/api/programmes/:programmeId/stability',
    {
      config: { permission: 'insight:read', tenantObject: 'programme' },
      schema: {
        tags: ['programmes'],
        summary:
          'Unplanned moves per 100 placement-years by year, municipality and taking part: pooled with small counts hidden for the coordinator, the own municipality for its staff',
        params: ProgrammeParams,
        response: withErrors({ 200: Stability }),
      },
    },
    (request) =>
      readStability(db, tenantOf(request), request.params.programmeId, team(request), {
        figure: 'all',
        format: 'json',
      }),
  );

  for (const figure of STABILITY_FIGURES) {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/programmes/:programmeId/stability/${figure}.${format}`,
        {
          config: { permission: 'insight:read', tenantObject: 'programme' },
          schema: {
            tags: ['programmes'],
            summary: `The stability figure "${figure}" as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}`,
            params: ProgrammeParams,
            produces: [format === 'xlsx' ? XLSX : 'text/csv'],
            response: withErrors({ 200: Binary }),
          },
        },
        async (request, reply) => {
          const body = await exportStability(
            db,
            tenantOf(request),
            request.params.programmeId,
            team(request),
            figure,
            format,
          );
          return reply
            .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="landsby-stabilitet-${figure}.${format}"`)
            .header('cache-control', 'no-store')
            .send(body);
        },
      );
    }
  }
};
