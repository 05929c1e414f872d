import { type Static, Type } from '@sinclair/typebox';
import { Day, Nullable, Text, Uuid } from '../../server/schemas.js';

// The quarterly joint meeting (kvartalsmøte) of the resource families of several municipalities
// and their caseworkers (docs/agreements-api.md). Each municipality sees its own people by name and
// of the others only how many were invited and came.

export const JointMeetingParams = Type.Object({ meetingId: Uuid });
export type JointMeetingParams = Static<typeof JointMeetingParams>;

export const JointMeetingInput = Type.Object({
  date: Day,
  startTime: Type.String({
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    maxLength: 5,
    description: 'HH:MM, Oslo',
  }),
  link: Text(500, {
    minLength: 1,
    pattern: '^[^\\u0000]*\\S[^\\u0000]*$',
    description: 'the video meeting link, as text',
  }),
  /** the other municipalities taking part, by kommunenummer; the planner's own always takes part */
  municipalityNumbers: Type.Array(Type.String({ pattern: '^[0-9]{4}$', maxLength: 4 }), { maxItems: 19 }),
});
export type JointMeetingInput = Static<typeof JointMeetingInput>;

const Municipality = Type.Object({ id: Type.Integer(), name: Type.String() });

export const ParticipantCount = Type.Object({
  municipality: Municipality,
  /** null until the municipality has invited its people */
  invited: Nullable(Type.Integer()),
  attended: Nullable(Type.Integer()),
});

export const JointMeeting = Type.Object({
  id: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  link: Type.String(),
  plannedBy: Municipality,
  /** true: the caller's municipality planned it */
  ownPlan: Type.Boolean(),
  participants: Type.Array(ParticipantCount),
});
export type JointMeeting = Static<typeof JointMeeting>;

export const JointMeetingList = Type.Object({ meetings: Type.Array(JointMeeting) });
export type JointMeetingList = Static<typeof JointMeetingList>;

export const Invitee = Type.Object({
  userId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  role: Type.Union([Type.Literal('resource_family'), Type.Literal('caseworker')]),
  attended: Nullable(Type.Boolean()),
});
export type Invitee = Static<typeof Invitee>;

/** One meeting with the caller's own invitees by name. */
export const JointMeetingView = Type.Object({ meeting: JointMeeting, invitees: Type.Array(Invitee) });
export type JointMeetingView = Static<typeof JointMeetingView>;

export const AttendanceInput = Type.Object({
  /** the own invitees who came; the others did not */
  attended: Type.Array(Uuid, { maxItems: 500 }),
});
export type AttendanceInput = Static<typeof AttendanceInput>;
