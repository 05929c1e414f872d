import { type Static, Type } from '@sinclair/typebox';
import {
  CLAIM_STATUSES,
  CONTACT_KINDS,
  END_REASONS,
  GATHERING_OCCASIONS,
  MEMBER_STATUSES,
} from '../../domain/network.js';
import { Day as CheckedDay, literals, Nullable, Uuid } from '../../server/schemas.js';

// The resource-family networks (SPEC section 3, docs/networks-api.md). Money is in øre (integers),
// dates are Oslo calendar days (YYYY-MM-DD), instants ISO 8601. One file because the team's pages
// and the resource family's pages share its shapes (members, contacts, gatherings, claims).

const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Time = Type.String({ maxLength: 5, description: 'HH:MM, Europe/Oslo' });
const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const Ore = Type.Integer({ minimum: 0, description: 'øre (1 krone = 100 øre)' });

export const MemberStatus = literals(MEMBER_STATUSES);
export const ContactKind = literals(CONTACT_KINDS);
export const ClaimStatus = literals(CLAIM_STATUSES);
export const GatheringOccasion = literals(GATHERING_OCCASIONS);
export const EndReason = literals(END_REASONS);

// --- Params --------------------------------------------------------------------------------------

export const NetworkParams = Type.Object({ networkId: Uuid });
export type NetworkParams = Static<typeof NetworkParams>;
// The second id is a plain string: the network is checked first, so another municipality's network
// answers 404 whatever follows it (the route walk of test/integration/tenancy.test.ts).
export const MemberParams = Type.Object({ networkId: Uuid, memberId: Type.String({ maxLength: 64 }) });
export type MemberParams = Static<typeof MemberParams>;
export const CallBackParams = Type.Object({ networkId: Uuid, callBackId: Type.String({ maxLength: 64 }) });
export type CallBackParams = Static<typeof CallBackParams>;
export const ClaimParams = Type.Object({ claimId: Uuid });
export type ClaimParams = Static<typeof ClaimParams>;
export const SigningParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 64 }) });
export type SigningParams = Static<typeof SigningParams>;

// --- The team's list (/api/networks) --------------------------------------------------------------

const Municipality = Type.Object({ id: Type.Integer(), name: Type.String() });
const Caseworker = Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() });

export const MemberSummary = Type.Object({
  id: Type.String({ description: 'the membership' }),
  householdId: Type.String(),
  name: Type.String(),
  municipalityId: Type.Integer(),
  status: MemberStatus,
  lastContactOn: Nullable(Day),
});
export type MemberSummary = Static<typeof MemberSummary>;

export const NetworkSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  resourceFamily: Type.Object({ householdId: Type.String(), name: Type.String() }),
  municipalities: Type.Array(Municipality),
  caseworkers: Type.Array(Caseworker),
  /** pending, active, consent missing; not the ones that left */
  members: Type.Array(MemberSummary),
  /** active members (incl. consent missing) against 3–5 */
  memberCount: Type.Integer(),
  gatheringsThisYear: Type.Integer(),
  gatheringsRequired: Type.Integer({ description: '6' }),
  openConsentTasks: Type.Integer(),
  claimsToApprove: Type.Integer(),
  callBacksOpen: Type.Integer(),
});
export type NetworkSummary = Static<typeof NetworkSummary>;

export const NetworkList = Type.Object({ networks: Type.Array(NetworkSummary) });
export type NetworkList = Static<typeof NetworkList>;

// --- Create a network ------------------------------------------------------------------------------

export const NetworkInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  /** a household of kind resource_family in the own municipality */
  resourceFamilyHouseholdId: Uuid,
  /** the two caseworkers who share the supervision (GET /api/cafe/hosts lists who may be picked) */
  caseworkerUserIds: Type.Array(Uuid, { minItems: 1, maxItems: 2 }),
  /** a joint network: the other municipality's number (kommunenummer); it adds its own households */
  partnerMunicipalityNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}$' }))),
});
export type NetworkInput = Static<typeof NetworkInput>;

