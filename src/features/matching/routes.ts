import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CandidateInput,
  CandidateList,
  CandidateParams,
  CandidateView,
  ChoiceInput,
  ChoiceResult,
  LeaveSiblingsInput,
  MatchingChildList,
  ProposalInput,
  Proposals,
  SiblingsInput,
} from './contract.js';
import { chooseNetwork } from './service/choose-network.js';
import { listCandidates, removeCandidate, saveCandidate } from './service/keep-candidates.js';
import { joinSiblings, leaveSiblings } from './service/keep-siblings.js';
import { listChildren, proposeFor } from './service/propose-network.js';

const supervise = { permission: 'networks:supervise' as const };
const candidate = { ...supervise, tenantObject: 'household' as const };
const tags = ['matching'];

/** Matching children to a network, the sibling links it uses, and the resource-family candidates. */
export const matchingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/matching/children',
    {
      config: supervise,
      schema: {
        tags,
        summary: 'The children of the foster, emergency and family homes, to pick for a network',
        response: withErrors({ 200: MatchingChildList }),
      },
    },
    async (request) => listChildren(deps, tenantOf(request)),
  );

  app.post(
    '/api/matching/proposals',
    {
      config: supervise,
      schema: {
        tags,
        summary: 'Proposes members and a resource family for the picked children, with the reasons',
        body: ProposalInput,
        response: withErrors({ 200: Proposals }),
      },
    },
    async (request) => proposeFor(deps, tenantOf(request), request.body),
  );

  app.post(
    '/api/matching/choice',
    {
      config: supervise,
      schema: {
        tags,
        summary: "Creates or fills a network with the team's chosen homes (proposed members)",
        body: ChoiceInput,
        response: withErrors({ 201: ChoiceResult }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await chooseNetwork(deps, tenantOf(request), request.body)),
  );

  app.post(
    '/api/matching/siblings',
    {
      config: supervise,
      schema: {
        tags,
        summary: 'Records the children as siblings (one sibling group)',
        body: SiblingsInput,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await joinSiblings(deps, tenantOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/matching/siblings/leave',
    {
      config: supervise,
      schema: {
        tags,
        summary: 'Takes a child out of its sibling group',
        body: LeaveSiblingsInput,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await leaveSiblings(deps, tenantOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/resource-family-candidates',
    {
      config: supervise,
      schema: {
        tags,
        summary: 'The short list of resource-family candidates with their Solid status',
        response: withErrors({ 200: CandidateList }),
      },
    },
    async (request) => listCandidates(deps, tenantOf(request)),
  );

  app.put(
    '/api/resource-family-candidates/:householdId',
    {
      config: candidate,
      schema: {
        tags,
        summary: 'Puts a household on the short list or changes its status, date and suitability note',
        params: CandidateParams,
        body: CandidateInput,
        response: withErrors({ 200: CandidateView }),
      },
    },
    async (request) => saveCandidate(deps, tenantOf(request), request.params.householdId, request.body),
  );

  app.delete(
    '/api/resource-family-candidates/:householdId',
    {
      config: candidate,
      schema: {
        tags,
        summary: 'Takes a household off the short list',
        params: CandidateParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeCandidate(deps, tenantOf(request), request.params.householdId);
      return reply.status(204).send(null);
    },
  );
};
