import { type Static, Type } from '@sinclair/typebox';
import { CALL_NOTE_MAX, CALL_OUTCOMES, WELCOME_REASONS } from '../../domain/welcome.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';

/** A phone call to a household and how it went. */
export const WelcomeCall = Type.Object({
  id: Type.String(),
  eventId: Nullable(Type.String()),
  outcome: literals(CALL_OUTCOMES),
  note: Nullable(Type.String()),
  calledAt: Type.String(),
  calledBy: Nullable(Type.String()),
});
export type WelcomeCall = Static<typeof WelcomeCall>;

/** One household on the welcome list: why it is there, how to reach it, what happened to each invitation. */
export const WelcomeHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  rank: Type.Integer(),
  reason: literals(WELCOME_REASONS),
  languages: Type.Array(Type.String()),
  mobile: Nullable(Type.String()),
  mobileDisplay: Nullable(Type.String()),
  invitations: Type.Integer(),
  history: Type.Array(
    Type.Object({
      eventId: Type.String(),
      date: Type.String(),
      title: Type.String(),
      channel: Nullable(Type.String()),
      outcome: literals(['silent', 'failed', 'declined', 'maybe', 'no_show'] as const),
    }),
  ),
  calls: Type.Array(WelcomeCall),
});
export type WelcomeHousehold = Static<typeof WelcomeHousehold>;

/** Households invited to at least `minInvitations` earlier events that never came, best chance first. */
export const WelcomeList = Type.Object({
  eventId: Type.String(),
  minInvitations: Type.Integer(),
  households: Type.Array(WelcomeHousehold),
});
export type WelcomeList = Static<typeof WelcomeList>;

export const WelcomeListParams = Type.Object({ eventId: Uuid });
export const WelcomeCallParams = Type.Object({ householdId: Uuid });

export const WelcomeCallBody = Type.Object(
  {
    eventId: Type.Optional(Nullable(Uuid)),
    outcome: literals(CALL_OUTCOMES),
    note: Type.Optional(Nullable(Type.String({ maxLength: CALL_NOTE_MAX }))),
  },
  { additionalProperties: false },
);
export type WelcomeCallBody = Static<typeof WelcomeCallBody>;