// --- One network with its gate (/api/networks/:networkId) -----------------------------------------

/** What keeps a household out: the codes the page words (domain/network.ts GateProblem). */
export const GateMissing = Type.Object({
  /** children aged 15+ on the joining day without a recorded consent */
  children: Type.Array(
    Type.Object({ childId: Type.String(), firstName: Nullable(Type.String()), age: Type.Integer() }),
  ),
  /** adults without a valid confidentiality signature */
  adults: Type.Array(
    Type.Object({ adultId: Type.String(), firstName: Type.String(), lastName: Type.String() }),
  ),
});
export type GateMissing = Static<typeof GateMissing>;

export const SignatureView = Type.Object({
  signedAt: Type.String(),
  textVersion: Type.String(),
  /** 'link' (personal link) or 'idporten' */
  via: Type.String(),
});

export const MemberView = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  name: Type.String(),
  municipalityId: Type.Integer(),
  /** false: another municipality's household of a joint network (only what a member sees) */
  own: Type.Boolean(),
  status: MemberStatus,
  joinedOn: Nullable(Day),
  leftOn: Nullable(Day),
  endReason: Nullable(EndReason),
  overrideReason: Nullable(Type.String()),
  adults: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Nullable(Type.String()),
      mobile: Nullable(Type.String()),
      signature: Nullable(SignatureView),
    }),
  ),
  children: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Nullable(Type.String()),
      age: Type.Integer(),
      /** the day the child turns 15, when after today */
      turns15On: Nullable(Day),
      consentRecordedAt: Nullable(Type.String()),
      /** a consent is needed (15+ on the joining day or today) */
      consentNeeded: Type.Boolean(),
    }),
  ),
  /** what is missing for the household to (stay a) member; empty lists: the gate is open */
  missing: GateMissing,
  lastContactOn: Nullable(Day),
});
export type MemberView = Static<typeof MemberView>;

/** A child in a member household turns 15 within a month (or has, without consent). */
export const ConsentTask = Type.Object({
  memberId: Type.String(),
  householdName: Type.String(),
  childId: Type.String(),
  childFirstName: Nullable(Type.String()),
  turns15On: Day,
});
export type ConsentTask = Static<typeof ConsentTask>;

export const NetworkView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  ownerMunicipalityId: Type.Integer(),
  resourceFamily: Type.Object({ householdId: Type.String(), name: Type.String() }),
  municipalities: Type.Array(Municipality),
  caseworkers: Type.Array(Caseworker),
  /** every membership, the ended ones last */
  members: Type.Array(MemberView),
  memberCount: Type.Integer(),
  memberLimits: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  gatheringsThisYear: Type.Integer(),
  gatheringsRequired: Type.Integer(),
  consentTasks: Type.Array(ConsentTask),
  callBacks: Type.Array(
    Type.Object({ id: Type.String(), requestedAt: Type.String(), doneAt: Nullable(Type.String()) }),
  ),
  /** the resource family's user accounts (e-mail only) */
  resourceFamilyUsers: Type.Array(Type.Object({ id: Type.String(), email: Type.String() })),
  /** active accounts with the resource-family role in the municipality not linked to this network */
  resourceFamilyCandidates: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Type.String(),
    }),
  ),
});
export type NetworkView = Static<typeof NetworkView>;

// --- Membership --------------------------------------------------------------------------------------

/** Proposes a household of the own municipality; it is `pending` until it joins. */
export const MemberInput = Type.Object({ householdId: Uuid });
export type MemberInput = Static<typeof MemberInput>;

/**
 * Lets the pending household join on `joinOn` (default today). 409 network.gate_closed with
 * `details: GateMissing` while a consent or signature is missing; 409 network.too_many_members past 5
 * unless `override` (team leader only, else 403 network.override_forbidden).
 */
