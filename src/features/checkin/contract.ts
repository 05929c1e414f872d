import { type Static, Type } from '@sinclair/typebox';
import { Instant, literals, Name, Nullable, Uuid } from '../../server/schemas.js';

const Persons = Type.Integer({ minimum: 0, maximum: 20 });

export const EventParams = Type.Object({ eventId: Uuid });

/**
 * One household on the evening's list. adults/children: as checked in, else as answered, else as
 * in the registry. firstTime: present at no other café before.
 */
export const AttendanceHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  response: Nullable(literals(['coming', 'not_coming', 'maybe'] as const)),
  adults: Type.Integer(),
  children: Type.Integer(),
  waiting: Type.Boolean(),
  firstTime: Type.Boolean(),
  present: Type.Boolean(),
  walkIn: Type.Boolean(),
});
export type AttendanceHousehold = Static<typeof AttendanceHousehold>;

/** The counts at the top of the page; expected = coming (not waiting) plus everyone here without saying so. */
export const AttendanceCounts = Type.Object({
  checkedIn: Type.Integer(),
  adults: Type.Integer(),
  children: Type.Integer(),
  expected: Type.Integer(),
});
export type AttendanceCounts = Static<typeof AttendanceCounts>;

/** GET /api/events/:eventId/attendance: the evening, its households by name, and the counts. */
export const Attendance = Type.Object({
  event: Type.Object({
    id: Type.String(),
    title: Type.String(),
    date: Type.String(),
    startTime: Type.String(),
  }),
  households: Type.Array(AttendanceHousehold),
  counts: AttendanceCounts,
});
export type Attendance = Static<typeof Attendance>;

/** What a tap or a walk-in answers: the household as it is now, and the new counts. */
export const TapResult = Type.Object({ household: AttendanceHousehold, counts: AttendanceCounts });
export type TapResult = Static<typeof TapResult>;

/** One tap: checked in or not. The same tapId again changes nothing; the later tappedAt wins. */
export const TapInput = Type.Object(
  {
    tapId: Uuid,
    householdId: Uuid,
    present: Type.Boolean(),
    adults: Type.Optional(Persons),
    children: Type.Optional(Persons),
    tappedAt: Instant,
  },
  { additionalProperties: false },
);
export type TapInput = Static<typeof TapInput>;

/** Someone who came without answering: a household of the registry, or a new one (its id is the tapId). */
export const WalkInInput = Type.Union([
  Type.Object(
    { tapId: Uuid, householdId: Uuid, tappedAt: Type.Optional(Instant) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      tapId: Uuid,
      newHousehold: Type.Object(
        {
          firstName: Name,
          lastName: Name,
          mobile: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
        },
        { additionalProperties: false },
      ),
      tappedAt: Type.Optional(Instant),
    },
    { additionalProperties: false },
  ),
]);
export type WalkInInput = Static<typeof WalkInInput>;
