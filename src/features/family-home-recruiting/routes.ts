import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CandidateInput,
  CandidateList,
  CandidateParams,
  CandidateStageChange,
  CandidateUpdate,
  CandidateView,
} from './contract.js';
import {
  changeCandidateStage,
  createCandidate,
  deleteCandidate,
  listCandidates,
  readCandidate,
  updateCandidate,
} from './service.js';

const read = { permission: 'registry:read' as const };
const write = { permission: 'registry:write' as const };
const tenantObject = 'familyHomeCandidate' as const;
const tags = ['family-homes'];

/** Recruiting family-home parents (rekruttering): the candidates and their pipeline. */
export const familyHomeRecruitingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/api/family-home-candidates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Candidate family-home parents, in pipeline order',
        response: withErrors({ 200: CandidateList }),
      },
    },
    async (request) => listCandidates(deps, tenantOf(request)),
  );

  app.post(
    '/api/family-home-candidates',
    {
      config: write,
      schema: {
        tags,
        summary: 'Registers a candidate at first contact',
        body: CandidateInput,
        response: withErrors({ 201: CandidateView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCandidate(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/family-home-candidates/:candidateId',
    {
      config: { ...read, tenantObject },
      schema: {
        tags,
        summary: 'A candidate with the dates of their steps and the staff notes',
        params: CandidateParams,
        response: withErrors({ 200: CandidateView }),
      },
    },
    async (request) => readCandidate(deps, tenantOf(request), request.params.candidateId),
  );

  app.put(
    '/api/family-home-candidates/:candidateId',
    {
      config: { ...write, tenantObject },
      schema: {
        tags,
        summary:
          "Replaces a candidate's facts and notes; 409 recruiting.conflict when `version` is not the stored one",
        params: CandidateParams,
        body: CandidateUpdate,
        response: withErrors({ 200: CandidateView }),
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return updateCandidate(deps, tenantOf(request), request.params.candidateId, input, version);
    },
  );

  app.post(
    '/api/family-home-candidates/:candidateId/stage',
    {
      config: { ...write, tenantObject },
      schema: {
        tags,
        summary:
          'Moves a candidate to the next step or to stopped; 409 recruiting.stage_not_allowed otherwise',
        params: CandidateParams,
        body: CandidateStageChange,
        response: withErrors({ 200: CandidateView }),
      },
    },
    async (request) =>
      changeCandidateStage(deps, tenantOf(request), request.params.candidateId, request.body),
  );

  app.delete(
    '/api/family-home-candidates/:candidateId',
    {
      config: { ...write, tenantObject },
      schema: {
        tags,
        summary: 'Removes a candidate and all that is kept about them',
        params: CandidateParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteCandidate(deps, tenantOf(request), request.params.candidateId);
      return reply.status(204).send(null);
    },
  );
};
