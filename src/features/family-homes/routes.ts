import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CounsellorInput,
  CounsellorList,
  FamilyHomeList,
  FamilyHomeParams,
  FamilyHomeView,
  FollowUpInput,
  YouthInput,
  YouthParams,
} from './contract.js';
import {
  addYouth,
  assignCounsellor,
  editYouth,
  logFollowUp,
  removeYouth,
  unassignCounsellor,
} from './service/edit-home.js';
import { getFamilyHome, listCounsellors, listFamilyHomes } from './service/show-homes.js';
import { viewerOf } from './service/viewer.js';

// Reading and the follow-up log: the team (registry:read) or a family counsellor for their own
// homes — checked by viewerOf, since a route names one permission. Changes to the home: the team.
const home = { tenantObject: 'household' as const };
const teamWrites = { permission: 'registry:write' as const };
const tags = ['family-homes'];

const viewer = (request: FastifyRequest) => viewerOf(tenantOf(request), requireAuth(request).permissions);

/** The family homes (docs/family-homes-api.md). */
export const familyHomeRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/family-homes',
    {
      schema: {
        tags,
        summary: 'The family homes: all for the team, their own for a family counsellor',
        response: withErrors({ 200: FamilyHomeList }),
      },
    },
    async (request) => listFamilyHomes(deps, viewer(request)),
  );

  app.get(
    '/api/family-homes/counsellors',
    {
      config: teamWrites,
      schema: {
        tags,
        summary: 'The family counsellors and how many homes each follows',
        response: withErrors({ 200: CounsellorList }),
      },
    },
    async (request) => listCounsellors(deps, viewer(request)),
  );

  app.get(
    '/api/family-homes/:householdId',
    {
      config: home,
      schema: {
        tags,
        summary: 'One family home: parents, youths, family counsellor, follow-up log',
        params: FamilyHomeParams,
        response: withErrors({ 200: FamilyHomeView }),
      },
    },
    async (request) => getFamilyHome(deps, viewer(request), request.params.householdId),
  );

  app.post(
    '/api/family-homes/:householdId/youths',
    {
      config: { ...home, ...teamWrites },
      schema: {
        tags,
        summary: 'Adds a youth to the home (first name, birth and arrival dates, languages)',
        params: FamilyHomeParams,
        body: YouthInput,
        response: withErrors({ 201: FamilyHomeView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addYouth(deps, viewer(request), request.params.householdId, request.body)),
  );

  app.put(
    '/api/family-homes/:householdId/youths/:youthId',
    {
      config: { ...home, ...teamWrites },
      schema: {
        tags,
        summary: "Changes a youth's first name, dates or languages",
        params: YouthParams,
        body: YouthInput,
        response: withErrors({ 200: FamilyHomeView }),
      },
    },
    async (request) =>
      editYouth(deps, viewer(request), request.params.householdId, request.params.youthId, request.body),
  );

  app.delete(
    '/api/family-homes/:householdId/youths/:youthId',
    {
      config: { ...home, ...teamWrites },
      schema: {
        tags,
        summary: 'Removes a youth who has moved out',
        params: YouthParams,
        response: withErrors({ 200: FamilyHomeView }),
      },
    },
    async (request) => removeYouth(deps, viewer(request), request.params.householdId, request.params.youthId),
  );

  app.put(
    '/api/family-homes/:householdId/counsellor',
    {
      config: { ...home, ...teamWrites },
      schema: {
        tags,
        summary: 'Makes a family counsellor follow the home (a third home only with an override)',
        params: FamilyHomeParams,
        body: CounsellorInput,
        response: withErrors({ 200: FamilyHomeView }),
      },
    },
    async (request) =>
      assignCounsellor(
        deps,
        viewer(request),
        request.params.householdId,
        request.body,
        requireAuth(request).permissions.includes('approvals:decide'),
      ),
  );

  app.delete(
    '/api/family-homes/:householdId/counsellor',
    {
      config: { ...home, ...teamWrites },
      schema: {
        tags,
        summary: 'The home has no family counsellor any more',
        params: FamilyHomeParams,
        response: withErrors({ 200: FamilyHomeView }),
      },
    },
    async (request) => unassignCounsellor(deps, viewer(request), request.params.householdId),
  );

  app.post(
    '/api/family-homes/:householdId/follow-ups',
    {
      config: home,
      schema: {
        tags,
        summary: 'Logs a home visit, a call or a meeting with the home',
        params: FamilyHomeParams,
        body: FollowUpInput,
        response: withErrors({ 201: FamilyHomeView }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logFollowUp(deps, viewer(request), request.params.householdId, request.body)),
  );
};
