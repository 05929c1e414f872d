import { type Static, Type } from '@sinclair/typebox';
import { HOUSEHOLD_KINDS, RELATIONS } from '../../domain/household.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';

const HouseholdKind = literals(HOUSEHOLD_KINDS);

/** Who an event's invitations go to (domain/audience.ts): travel time, care, oversight, kinds. */
export const AudienceRule = Type.Object({
  maxTravel: Type.Integer({ minimum: 0, maximum: 1440 }),
  care: Type.Boolean(),
  oversight: Type.Boolean(),
  kinds: Type.Array(HouseholdKind, { maxItems: 4 }),
});
export type AudienceRule = Static<typeof AudienceRule>;

/** The rule as query parameters, to preview the audience while the rule changes. */
export const AudiencePreviewQuery = Type.Object({
  maxTravel: Type.Integer({ minimum: 0, maximum: 1440, default: 90 }),
  care: Type.Boolean({ default: true }),
  oversight: Type.Boolean({ default: true }),
  kind: Type.Optional(Type.Array(HouseholdKind, { maxItems: 4 })),
});
export type AudiencePreviewQuery = Static<typeof AudiencePreviewQuery>;

export const AudienceHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: HouseholdKind,
  relation: literals(RELATIONS),
  travelMinutes: Nullable(Type.Integer()),
  languages: Type.Array(Type.String()),
  included: Type.Boolean(),
  /** Why it is in or out: the rule, or the team's hand. */
  source: literals(['rule', 'added', 'removed'] as const),
  note: Nullable(Type.String()),
});
export type AudienceHousehold = Static<typeof AudienceHousehold>;

export const AudienceView = Type.Object({
  rule: Type.Object({
    maxTravel: Type.Integer(),
    care: Type.Boolean(),
    oversight: Type.Boolean(),
    kinds: Type.Array(HouseholdKind),
  }),
  count: Type.Integer(),
  households: Type.Array(AudienceHousehold),
});
export type AudienceView = Static<typeof AudienceView>;

export const AudienceParams = Type.Object({ eventId: Uuid });
export type AudienceParams = Static<typeof AudienceParams>;

// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
export const InviteeParams = Type.Object({ eventId: Uuid, householdId: Type.String({ maxLength: 64 }) });
export type InviteeParams = Static<typeof InviteeParams>;

/** Adds (included: true) or removes (false) one household by hand. */
export const InviteeChoice = Type.Object({ included: Type.Boolean() });
export type InviteeChoice = Static<typeof InviteeChoice>;

/** The personal one-line note for the household's invitation. */
export const InviteeNote = Type.Object({ note: Nullable(Type.String({ maxLength: 140 })) });
export type InviteeNote = Static<typeof InviteeNote>;
