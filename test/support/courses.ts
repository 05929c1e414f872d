import type { Database } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import type { CourseKind } from '../../src/domain/course.js';
import { addCompletion, courseOfKind } from '../../src/features/courses/index.js';

/**
 * A completion of a built-in course (Solid by default) by the household's first adult, written
 * through the service as the form would: what a household needs to become a resource family.
 */
export async function completeCourse(
  db: Database,
  municipalityId: number,
  householdId: string,
  kind: CourseKind = 'solid',
): Promise<{ courseId: string; completionId: string; adultId: string }> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    const [adult] = await tx.query<{ id: string }>(
      'SELECT id FROM adult WHERE municipality_id = $1 AND household_id = $2 ORDER BY position LIMIT 1',
      [municipalityId, householdId],
    );
    if (!adult) throw new Error('completeCourse: the household has no adult');
    const courseId = await courseOfKind(tx, municipalityId, kind);
    const completion = await addCompletion(tx, ctx, {
      courseId,
      adultId: adult.id,
      completedOn: '2025-05-20',
      hours: 18,
      givenBy: 'Bufetat region øst',
    });
    return { courseId, completionId: completion.id, adultId: adult.id };
  });
}
