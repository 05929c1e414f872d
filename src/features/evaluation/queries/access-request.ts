import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the evaluation tool: its
// personal links (never the token hash) and its answers, each with the question's text in bokmål.

export interface HouseholdEvaluation {
  cohort: string;
  round: string;
  language: string;
  createdAt: Date;
  answeredAt: Date | null;
  answers: { question: string; text: string | null; score: number | null; answer: string | null }[];
}

export function evaluationsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdEvaluation[]> {
  return tx.query<HouseholdEvaluation>(
    `SELECT c.name AS cohort, l.round, l.language, l.created_at AS "createdAt", l.answered_at AS "answeredAt",
       COALESCE((SELECT json_agg(json_build_object('question', a.question_id,
           'text', (SELECT q -> 'text' ->> 'nb' FROM evaluation_questionnaire eq,
             jsonb_array_elements(eq.questions) q
             WHERE eq.municipality_id = $1 AND q ->> 'id' = a.question_id),
           'score', a.score, 'answer', a.text_answer) ORDER BY a.question_id)
         FROM evaluation_answer a WHERE a.municipality_id = $1 AND a.link_id = l.id), '[]') AS answers
     FROM evaluation_link l JOIN cohort c ON c.id = l.cohort_id
     WHERE l.municipality_id = $1 AND l.household_id = $2
     ORDER BY c.starts_on, c.name, l.round DESC`,
    [municipalityId, householdId],
  );
}
