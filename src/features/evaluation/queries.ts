import type { Queryable } from '../../db/connection.js';
import type { Question, Round } from '../../domain/good-start.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export async function findQuestionnaire(tx: Queryable, municipalityId: number) {
  const [row] = await tx.query<{ questions: Question[]; version: number }>(
    'SELECT questions, version FROM evaluation_questionnaire WHERE municipality_id = $1',
    [municipalityId],
  );
  return row;
}

/** Saves the questionnaire if it is still at `version` (0: never saved); false when it changed meanwhile. */
export async function saveQuestionnaire(
  tx: Queryable,
  municipalityId: number,
  questions: Question[],
  version: number,
  userId: string | null,
): Promise<boolean> {
  const rows =
    version === 0
      ? await tx.query(
          `INSERT INTO evaluation_questionnaire (municipality_id, questions, updated_by) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT DO NOTHING RETURNING version`,
          [municipalityId, JSON.stringify(questions), userId],
        )
      : await tx.query(
          `UPDATE evaluation_questionnaire SET questions = $2::jsonb, updated_by = $3, version = version + 1,
             updated_at = now() WHERE municipality_id = $1 AND version = $4 RETURNING version`,
          [municipalityId, JSON.stringify(questions), userId, version],
        );
  return rows.length > 0;
}

/** The language each household is written to: its first adult's, as in the registry. */
export function householdLanguages(tx: Queryable, municipalityId: number, householdIds: string[]) {
  return tx.query<{ householdId: string; language: string | null }>(
    `SELECT h.id AS "householdId",
       (SELECT a.preferred_language FROM adult a WHERE a.household_id = h.id ORDER BY a.position, a.id LIMIT 1)
         AS language
     FROM household h WHERE h.municipality_id = $1 AND h.id = ANY($2::uuid[])`,
    [municipalityId, householdIds],
  );
}

