import type { CompletionView, CourseView } from './contract.js';
import type { CompletionRow, CourseRow } from './queries.js';

export function presentCompletion(row: CompletionRow): CompletionView {
  return {
    id: row.id,
    courseId: row.courseId,
    kind: row.kind,
    adultId: row.adultId,
    householdId: row.householdId,
    householdName: row.householdName,
    userId: row.userId,
    firstName: row.firstName,
    lastName: row.lastName,
    completedOn: row.completedOn,
    hours: row.hours,
    givenBy: row.givenBy,
    part: row.part,
    pamphlet: row.pamphletType ? { contentType: row.pamphletType, bytes: row.pamphletBytes ?? 0 } : null,
  };
}

export function presentCourse(row: CourseRow, completions: CompletionRow[] = []): CourseView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    provider: row.provider,
    archived: row.archived,
    completions: completions.filter((c) => c.courseId === row.id).map(presentCompletion),
  };
}
