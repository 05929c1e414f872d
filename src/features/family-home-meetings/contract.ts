import { type Static, Type } from '@sinclair/typebox';
import { MEETING_KINDS } from '../../domain/family-home.js';
import { Day, literals, Text, Uuid } from '../../server/schemas.js';

// The meetings the team joins to give a family home practical support (SPEC section 5,
// docs/family-homes-api.md): school meetings, the responsibility group, leisure activities.

export const MeetingKind = literals(MEETING_KINDS);

// The second id is a plain string: the home is checked first (see family-homes/contract.ts).
export const MeetingParams = Type.Object({ householdId: Uuid, meetingId: Type.String({ maxLength: 64 }) });
export type MeetingParams = Static<typeof MeetingParams>;

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const Meeting = Type.Object({
  id: Uuid,
  date: Type.String({ description: 'YYYY-MM-DD' }),
  startTime: Type.String({ description: 'HH:MM, Europe/Oslo' }),
  kind: MeetingKind,
  place: Type.String(),
  participants: Type.Array(Person),
});
export type Meeting = Static<typeof Meeting>;

export const MeetingCalendar = Type.Object({
  /** Upcoming first (soonest first), then the past ones (latest first). */
  upcoming: Type.Array(Meeting),
  past: Type.Array(Meeting),
  /** The staff who can take part: the team and the family counsellors. */
  staff: Type.Array(Person),
});
export type MeetingCalendar = Static<typeof MeetingCalendar>;

export const MeetingInput = Type.Object({
  date: Day,
  startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 }),
  kind: MeetingKind,
  place: Text(200, { minLength: 1, pattern: '\\S' }),
  participantUserIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }),
});
export type MeetingInput = Static<typeof MeetingInput>;