export const JoinInput = Type.Object({
  joinOn: Type.Optional(Day),
  override: Type.Optional(Type.Object({ reason: Reason })),
});
export type JoinInput = Static<typeof JoinInput>;

/** Ends a membership (the household leaves); the resource family is told only that it left. */
export const EndMemberInput = Type.Object({ reason: EndReason });
export type EndMemberInput = Static<typeof EndMemberInput>;

/** Records that a child (15+) consents: the caseworker writes down the child's answer. */
export const ConsentInput = Type.Object({ childId: Uuid });
export type ConsentInput = Static<typeof ConsentInput>;

/** Withdraws a child's consent or revokes an adult's signature: ends the membership if active. */
export const WithdrawInput = Type.Object({
  childId: Type.Optional(Uuid),
  adultId: Type.Optional(Uuid),
});
export type WithdrawInput = Static<typeof WithdrawInput>;

/** A user account with the resource-family role, given access to this network (and only it). */
export const NetworkUserInput = Type.Object({ userId: Uuid });
export type NetworkUserInput = Static<typeof NetworkUserInput>;

/** A fresh personal signing link for one adult (the old one stops working); `send` e-mails it. */
export const SigningLinkInput = Type.Object({ adultId: Uuid, send: Type.Optional(Type.Boolean()) });
export type SigningLinkInput = Static<typeof SigningLinkInput>;
export const SigningLink = Type.Object({
  url: Type.String({ description: 'absolute; shown once, stored hashed' }),
  sentTo: Nullable(Type.String({ description: 'the e-mail address it was sent to' })),
});
export type SigningLink = Static<typeof SigningLink>;

// --- Contact categories (per municipality) -------------------------------------------------------------

export const ContactCategory = Type.Object({ id: Type.String(), label: Type.String() });
export type ContactCategory = Static<typeof ContactCategory>;
export const ContactSettings = Type.Object({
  categories: Type.Array(ContactCategory),
  /** the short note field; off by default (sensitive information belongs to the child welfare service) */
  noteEnabled: Type.Boolean(),
});
export type ContactSettings = Static<typeof ContactSettings>;
export const ContactSettingsInput = Type.Object({
  categories: Type.Array(
    Type.Object({
      id: Type.Optional(Uuid),
      label: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
    }),
    { minItems: 1, maxItems: 20 },
  ),
  noteEnabled: Type.Boolean(),
});
export type ContactSettingsInput = Static<typeof ContactSettingsInput>;

// --- The resource family's contact log --------------------------------------------------------------

