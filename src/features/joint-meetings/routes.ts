import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  AttendanceInput,
  JointMeeting,
  JointMeetingInput,
  JointMeetingList,
  JointMeetingParams,
  JointMeetingView,
} from './contract.js';
import { getMeeting, inviteOwnPeople, listMeetings, planMeeting, recordAttendance } from './service.js';

const team = { permission: 'networks:supervise' as const };
const meeting = { ...team, tenantObject: 'jointMeeting' as const };
const tags = ['joint-meetings'];

/** The quarterly joint meeting of the resource families (docs/agreements-api.md). */
export const jointMeetingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/joint-meetings',
    {
      config: team,
      schema: {
        tags,
        summary: 'The joint meetings the municipality takes part in, with counts per municipality',
        response: withErrors({ 200: JointMeetingList }),
      },
    },
    async (request) => listMeetings(deps, tenantOf(request)),
  );

  app.post(
    '/api/joint-meetings',
    {
      config: team,
      schema: {
        tags,
        summary: 'Plans a joint meeting: date, time, link and the municipalities taking part',
        body: JointMeetingInput,
        response: withErrors({ 201: JointMeeting }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await planMeeting(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/joint-meetings/:meetingId',
    {
      config: meeting,
      schema: {
        tags,
        summary: "One joint meeting with the own municipality's invitees by name",
        params: JointMeetingParams,
        response: withErrors({ 200: JointMeetingView }),
      },
    },
    async (request) => getMeeting(deps, tenantOf(request), request.params.meetingId),
  );

  app.post(
    '/api/joint-meetings/:meetingId/invitations',
    {
      config: meeting,
      schema: {
        tags,
        summary: "Invites the own resource families' accounts and network caseworkers by e-mail",
        params: JointMeetingParams,
        response: withErrors({ 200: JointMeetingView }),
      },
    },
    async (request) => inviteOwnPeople(deps, tenantOf(request), request.params.meetingId),
  );

  app.put(
    '/api/joint-meetings/:meetingId/attendance',
    {
      config: meeting,
      schema: {
        tags,
        summary: 'Records which of the own invitees came',
        params: JointMeetingParams,
        body: AttendanceInput,
        response: withErrors({ 200: JointMeetingView }),
      },
    },
    async (request) => recordAttendance(deps, tenantOf(request), request.params.meetingId, request.body),
  );
};
