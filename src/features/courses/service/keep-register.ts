import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { CourseKind } from '../../../domain/course.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import type {
  CompletionInput,
  CompletionView,
  CourseInput,
  CourseList,
  CourseView,
  HouseholdCourses,
} from '../contract.js';
import { builtinCourse, courseArchived } from '../errors.js';
import { presentCompletion, presentCourse } from '../present.js';
import * as q from '../queries.js';

/** Who a completion is about in the audit log: the household of an adult, or the staff user. */
const subjectOf = (row: { householdId: string | null; userId: string | null }) =>
  row.householdId ?? row.userId;

async function auditCompletionsRead(tx: Queryable, ctx: TenantContext, rows: q.CompletionRow[]) {
  const subjects = [...new Set(rows.map(subjectOf).filter((id): id is string => id !== null))];
  await auditListRead(tx, ctx, 'course_completion', subjects);
}

/** The id of the municipality's built-in course of `kind`, made on first use. */
export async function courseOfKind(tx: Queryable, municipalityId: number, kind: CourseKind): Promise<string> {
  if (kind === 'other') throw new Error('courseOfKind: built-in kinds only');
  await q.ensureBuiltinCourses(tx, municipalityId);
  return ((await q.findCourseByKind(tx, municipalityId, kind)) as q.CourseRow).id;
}

/** The completions of the given adults (read, audited), for a household page or another programme. */
export async function completionsOf(
  tx: Queryable,
  ctx: TenantContext,
  adultIds: string[],
): Promise<CompletionView[]> {
  if (adultIds.length === 0) return [];
  const rows = await q.completionsOfAdults(tx, ctx.municipalityId, adultIds);
  await auditCompletionsRead(tx, ctx, rows);
  return rows.map(presentCompletion);
}

/** The completions of the given staff users, e.g. En god start's contact persons (read, audited). */
export async function completionsOfStaff(
  tx: Queryable,
  ctx: TenantContext,
  userIds: string[],
): Promise<CompletionView[]> {
  if (userIds.length === 0) return [];
  const rows = await q.completionsOfUsers(tx, ctx.municipalityId, userIds);
  await auditCompletionsRead(tx, ctx, rows);
  return rows.map(presentCompletion);
}

/** Whether an adult now in the household has completed the built-in course of `kind`. */
export function hasCompleted(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  kind: CourseKind,
): Promise<boolean> {
  return q.householdHasCompleted(tx, municipalityId, householdId, kind);
}

/**
 * Records a completion in the caller's transaction (audited): of an adult of a household of the
 * municipality or of one of its users, on one of its courses that is not archived. 404 for
 * another municipality's course, adult or user.
 */
export async function addCompletion(
  tx: Queryable,
  ctx: TenantContext,
  input: CompletionInput,
): Promise<CompletionView> {
  const m = ctx.municipalityId;
  const adultId = input.adultId ?? null;
  const userId = input.userId ?? null;
  if ((adultId === null) === (userId === null)) {
    throw invalid([{ field: adultId === null ? 'adultId' : 'userId', rule: 'one_of' }]);
  }
  const course = await q.findCourse(tx, m, input.courseId);
  if (!course) throw notFound();
  if (course.archived) throw courseArchived();
  const adult = adultId ? await q.findAdult(tx, m, adultId) : undefined;
  if (adultId && !adult) throw notFound();
  if (userId && !(await q.staffUserExists(tx, m, userId))) throw notFound();
  const hours = input.hours == null ? null : Math.round(input.hours * 10) / 10;
  const id = await q.insertCompletion(tx, m, {
    courseId: course.id,
    adultId,
    userId,
    completedOn: input.completedOn,
    hours,
    givenBy: input.givenBy?.trim() || null,
    part: input.part ?? null,
    createdBy: ctx.userId,
  });
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'course_completion',
    recordId: id,
    subjectId: adult?.householdId ?? userId,
    details: { kind: course.kind, ...(input.part ? { part: input.part } : {}) },
  });
  return presentCompletion((await q.findCompletion(tx, m, id)) as q.CompletionRow);
}