export const ContactInput = Type.Object({
  id: Type.Optional(Uuid),
  /** default today */
  date: Type.Optional(Day),
  householdId: Uuid,
  kind: ContactKind,
  categoryId: Uuid,
  /** only when the municipality has turned the note field on (else 400 network.note_disabled) */
  note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export type ContactInput = Static<typeof ContactInput>;

export const ContactView = Type.Object({
  id: Type.String(),
  date: Day,
  householdId: Type.String(),
  householdName: Type.String(),
  kind: ContactKind,
  category: Type.String(),
  note: Nullable(Type.String()),
});
export type ContactView = Static<typeof ContactView>;
export const ContactList = Type.Object({ contacts: Type.Array(ContactView) });
export type ContactList = Static<typeof ContactList>;

// --- Gatherings (events of kind gathering with the network) -----------------------------------------

export const GatheringInput = Type.Object({
  id: Type.Optional(Uuid),
  /** the activity, on the children's terms */
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  date: Day,
  startTime: Time,
  endTime: Time,
  place: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  occasion: Type.Optional(Nullable(GatheringOccasion)),
});
export type GatheringInput = Static<typeof GatheringInput>;

export const GatheringView = Type.Object({
  id: Type.String({ description: 'the event id' }),
  title: Type.String(),
  date: Day,
  startTime: Type.String(),
  endTime: Type.String(),
  place: Nullable(Type.String()),
  occasion: Nullable(GatheringOccasion),
  status: Type.String(),
});
export type GatheringView = Static<typeof GatheringView>;

export const Budget = Type.Object({
  occasion: GatheringOccasion,
  year: Type.Integer(),
  /** NOK 500 per active member household */
  budgetOre: Ore,
  /** submitted + approved claims for the occasion */
  claimedOre: Ore,
  overBudget: Type.Boolean(),
});
export type Budget = Static<typeof Budget>;

export const GatheringList = Type.Object({
  gatherings: Type.Array(GatheringView),
  /** "4 av 6": held or planned this calendar year (not cancelled) against required */
  thisYear: Type.Integer(),
  required: Type.Integer(),
  budgets: Type.Array(Budget),
});
export type GatheringList = Static<typeof GatheringList>;

// --- Expense claims ----------------------------------------------------------------------------------

export const ClaimInput = Type.Object({
  id: Type.Optional(Uuid),
  date: Day,
  amountOre: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
  purpose: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  /** a Christmas or summer gathering's cost: counted against its budget */
  occasion: Type.Optional(Nullable(GatheringOccasion)),
});
export type ClaimInput = Static<typeof ClaimInput>;

export const ClaimView = Type.Object({
  id: Type.String(),
  networkId: Type.String(),
  networkName: Type.String(),
  date: Day,
  amountOre: Ore,
  purpose: Type.String(),
  occasion: Nullable(GatheringOccasion),
  status: ClaimStatus,
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  receipt: Nullable(Type.Object({ contentType: Type.String(), bytes: Type.Integer() })),
  /** the claim brings its occasion's claims over the budget: shown, never refused */
  overBudget: Type.Boolean(),
  createdAt: Type.String(),
});
export type ClaimView = Static<typeof ClaimView>;
export const ClaimList = Type.Object({ claims: Type.Array(ClaimView) });
export type ClaimList = Static<typeof ClaimList>;
export const ClaimListQuery = Type.Object({ status: Type.Optional(ClaimStatus) });
export type ClaimListQuery = Static<typeof ClaimListQuery>;

/** approve, or reject with a reason (400 validation.invalid without one) */
export const ClaimDecision = Type.Object({
  decision: literals(['approve', 'reject'] as const),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type ClaimDecision = Static<typeof ClaimDecision>;

// A query goes straight to SQL (no domain check as for the forms): the shared, checked day.
export const ClaimExportQuery = Type.Object({
  from: Type.Optional(CheckedDay),
  to: Type.Optional(CheckedDay),
});
export type ClaimExportQuery = Static<typeof ClaimExportQuery>;

// --- The resource family's own view (/api/my-network) -------------------------------------------------

export const MyMember = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  adults: Type.Array(
    Type.Object({
      firstName: Type.String(),
      lastName: Type.String(),
      mobile: Nullable(Type.String()),
      email: Nullable(Type.String()),
    }),
  ),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  children: Type.Array(Type.Object({ firstName: Nullable(Type.String()), age: Type.Integer() })),
  lastContactOn: Nullable(Day),
});
export type MyMember = Static<typeof MyMember>;

export const MyNetworkView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** active members only (consent missing included: they are still members) */
  members: Type.Array(MyMember),
  /** households that left in the last 90 days: only that they left */
  left: Type.Array(Type.Object({ name: Type.String(), leftOn: Day })),
  caseworkers: Type.Array(Type.Object({ firstName: Type.String(), lastName: Type.String() })),
  contactSettings: ContactSettings,
  gatheringsThisYear: Type.Integer(),
  gatheringsRequired: Type.Integer(),
});
export type MyNetworkView = Static<typeof MyNetworkView>;

export const CallBackResult = Type.Object({
  /** how many caseworkers were told */
  notified: Type.Integer(),
  requestedAt: Type.String(),
});
export type CallBackResult = Static<typeof CallBackResult>;