/** Makes the link of a household and round unless it exists (then its id is kept: the same link). */
export async function ensureLink(
  tx: Queryable,
  municipalityId: number,
  link: {
    id: string;
    cohortId: string;
    householdId: string;
    round: Round;
    tokenHash: Buffer;
    language: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO evaluation_link (id, municipality_id, cohort_id, household_id, round, token_hash, language)
     VALUES ($2, $1, $3, $4, $5, $6, $7) ON CONFLICT (cohort_id, household_id, round) DO NOTHING`,
    [municipalityId, link.id, link.cohortId, link.householdId, link.round, link.tokenHash, link.language],
  );
}

export function listLinks(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{
    id: string;
    householdId: string;
    name: string;
    round: Round;
    language: string;
    answered: boolean;
    sent: boolean;
  }>(
    // sent: the round's questionnaire message is queued or gone on its invitation to one of the
    // cohort's sessions (not failed)
    `SELECT l.id, l.household_id AS "householdId", h.display_name AS name, l.round, l.language,
       l.answered_at IS NOT NULL AS answered,
       EXISTS (SELECT 1 FROM message m JOIN cohort_session s ON s.event_id = m.event_id
         WHERE m.municipality_id = l.municipality_id AND s.cohort_id = l.cohort_id
           AND m.household_id = l.household_id AND m.purpose = 'questionnaire:' || l.round
           AND m.status <> 'failed') AS sent
     FROM evaluation_link l JOIN household h ON h.id = l.household_id AND h.municipality_id = l.municipality_id
     WHERE l.municipality_id = $1 AND l.cohort_id = $2 ORDER BY l.round DESC, lower(h.display_name), l.id`,
    [municipalityId, cohortId],
  );
}

/** This municipality's session of the cohort with the theme (1: the first, 6: the last). */
export async function sessionOfTheme(tx: Queryable, municipalityId: number, cohortId: string, theme: number) {
  const [row] = await tx.query<{ eventId: string }>(
    `SELECT event_id AS "eventId" FROM cohort_session
     WHERE municipality_id = $1 AND cohort_id = $2 AND theme = $3`,
    [municipalityId, cohortId, theme],
  );
  return row?.eventId;
}

/** The households' invitations to the session (a household not invited has none). */
export function sessionInvitations(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
) {
  return tx.query<{ id: string; householdId: string }>(
    `SELECT id, household_id AS "householdId" FROM invitation
     WHERE municipality_id = $1 AND event_id = $2 AND household_id = ANY($3::uuid[])`,
    [municipalityId, eventId, householdIds],
  );
}

/**
 * The invitations to the session of the households whose questionnaire of the round has gone
 * (sent, delivered or printed) and whose link of the round is not answered: the reminder's.
 */
export function unansweredInvitations(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
  eventId: string,
  round: Round,
) {
  return tx.query<{ id: string }>(
    `SELECT i.id FROM invitation i
     JOIN evaluation_link l ON l.municipality_id = i.municipality_id AND l.household_id = i.household_id
       AND l.cohort_id = $2 AND l.round = $4 AND l.answered_at IS NULL
     WHERE i.municipality_id = $1 AND i.event_id = $3
       AND EXISTS (SELECT 1 FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'questionnaire:' || $4
         AND m.status IN ('sent', 'delivered', 'printed'))`,
    [municipalityId, cohortId, eventId, round],
  );
}

/** As landsby_system: which municipality a link (by its token's hash) belongs to. */
export async function findLinkTenant(tx: Queryable, tokenHash: Buffer) {
  const [row] = await tx.query<{ id: string; municipalityId: number }>(
    'SELECT id, municipality_id AS "municipalityId" FROM evaluation_link WHERE token_hash = $1',
    [tokenHash],
  );
  return row;
}

export async function findLink(tx: Queryable, municipalityId: number, linkId: string) {
  const [row] = await tx.query<{
    id: string;
    householdId: string;
    round: Round;
    language: string;
    answeredAt: Date | null;
    teamName: string;
  }>(
    `SELECT l.id, l.household_id AS "householdId", l.round, l.language, l.answered_at AS "answeredAt",
       m.name AS "teamName"
     FROM evaluation_link l JOIN municipality m ON m.id = l.municipality_id
     WHERE l.municipality_id = $1 AND l.id = $2`,
    [municipalityId, linkId],
  );
  return row;
}

/** The answers of a link replace what it held; the link is answered from now. */
export async function saveAnswers(
  tx: Queryable,
  municipalityId: number,
  linkId: string,
  answers: { questionId: string; score: number | null; text: string | null }[],
): Promise<void> {
  await tx.query('DELETE FROM evaluation_answer WHERE municipality_id = $1 AND link_id = $2', [
    municipalityId,
    linkId,
  ]);
  await tx.query(
    `INSERT INTO evaluation_answer (link_id, municipality_id, question_id, score, text_answer)
     SELECT $2, $1, a.question_id, a.score, a.text_answer
     FROM jsonb_to_recordset($3::jsonb) AS a(question_id text, score smallint, text_answer text)`,
    [
      municipalityId,
      linkId,
      JSON.stringify(
        answers.map((a) => ({ question_id: a.questionId, score: a.score, text_answer: a.text })),
      ),
    ],
  );
  await tx.query('UPDATE evaluation_link SET answered_at = now() WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    linkId,
  ]);
}

export function linkAnswers(tx: Queryable, municipalityId: number, linkId: string) {
  return tx.query<{ questionId: string; score: number | null; text: string | null }>(
    `SELECT question_id AS "questionId", score, text_answer AS text FROM evaluation_answer
     WHERE municipality_id = $1 AND link_id = $2`,
    [municipalityId, linkId],
  );
}

export interface ChangeRow {
  questionId: string;
  beforeN: number;
  beforeMean: number | null;
  afterN: number;
  afterMean: number | null;
  pairs: number;
  changeMean: number | null;
  changeSd: number | null;
}

/** The paired aggregates of migrations/0022's evaluation_change(): no household's row leaves the database. */
export function evaluationChange(tx: Queryable, cohortId: string): Promise<ChangeRow[]> {
  return tx.query<ChangeRow>(
    `SELECT question_id AS "questionId", before_n AS "beforeN", before_mean::float8 AS "beforeMean",
       after_n AS "afterN", after_mean::float8 AS "afterMean", pairs, change_mean::float8 AS "changeMean",
       change_sd::float8 AS "changeSd"
     FROM evaluation_change($1)`,
    [cohortId],
  );
}

export function answeredCounts(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{ round: Round; n: number }>(
    `SELECT round, count(*)::int AS n FROM evaluation_link
     WHERE municipality_id = $1 AND cohort_id = $2 AND answered_at IS NOT NULL GROUP BY round`,
    [municipalityId, cohortId],
  );
}

/** The free-text answers of a cohort, without who wrote them, in no household's order. */
export function freeTexts(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{ questionId: string; round: Round; text: string }>(
    `SELECT a.question_id AS "questionId", l.round, a.text_answer AS text
     FROM evaluation_answer a JOIN evaluation_link l ON l.id = a.link_id
     WHERE a.municipality_id = $1 AND l.cohort_id = $2 AND a.text_answer IS NOT NULL
     ORDER BY a.question_id, l.round DESC, a.text_answer`,
    [municipalityId, cohortId],
  );
}

/** The programme's pooled aggregates (migrations/0022's programme_evaluation_change): its coordinator only. */
export function programmeEvaluationChange(tx: Queryable, programmeId: string): Promise<ChangeRow[]> {
  return tx.query<ChangeRow>(
    `SELECT question_id AS "questionId", before_n AS "beforeN", before_mean::float8 AS "beforeMean",
       after_n AS "afterN", after_mean::float8 AS "afterMean", pairs, change_mean::float8 AS "changeMean",
       change_sd::float8 AS "changeSd"
     FROM programme_evaluation_change($1)`,
    [programmeId],
  );
}

/** 'coordinator', 'member' or null (migrations/0021's programme_access). */
export async function programmeAccess(tx: Queryable, programmeId: string): Promise<string | null> {
  const [row] = await tx.query<{ access: string | null }>('SELECT programme_access($1) AS access', [
    programmeId,
  ]);
  return row?.access ?? null;
}
