import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { FamilyHomeParams } from '../family-homes/contract.js';
import { viewerOf } from '../family-homes/index.js';
import { MeetingCalendar, MeetingInput, MeetingParams } from './contract.js';
import { cancelMeeting, getMeetings, planMeeting } from './service/plan-meetings.js';

// The team or the home's family counsellor (viewerOf); the home is a household by id.
const home = { tenantObject: 'household' as const };
const tags = ['family-homes'];

/** The meetings the team joins with a family home (docs/family-homes-api.md). */
export const familyHomeMeetingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/family-homes/:householdId/meetings',
    {
      config: home,
      schema: {
        tags,
        summary: "The home's meetings the team joins, and the staff who can take part",
        params: FamilyHomeParams,
        response: withErrors({ 200: MeetingCalendar }),
      },
    },
    async (request) =>
      getMeetings(
        deps,
        viewerOf(tenantOf(request), requireAuth(request).permissions),
        request.params.householdId,
      ),
  );

  app.post(
    '/api/family-homes/:householdId/meetings',
    {
      config: home,
      schema: {
        tags,
        summary: 'Puts a school meeting, responsibility group or leisure activity in the calendar',
        params: FamilyHomeParams,
        body: MeetingInput,
        response: withErrors({ 201: MeetingCalendar }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await planMeeting(
            deps,
            viewerOf(tenantOf(request), requireAuth(request).permissions),
            request.params.householdId,
            request.body,
          ),
        ),
  );

  app.delete(
    '/api/family-homes/:householdId/meetings/:meetingId',
    {
      config: home,
      schema: {
        tags,
        summary: 'Takes a meeting out of the calendar',
        params: MeetingParams,
        response: withErrors({ 200: MeetingCalendar }),
      },
    },
    async (request) =>
      cancelMeeting(
        deps,
        viewerOf(tenantOf(request), requireAuth(request).permissions),
        request.params.householdId,
        request.params.meetingId,
      ),
  );
};
