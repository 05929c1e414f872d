import type { TFunction } from 'i18next';
import type { CompletionView, CourseView } from '../../../features/courses/contract.js';
import { intlLocale } from '../../shared/format.js';

/** A built-in course's name is the catalogue's; a course the municipality added has its own. */
export function courseName(course: Pick<CourseView, 'kind' | 'name'>, t: TFunction): string {
  return course.name ?? t(`courses.kinds.${course.kind}`);
}

/** «Solid», or «Introduksjonskurs for ressursfamilier, del 2». */
export function completionTitle(
  completion: CompletionView,
  courses: Pick<CourseView, 'id' | 'kind' | 'name'>[],
  t: TFunction,
): string {
  const course = courses.find((c) => c.id === completion.courseId) ?? { kind: completion.kind, name: null };
  const name = courseName(course, t);
  return completion.part ? `${name}, ${t('courses.part', { part: completion.part })}` : name;
}

/** Hours as the user's language writes them: «1,5» in Norwegian. */
export function formatHours(hours: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(hours);
}
