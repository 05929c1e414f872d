import { type Static, Type } from '@sinclair/typebox';
import { COURSE_KINDS, PAMPHLET_TYPES } from '../../domain/course.js';
import { Day, Decimal, Int, literals, Nullable, Text, Uuid } from '../../server/schemas.js';

export const CourseKind = literals(COURSE_KINDS);

// --- Path and query ------------------------------------------------------------------------------

export const CourseParams = Type.Object({ courseId: Uuid });
export const CompletionParams = Type.Object({ completionId: Uuid });
export const HouseholdParams = Type.Object({ householdId: Uuid });

export const CourseListQuery = Type.Object({
  /** true: the archived courses the municipality added, too */
  archived: Type.Optional(Type.Boolean({ default: false })),
});

// --- What leaves the server ----------------------------------------------------------------------

export const PamphletView = Type.Object({
  contentType: literals(PAMPHLET_TYPES),
  bytes: Type.Integer(),
});

/** One completion: of an adult of a household, or of a staff user (contact-person training). */
export const CompletionView = Type.Object({
  id: Type.String(),
  courseId: Type.String(),
  kind: CourseKind,
  adultId: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  /** the household's display name; null for a staff user's completion */
  householdName: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  firstName: Type.String(),
  lastName: Type.String(),
  completedOn: Day,
  hours: Nullable(Type.Number()),
  givenBy: Nullable(Type.String()),
  /** a course given in parts (the intro course: 1 and 2) */
  part: Nullable(Type.Integer()),
  pamphlet: Nullable(PamphletView),
});
export type CompletionView = Static<typeof CompletionView>;

export const CourseView = Type.Object({
  id: Type.String(),
  kind: CourseKind,
  /** null for a built-in course: its name is the catalogue's `courses.kinds.<kind>` */
  name: Nullable(Type.String()),
  provider: Nullable(Type.String()),
  archived: Type.Boolean(),
  completions: Type.Array(CompletionView),
});
export type CourseView = Static<typeof CourseView>;

export const CourseList = Type.Object({ courses: Type.Array(CourseView) });
export type CourseList = Static<typeof CourseList>;

/** The «Kurs» section of a household page: its adults, their completions, the Solid gate. */
export const HouseholdCourses = Type.Object({
  adults: Type.Array(Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() })),
  /** the municipality's courses one can record (not archived), for the form */
  courses: Type.Array(Type.Omit(CourseView, ['completions'])),
  completions: Type.Array(CompletionView),
  /** an adult has completed Solid, or a team leader has overridden the requirement */
  solidMet: Type.Boolean(),
  solidOverride: Nullable(Type.Object({ reason: Type.String(), decidedAt: Type.String() })),
});
export type HouseholdCourses = Static<typeof HouseholdCourses>;

// --- What comes in -------------------------------------------------------------------------------

/** A course the municipality adds (kind 'other'). */
export const CourseInput = Type.Object({
  name: Text(120, { minLength: 1, pattern: '^\\s*[^\\s\\u0000][^\\u0000]*$' }),
  provider: Type.Optional(Nullable(Text(120))),
});
export type CourseInput = Static<typeof CourseInput>;

/**
 * A completion of an adult (`adultId`) or a staff user (`userId`): exactly one of them.
 * `part` only for a course given in parts (the intro course: 1 or 2).
 */
export const CompletionInput = Type.Object({
  courseId: Uuid,
  adultId: Type.Optional(Nullable(Uuid)),
  userId: Type.Optional(Nullable(Uuid)),
  completedOn: Day,
  /** rounded to one decimal, as stored */
  hours: Type.Optional(Nullable(Decimal(0.1, 500))),
  givenBy: Type.Optional(Nullable(Text(200))),
  part: Type.Optional(Nullable(Int({ minimum: 1, maximum: 20 }))),
});
export type CompletionInput = Static<typeof CompletionInput>;

/** A team leader lets the household be a resource family without Solid, with a reason. */
export const SolidOverrideInput = Type.Object({
  reason: Text(500, { minLength: 1, pattern: '^\\s*[^\\s\\u0000][^\\u0000]*$' }),
});
export type SolidOverrideInput = Static<typeof SolidOverrideInput>;
