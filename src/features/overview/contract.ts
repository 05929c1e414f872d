import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS } from '../../domain/household.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';
import { AnswerDiet, AnswerResponse, AnswerStatus } from '../answers/contract.js';

export const OverviewParams = Type.Object({ eventId: Uuid });
// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
export const OverviewHouseholdParams = Type.Object({
  eventId: Uuid,
  householdId: Type.String({ maxLength: 64 }),
});

const ChannelName = literals(CHANNELS);

/** One invited household on the team's overview, with its answer. */
export const OverviewHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: ChannelName,
  response: Nullable(AnswerResponse),
  adults: Type.Integer(),
  children: Type.Integer(),
  diet: Type.Array(AnswerDiet),
  dietNote: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  place: Nullable(Type.Integer()),
  firstTime: Type.Boolean(),
  answeredBy: Nullable(literals(['household', 'team'] as const)),
  /** Checked in at the event. */
  present: Type.Boolean(),
});
export type OverviewHousehold = Static<typeof OverviewHousehold>;

/** The team's overview of one event's answers: counts, food, channels, each household. */
export const Overview = Type.Object({
  eventId: Type.String(),
  capacity: Nullable(Type.Integer()),
  free: Nullable(Type.Integer()),
  reminders: Type.Array(Type.Integer()),
  remindersSent: Type.Array(
    Type.Object({ key: Type.String(), households: Type.Integer(), at: Type.String({ format: 'date-time' }) }),
  ),
  counts: Type.Object({
    invited: Type.Integer(),
    answered: Type.Integer(),
    coming: Type.Object({ households: Type.Integer(), adults: Type.Integer(), children: Type.Integer() }),
    notComing: Type.Integer(),
    maybe: Type.Integer(),
    silent: Type.Integer(),
    waiting: Type.Object({ households: Type.Integer(), persons: Type.Integer() }),
  }),
  /**
   * The evening as the check-in counted it: who came (persons as counted at check-in, so a later
   * change of answer does not move them), who said they were coming and did not (no-show), who
   * came without having said so (walk-ins), and who came for the first time.
   */
  attendance: Type.Object({
    attended: Type.Object({ households: Type.Integer(), adults: Type.Integer(), children: Type.Integer() }),
    noShow: Type.Integer(),
    walkIns: Type.Object({ households: Type.Integer(), persons: Type.Integer() }),
    firstTimers: Type.Integer(),
  }),
  food: Type.Object({
    served: Type.Boolean(),
    persons: Type.Integer(),
    adults: Type.Integer(),
    children: Type.Integer(),
    diets: Type.Array(Type.Object({ diet: AnswerDiet, households: Type.Integer(), persons: Type.Integer() })),
    notes: Type.Array(Type.String()),
  }),
  byChannel: Type.Array(
    Type.Object({
      channel: ChannelName,
      invited: Type.Integer(),
      answered: Type.Integer(),
      coming: Type.Integer(),
    }),
  ),
  households: Type.Array(OverviewHousehold),
});
export type Overview = Static<typeof Overview>;

/** The answer as noted: its status and place in line. */
export const NotedAnswer = Type.Object({ status: AnswerStatus, place: Nullable(Type.Integer()) });
export type NotedAnswer = Static<typeof NotedAnswer>;
