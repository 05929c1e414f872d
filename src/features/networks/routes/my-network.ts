import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RECEIPT_MAX_BYTES, RECEIPT_TYPES } from '../../../domain/network.js';
import { tenantOf } from '../../../server/context.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import {
  CallBackResult,
  ClaimInput,
  ClaimList,
  ClaimParams,
  ClaimView,
  ContactInput,
  ContactList,
  ContactView,
  GatheringInput,
  GatheringList,
  GatheringView,
  MyNetworkView,
} from '../contract.js';
import { myClaims, storeReceipt, submitClaim } from '../service/handle-claims.js';
import {
  getMyNetwork,
  listContacts,
  listGatherings,
  logContact,
  planGathering,
  requestCallBack,
} from '../service/my-network.js';

const own = { permission: 'network:own' as const };
const myTags = ['my-network'];

/** The resource family's own pages: its network only (docs/networks-api.md). */
export const myNetworkRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Only inside this plugin: the receipt arrives as the raw body; its type is read from its bytes.
  app.addContentTypeParser(
    [...RECEIPT_TYPES],
    { parseAs: 'buffer', bodyLimit: RECEIPT_MAX_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/my-network',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: "The resource family's network",
        response: withErrors({ 200: MyNetworkView }),
      },
    },
    async (request) => getMyNetwork(deps, tenantOf(request)),
  );

  app.get(
    '/api/my-network/contacts',
    {
      config: own,
      schema: { tags: myTags, summary: 'The contact log', response: withErrors({ 200: ContactList }) },
    },
    async (request) => listContacts(deps, tenantOf(request)),
  );

  app.post(
    '/api/my-network/contacts',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: 'Logs a contact with a family of the network',
        body: ContactInput,
        response: withErrors({ 201: ContactView }),
      },
    },
    async (request, reply) => reply.status(201).send(await logContact(deps, tenantOf(request), request.body)),
  );

  app.post(
    '/api/my-network/call-back',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: 'Asks the caseworkers to call (no content)',
        response: withErrors({ 201: CallBackResult }),
      },
    },
    async (request, reply) => reply.status(201).send(await requestCallBack(deps, tenantOf(request))),
  );

  app.get(
    '/api/my-network/gatherings',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: "The network's gatherings",
        response: withErrors({ 200: GatheringList }),
      },
    },
    async (request) => listGatherings(deps, tenantOf(request)),
  );

  app.post(
    '/api/my-network/gatherings',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: 'Plans a gathering',
        body: GatheringInput,
        response: withErrors({ 201: GatheringView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await planGathering(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/my-network/claims',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: "The resource family's claims for expenses",
        response: withErrors({ 200: ClaimList }),
      },
    },
    async (request) => myClaims(deps, tenantOf(request)),
  );

  app.post(
    '/api/my-network/claims',
    {
      config: own,
      schema: {
        tags: myTags,
        summary: 'Claims an expense (the receipt follows as its own upload)',
        body: ClaimInput,
        response: withErrors({ 201: ClaimView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitClaim(deps, tenantOf(request), request.body)),
  );

  app.put(
    '/api/my-network/claims/:claimId/receipt',
    {
      config: { ...own, tenantObject: 'claim' },
      bodyLimit: RECEIPT_MAX_BYTES,
      schema: {
        tags: myTags,
        summary: 'The receipt as the raw body: JPEG, PNG or PDF, at most 5 MiB',
        params: ClaimParams,
        consumes: [...RECEIPT_TYPES],
        response: withErrors({ 200: ClaimView }),
      },
    },
    async (request) => storeReceipt(deps, tenantOf(request), request.params.claimId, request.body),
  );
};
