import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CohortChoices,
  CohortInput,
  CohortList,
  CohortParams,
  CohortView,
  LeadersInput,
  MemberInput,
  MemberParams,
  OfferInput,
  PartnerAttendanceInput,
  PartnerInput,
  VenueInput,
} from './contract.js';
import { setCohortVenue } from './service/set-venue.js';
import { addPartner, markPartnerAttendance } from './service/share-cohort.js';
import {
  addMember,
  cohortChoices,
  createCohort,
  getCohort,
  listCohorts,
  offerNextSession,
  removeMember,
  setLeaders,
} from './service.js';

const manage = { permission: 'events:manage' as const };
const cohort = { ...manage, tenantObject: 'cohort' as const };
const tags = ['good-start'];
const View = withErrors({ 200: CohortView });

export const goodStartRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/cohorts',
    {
      config: manage,
      schema: { tags, summary: 'The cohorts of En god start', response: withErrors({ 200: CohortList }) },
    },
    async (request) => listCohorts(deps, tenantOf(request)),
  );

  app.get(
    '/api/cohorts/choices',
    {
      config: manage,
      schema: {
        tags,
        summary: 'For a new cohort: the staff who may lead (with their training), programmes, households',
        response: withErrors({ 200: CohortChoices }),
      },
    },
    async (request) => cohortChoices(deps, tenantOf(request)),
  );

  app.post(
    '/api/cohorts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A new cohort: its six sessions made as events of kind good_start_session',
        body: CohortInput,
        response: withErrors({ 201: CohortView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createCohort(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/cohorts/:cohortId',
    {
      config: cohort,
      schema: {
        tags,
        summary: 'A cohort: sessions, contact persons, attendance per household and session, offers',
        params: CohortParams,
        response: View,
      },
    },
    async (request) => getCohort(deps, tenantOf(request), request.params.cohortId),
  );

  app.post(
    '/api/cohorts/:cohortId/members',
    {
      config: cohort,
      schema: {
        tags,
        summary: 'Adds a household to the cohort and to the audience of its sessions to come',
        params: CohortParams,
        body: MemberInput,
        response: View,
      },
    },
    async (request) => addMember(deps, tenantOf(request), request.params.cohortId, request.body.householdId),
  );

  app.delete(
    '/api/cohorts/:cohortId/members/:householdId',
    {
      config: cohort,
      schema: {
        tags,
        summary: 'Takes a household out of the cohort and the audience of its sessions to come',
        params: MemberParams,
        response: View,
      },
    },
    async (request) =>
      removeMember(deps, tenantOf(request), request.params.cohortId, request.params.householdId),
  );

  app.put(
    '/api/cohorts/:cohortId/leaders',
    {
      config: cohort,
      schema: {
        tags,
        summary: "The cohort's contact persons (they host every session)",
        params: CohortParams,
        body: LeadersInput,
        response: View,
      },
    },
    async (request) => setLeaders(deps, tenantOf(request), request.params.cohortId, request.body.userIds),
  );

  app.post(
    '/api/cohorts/:cohortId/partners',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          "The host adds a fellow member of the cohort's programme as a partner municipality, which then adds its own households",
        params: CohortParams,
        body: PartnerInput,
        response: View,
      },
    },
    async (request) =>
      addPartner(deps, tenantOf(request), request.params.cohortId, request.body.municipalityId),
  );

  app.put(
    '/api/cohorts/:cohortId/partner-attendance',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          "The host's contact person marks a partner municipality's household present or not at a held session",
        params: CohortParams,
        body: PartnerAttendanceInput,
        response: View,
      },
    },
    async (request) => markPartnerAttendance(deps, tenantOf(request), request.params.cohortId, request.body),
  );

  app.put(
    '/api/cohorts/:cohortId/venue',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          "One of the municipality's own venues for all its sessions of the cohort still to come (a partner's are made without one)",
        params: CohortParams,
        body: VenueInput,
        response: View,
      },
    },
    async (request) => setCohortVenue(deps, tenantOf(request), request.params.cohortId, request.body.venueId),
  );

  app.post(
    '/api/cohorts/:cohortId/offers',
    {
      config: cohort,
      schema: {
        tags,
        summary: "Offers a household that missed a session the next cohort's session of the same theme",
        params: CohortParams,
        body: OfferInput,
        response: View,
      },
    },
    async (request) => offerNextSession(deps, tenantOf(request), request.params.cohortId, request.body),
  );
};
