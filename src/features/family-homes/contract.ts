import { type Static, Type } from '@sinclair/typebox';
import { FOLLOW_UP_KINDS } from '../../domain/family-home.js';
import { Day, literals, Name, Nullable, Text, Uuid } from '../../server/schemas.js';

// The family homes (SPEC section 5, docs/family-homes-api.md): a household of kind 'family_home'
// with its foster parents, youths, family counsellor and follow-up log. Dates are Oslo calendar
// days (YYYY-MM-DD). The meetings are features/family-home-meetings/.

export const FollowUpKind = literals(FOLLOW_UP_KINDS);

export const FamilyHomeParams = Type.Object({ householdId: Uuid });
export type FamilyHomeParams = Static<typeof FamilyHomeParams>;
// The second id is a plain string: the home is checked first, so another municipality's home
// answers 404 whatever follows it (the route walk of test/integration/tenancy.test.ts).
export const YouthParams = Type.Object({ householdId: Uuid, youthId: Type.String({ maxLength: 64 }) });
export type YouthParams = Static<typeof YouthParams>;

const Person = Type.Object({ id: Uuid, name: Type.String() });

// --- The list (/api/family-homes) ------------------------------------------------------------------

export const FamilyHomeSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  place: Nullable(Type.String()),
  counsellor: Nullable(Person),
  youthCount: Type.Integer(),
  lastFollowUpOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  nextMeetingOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
});
export type FamilyHomeSummary = Static<typeof FamilyHomeSummary>;

export const FamilyHomeList = Type.Object({
  homes: Type.Array(FamilyHomeSummary),
  /** The team sees every home and may change them; a family counsellor sees only their own. */
  scope: literals(['team', 'counsellor'] as const),
});
export type FamilyHomeList = Static<typeof FamilyHomeList>;

/** The municipality's family counsellors and how many homes each follows (for the choice). */
export const CounsellorList = Type.Object({
  counsellors: Type.Array(Type.Object({ id: Uuid, name: Type.String(), homeCount: Type.Integer() })),
  limit: Type.Integer(),
});
export type CounsellorList = Static<typeof CounsellorList>;

// --- One home ----------------------------------------------------------------------------------------

export const Youth = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  birthDate: Type.String({ description: 'YYYY-MM-DD' }),
  arrivalDate: Type.String({ description: 'YYYY-MM-DD' }),
  languages: Type.Array(Type.String()),
});
export type Youth = Static<typeof Youth>;

export const YouthInput = Type.Object({
  firstName: Name,
  birthDate: Day,
  arrivalDate: Day,
  languages: Type.Array(Text(40, { minLength: 1 }), { maxItems: 6 }),
});
export type YouthInput = Static<typeof YouthInput>;

/** A course from the course register: its kind (the catalogue's `courses.kinds.<kind>`) and day. */
export const Course = Type.Object({
  kind: Type.String(),
  completedOn: Type.String({ description: 'YYYY-MM-DD' }),
  part: Nullable(Type.Integer()),
});

export const Parent = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  /** Training and courses from the course register. */
  courses: Type.Array(Course),
});
export type Parent = Static<typeof Parent>;

export const FollowUp = Type.Object({
  id: Uuid,
  date: Type.String({ description: 'YYYY-MM-DD' }),
  kind: FollowUpKind,
  note: Nullable(Type.String()),
  by: Nullable(Type.String()),
});
export type FollowUp = Static<typeof FollowUp>;

export const FollowUpInput = Type.Object({
  date: Day,
  kind: FollowUpKind,
  note: Type.Optional(Nullable(Text(1000))),
});
export type FollowUpInput = Static<typeof FollowUpInput>;

export const FamilyHomeView = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  parents: Type.Array(Parent),
  youths: Type.Array(Youth),
  counsellor: Nullable(
    Type.Object({ id: Uuid, name: Type.String(), overrideReason: Nullable(Type.String()) }),
  ),
  followUps: Type.Array(FollowUp),
  /** The housing unit the home lives in (features/housing), or null. */
  housingUnit: Nullable(
    Type.Object({
      id: Type.String(),
      address: Type.Object({
        line: Nullable(Type.String()),
        postcode: Nullable(Type.String()),
        place: Nullable(Type.String()),
      }),
      status: Type.String(),
    }),
  ),
  scope: literals(['team', 'counsellor'] as const),
});
export type FamilyHomeView = Static<typeof FamilyHomeView>;

export const CounsellorInput = Type.Object({
  userId: Uuid,
  /** A team leader's reason for letting a counsellor follow more than two homes. */
  overrideReason: Type.Optional(Text(500, { minLength: 1, pattern: '\\S' })),
});
export type CounsellorInput = Static<typeof CounsellorInput>;