/** The course list page: every course of the municipality with who completed it. */
export function listCourses(deps: Deps, ctx: TenantContext, archived: boolean): Promise<CourseList> {
  return inTenant(deps.db, ctx, async (tx) => {
    await q.ensureBuiltinCourses(tx, ctx.municipalityId);
    const courses = await q.listCourses(tx, ctx.municipalityId, archived);
    const rows = await q.listCompletions(
      tx,
      ctx.municipalityId,
      courses.map((c) => c.id),
    );
    await auditCompletionsRead(tx, ctx, rows);
    return { courses: courses.map((c) => presentCourse(c, rows)) };
  });
}

/** A course the municipality adds (kind 'other'). */
export function addCourse(deps: Deps, ctx: TenantContext, input: CourseInput): Promise<CourseView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const id = await q.insertCourse(tx, ctx.municipalityId, {
      name: input.name.trim(),
      provider: input.provider?.trim() || null,
      createdBy: ctx.userId,
    });
    await audit(tx, ctx, { action: 'create', recordType: 'course', recordId: id });
    return presentCourse((await q.findCourse(tx, ctx.municipalityId, id)) as q.CourseRow);
  });
}

/** Archives (or brings back) a course the municipality added; its completions stay. */
export function setCourseArchived(
  deps: Deps,
  ctx: TenantContext,
  courseId: string,
  archived: boolean,
): Promise<CourseView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const course = await q.findCourse(tx, ctx.municipalityId, courseId);
    if (!course) throw notFound();
    if (course.kind !== 'other') throw builtinCourse();
    if (course.archived !== archived) {
      await q.setCourseArchived(tx, ctx.municipalityId, courseId, archived);
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'course',
        recordId: courseId,
        details: { via: archived ? 'archive' : 'unarchive' },
      });
    }
    const rows = await q.listCompletions(tx, ctx.municipalityId, [courseId]);
    await auditCompletionsRead(tx, ctx, rows);
    return presentCourse((await q.findCourse(tx, ctx.municipalityId, courseId)) as q.CourseRow, rows);
  });
}

/** The «Kurs» section of a household page. */
export function householdCourses(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
): Promise<HouseholdCourses> {
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    if (!(await q.householdExists(tx, m, householdId))) throw notFound();
    await q.ensureBuiltinCourses(tx, m);
    const adults = await q.adultsOfHousehold(tx, m, householdId);
    const completions = await completionsOf(
      tx,
      ctx,
      adults.map((a) => a.id),
    );
    const override = await q.findSolidOverride(tx, m, householdId);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'course_completion',
      recordId: householdId,
      subjectId: householdId,
    });
    return {
      adults: adults.map(({ id, firstName, lastName }) => ({ id, firstName, lastName })),
      courses: (await q.listCourses(tx, m, false)).map((c) => {
        const { completions: _none, ...course } = presentCourse(c);
        return course;
      }),
      completions,
      solidMet: Boolean(override) || completions.some((c) => c.kind === 'solid'),
      solidOverride: override
        ? { reason: override.reason, decidedAt: new Date(override.decidedAt).toISOString() }
        : null,
    };
  });
}

export function recordCompletion(
  deps: Deps,
  ctx: TenantContext,
  input: CompletionInput,
): Promise<CompletionView> {
  return inTenant(deps.db, ctx, (tx) => addCompletion(tx, ctx, input));
}

/** Deletes a completion recorded by mistake (audited, with what it was). */
export function removeCompletion(deps: Deps, ctx: TenantContext, completionId: string): Promise<void> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findCompletion(tx, ctx.municipalityId, completionId);
    if (!row) throw notFound();
    await q.deleteCompletion(tx, ctx.municipalityId, completionId);
    await audit(tx, ctx, {
      action: 'delete',
      recordType: 'course_completion',
      recordId: completionId,
      subjectId: subjectOf(row),
      details: { kind: row.kind, completedOn: row.completedOn, ...(row.part ? { part: row.part } : {}) },
    });
  });
}
