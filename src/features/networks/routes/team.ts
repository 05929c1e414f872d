import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { RECEIPT_TYPES } from '../../../domain/network.js';
import { localeOf, requireAuth, tenantOf } from '../../../server/context.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import {
  CallBackParams,
  ClaimDecision,
  ClaimExportQuery,
  ClaimList,
  ClaimListQuery,
  ClaimParams,
  ClaimView,
  ConsentInput,
  ContactSettings,
  ContactSettingsInput,
  EndMemberInput,
  JoinInput,
  MemberInput,
  MemberParams,
  MemberView,
  NetworkInput,
  NetworkList,
  NetworkParams,
  NetworkUserInput,
  NetworkView,
  SigningLink,
  SigningLinkInput,
  WithdrawInput,
} from '../contract.js';
import {
  createNetwork,
  endMember,
  getContactSettings,
  joinMember,
  linkResourceFamilyUser,
  markCallBackDone,
  proposeMember,
  recordConsent,
  saveContactSettings,
  signingLink,
  withdraw,
} from '../service/edit-membership.js';
import { approvedClaimsCsv, claimReceipt, decideClaim, listClaims } from '../service/handle-claims.js';
import { getNetwork, listNetworks } from '../service/show-networks.js';

const team = { permission: 'networks:supervise' as const };
const network = { ...team, tenantObject: 'network' as const };
const claim = { ...team, tenantObject: 'claim' as const };
const tags = ['networks'];

