import { type Static, Type } from '@sinclair/typebox';
import { THEMES } from '../../domain/good-start.js';
import { Day, Instant, Int, Nullable, Text, Uuid } from '../../server/schemas.js';

const Time = Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$', maxLength: 5 });
const Theme = Type.Union(THEMES.map((t) => Type.Literal(t)));

/** A new cohort: its six sessions are made as events, every `intervalDays` from `firstDate`. */
export const CohortInput = Type.Object(
  {
    name: Text(100, { minLength: 1 }),
    firstDate: Day,
    startTime: Time,
    endTime: Time,
    intervalDays: Type.Integer({ minimum: 1, maximum: 60 }),
    venueId: Type.Optional(Nullable(Uuid)),
    programmeId: Type.Optional(Nullable(Uuid)),
    leaderUserIds: Type.Array(Uuid, { maxItems: 10 }),
    householdIds: Type.Array(Uuid, { maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type CohortInput = Static<typeof CohortInput>;

export const CohortParams = Type.Object({ cohortId: Uuid });
export type CohortParams = Static<typeof CohortParams>;

// The household's id is checked by the service (404 when it is no member), so the cohort decides
// first: another municipality's cohort answers 404 whatever the rest of the path says.
export const MemberParams = Type.Object({ cohortId: Uuid, householdId: Type.String({ maxLength: 36 }) });
export type MemberParams = Static<typeof MemberParams>;

export const MemberInput = Type.Object({ householdId: Uuid }, { additionalProperties: false });
export type MemberInput = Static<typeof MemberInput>;

export const LeadersInput = Type.Object(
  { userIds: Type.Array(Uuid, { maxItems: 10 }) },
  { additionalProperties: false },
);
export type LeadersInput = Static<typeof LeadersInput>;

/** The host adds a fellow member of the cohort's programme as a partner municipality. */
export const PartnerInput = Type.Object(
  { municipalityId: Int({ minimum: 1 }) },
  { additionalProperties: false },
);
export type PartnerInput = Static<typeof PartnerInput>;

/** The host's contact person marks a partner's household present or not at a held session. */
export const PartnerAttendanceInput = Type.Object(
  { householdId: Uuid, theme: Theme, present: Type.Boolean(), tapId: Uuid, tappedAt: Instant },
  { additionalProperties: false },
);
export type PartnerAttendanceInput = Static<typeof PartnerAttendanceInput>;

/** One of the municipality's own venues for all its sessions of the cohort still to come. */
export const VenueInput = Type.Object({ venueId: Uuid }, { additionalProperties: false });
export type VenueInput = Static<typeof VenueInput>;

/** Offer a household that missed a session the next cohort's session of the same theme. */
export const OfferInput = Type.Object({ householdId: Uuid, eventId: Uuid }, { additionalProperties: false });
export type OfferInput = Static<typeof OfferInput>;

export const CohortSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  startsOn: Type.String(),
  programme: Nullable(Type.String()),
  members: Type.Integer(),
  held: Type.Integer({ description: 'sessions whose date has passed' }),
});
export type CohortSummary = Static<typeof CohortSummary>;

export const CohortList = Type.Object({ cohorts: Type.Array(CohortSummary) });
export type CohortList = Static<typeof CohortList>;

export const SessionView = Type.Object({
  eventId: Type.String(),
  theme: Theme,
  date: Type.String(),
  startTime: Type.String(),
  status: Type.String(),
  held: Type.Boolean(),
  present: Type.Integer(),
  /** the name of the session's venue; null: none yet (its invitations cannot go) */
  venue: Nullable(Type.String()),
});

/** present: checked in; absent: the session was held and they were not; null: not yet held. */
const Mark = Nullable(Type.Union([Type.Literal('present'), Type.Literal('absent')]));

export const MemberView = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  attendance: Type.Array(Type.Object({ eventId: Type.String(), mark: Mark })),
});

export const LeaderView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  /** has the contact-person training in the course register */
  trained: Type.Boolean(),
});

/** A household of this cohort that missed a held session, and the next cohort's session of that theme. */
export const OfferView = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  theme: Theme,
  eventId: Type.String(),
  cohortName: Type.String(),
  date: Type.String(),
  added: Type.Boolean(),
});

/**
 * A partner municipality's household as the host's contact person sees it, to take attendance:
 * the adults' first names and the municipality, nothing else of the partner's registry.
 */
export const PartnerHouseholdView = Type.Object({
  householdId: Type.String(),
  firstNames: Type.Array(Type.String()),
  municipality: Type.String(),
  attendance: Type.Array(Type.Object({ theme: Theme, mark: Mark })),
});

/** Another municipality's households of the cohort as counts: members, and present per theme 1–6. */
export const OtherMunicipalityCounts = Type.Object({
  municipality: Type.String(),
  members: Type.Integer(),
  present: Type.Array(Type.Integer()),
});

export const CohortView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  startsOn: Type.String(),
  programme: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  /** host: the caller's municipality owns the cohort; partner: it adds its own households to it */
  role: Type.Union([Type.Literal('host'), Type.Literal('partner')]),
  host: Type.String({ description: "the host municipality's name" }),
  partners: Type.Array(Type.String({ description: "a partner municipality's name" })),
  /** for the host: the fellow members of the cohort's programme it may add as partners */
  partnerChoices: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  /** the caller's own venues, for its sessions still to come */
  venueChoices: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  /** the caller's own session events (a partner has its own from its first household on) */
  sessions: Type.Array(SessionView),
  leaders: Type.Array(LeaderView),
  /** the caller's own households, in full */
  members: Type.Array(MemberView),
  /** for the host: the partners' households, least data */
  partnerHouseholds: Type.Array(PartnerHouseholdView),
  /** the other municipalities' households as counts */
  others: Type.Array(OtherMunicipalityCounts),
  offers: Type.Array(OfferView),
});
export type CohortView = Static<typeof CohortView>;

/** The staff who may lead, and the programmes the municipality is a member of (the new-cohort form). */
export const CohortChoices = Type.Object({
  staff: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), trained: Type.Boolean() })),
  programmes: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  households: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type CohortChoices = Static<typeof CohortChoices>;
