import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the course register: the
// completions of its adults and the team leader's decisions on the household. The pamphlet's bytes
// stay out (its type says one is kept); every statement names municipality_id.

export interface HouseholdCourses {
  completions: {
    adult: string;
    course: string;
    completedOn: string;
    hours: number | null;
    givenBy: string | null;
    part: number | null;
    pamphlet: string | null;
    recordedAt: Date;
  }[];
  decisions: { kind: string; reason: string; decidedAt: Date }[];
}

export async function coursesOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdCourses> {
  const completions = await tx.query<HouseholdCourses['completions'][number]>(
    `SELECT a.first_name || ' ' || a.last_name AS adult, COALESCE(c.name, c.kind) AS course,
       cc.completed_on::text AS "completedOn", cc.hours::float8 AS hours, cc.given_by AS "givenBy", cc.part,
       cc.pamphlet_type AS pamphlet, cc.created_at AS "recordedAt"
     FROM course_completion cc JOIN adult a ON a.id = cc.adult_id JOIN course c ON c.id = cc.course_id
     WHERE cc.municipality_id = $1 AND a.household_id = $2
     ORDER BY cc.completed_on, cc.id`,
    [municipalityId, householdId],
  );
  const decisions = await tx.query<HouseholdCourses['decisions'][number]>(
    `SELECT kind, reason, created_at AS "decidedAt" FROM course_override
     WHERE municipality_id = $1 AND household_id = $2 ORDER BY created_at`,
    [municipalityId, householdId],
  );
  return { completions, decisions };
}