/** The team's pages of the resource-family networks (docs/networks-api.md). */
export const networkRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/networks',
    {
      config: team,
      schema: {
        tags,
        summary: 'The networks with what to follow up',
        response: withErrors({ 200: NetworkList }),
      },
    },
    async (request) => listNetworks(deps, tenantOf(request)),
  );

  app.post(
    '/api/networks',
    {
      config: team,
      schema: {
        tags,
        summary: 'Makes a network: its resource family, caseworkers and partner municipality',
        body: NetworkInput,
        response: withErrors({ 201: NetworkView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createNetwork(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/networks/contact-settings',
    {
      config: team,
      schema: {
        tags,
        summary: 'How often the networks are to be contacted',
        response: withErrors({ 200: ContactSettings }),
      },
    },
    async (request) => getContactSettings(deps, tenantOf(request)),
  );

  app.put(
    '/api/networks/contact-settings',
    {
      config: team,
      schema: {
        tags,
        summary: 'Saves how often the networks are to be contacted',
        body: ContactSettingsInput,
        response: withErrors({ 200: ContactSettings }),
      },
    },
    async (request) => saveContactSettings(deps, tenantOf(request), request.body),
  );

  app.get(
    '/api/networks/claims',
    {
      config: team,
      schema: {
        tags,
        summary: "The networks' claims for expenses",
        querystring: ClaimListQuery,
        response: withErrors({ 200: ClaimList }),
      },
    },
    async (request) => listClaims(deps, tenantOf(request), request.query.status),
  );

  app.get(
    '/api/networks/claims.csv',
    {
      config: team,
      schema: {
        tags,
        summary: 'Approved claims for the accounts office (CSV)',
        querystring: ClaimExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await approvedClaimsCsv(deps, tenantOf(request), localeOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="utlegg.csv"')
        .send(csv);
    },
  );

  app.post(
    '/api/networks/claims/:claimId/decision',
    {
      config: claim,
      schema: {
        tags,
        summary: 'Approves or rejects a claim',
        params: ClaimParams,
        body: ClaimDecision,
        response: withErrors({ 200: ClaimView }),
      },
    },
    async (request) => decideClaim(deps, tenantOf(request), request.params.claimId, request.body),
  );

  app.get(
    '/api/networks/claims/:claimId/receipt',
    {
      config: claim,
      schema: {
        tags,
        summary: "A claim's receipt (JPEG, PNG or PDF)",
        params: ClaimParams,
        produces: [...RECEIPT_TYPES],
      },
    },
    async (request, reply) => {
      const receipt = await claimReceipt(deps, tenantOf(request), request.params.claimId);
      return reply
        .header('content-type', receipt.contentType)
        .header('cache-control', 'no-store')
        .send(receipt.bytes);
    },
  );

  app.get(
    '/api/networks/:networkId',
    {
      config: network,
      schema: {
        tags,
        summary: 'One network: its members, consents, signatures and contacts',
        params: NetworkParams,
        response: withErrors({ 200: NetworkView }),
      },
    },
    async (request) => getNetwork(deps, tenantOf(request), request.params.networkId),
  );

  app.post(
    '/api/networks/:networkId/members',
    {
      config: network,
      schema: {
        tags,
        summary: 'Proposes a household (pending)',
        params: NetworkParams,
        body: MemberInput,
        response: withErrors({ 201: MemberView }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await proposeMember(deps, tenantOf(request), request.params.networkId, request.body.householdId),
        ),
  );

  app.post(
    '/api/networks/:networkId/members/:memberId/join',
    {
      config: network,
      schema: {
        tags,
        summary:
          'The household joins: 409 network.gate_closed with what is missing, 409 network.too_many_members past 5',
        params: MemberParams,
        body: JoinInput,
        response: withErrors({ 200: MemberView }),
      },
    },
    async (request) => {
      const canOverride = requireAuth(request).permissions.includes('approvals:decide');
      const { networkId, memberId } = request.params;
      return joinMember(deps, tenantOf(request), canOverride, networkId, memberId, request.body);
    },
  );

  app.post(
    '/api/networks/:networkId/members/:memberId/end',
    {
      config: network,
      schema: {
        tags,
        summary: "Ends a household's membership",
        params: MemberParams,
        body: EndMemberInput,
        response: withErrors({ 200: MemberView }),
      },
    },
    async (request) =>
      endMember(
        deps,
        tenantOf(request),
        request.params.networkId,
        request.params.memberId,
        request.body.reason,
      ),
  );

  app.post(
    '/api/networks/:networkId/members/:memberId/consents',
    {
      config: network,
      schema: {
        tags,
        summary: "Records a member's consents",
        params: MemberParams,
        body: ConsentInput,
        response: withErrors({ 200: MemberView }),
      },
    },
    async (request) =>
      recordConsent(
        deps,
        tenantOf(request),
        request.params.networkId,
        request.params.memberId,
        request.body.childId,
      ),
  );

  app.post(
    '/api/networks/:networkId/members/:memberId/withdraw',
    {
      config: network,
      schema: {
        tags,
        summary: "Withdraws a member's consent, which ends the membership",
        params: MemberParams,
        body: WithdrawInput,
        response: withErrors({ 200: MemberView }),
      },
    },
    async (request) =>
      withdraw(deps, tenantOf(request), request.params.networkId, request.params.memberId, request.body),
  );

  app.post(
    '/api/networks/:networkId/members/:memberId/signing-links',
    {
      config: network,
      schema: {
        tags,
        summary: 'A personal link for signing the confidentiality agreement',
        params: MemberParams,
        body: SigningLinkInput,
        response: withErrors({ 200: SigningLink }),
      },
    },
    async (request) =>
      signingLink(deps, tenantOf(request), request.params.networkId, request.params.memberId, request.body),
  );

  app.post(
    '/api/networks/:networkId/resource-family-users',
    {
      config: network,
      schema: {
        tags,
        summary: 'Gives a user with the resource-family role this network (404 for a user without the role)',
        params: NetworkParams,
        body: NetworkUserInput,
        response: withErrors({ 200: NetworkView }),
      },
    },
    async (request) =>
      linkResourceFamilyUser(deps, tenantOf(request), request.params.networkId, request.body.userId),
  );

  app.post(
    '/api/networks/:networkId/call-backs/:callBackId/done',
    {
      config: network,
      schema: {
        tags,
        summary: 'Marks a call-back as done',
        params: CallBackParams,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await markCallBackDone(deps, tenantOf(request), request.params.networkId, request.params.callBackId);
      return reply.status(204).send(null);
    },
  );
};
