import type { Queryable } from '../../db/connection.js';
import type { FeedbackQuestion } from './contract.js';

export interface FormRow {
  eventId: string;
  code: string;
  questions: FeedbackQuestion[];
  languages: string[];
  closesAt: Date;
  version: number;
  updatedAt: Date;
}

const SELECT_FORM = `SELECT event_id AS "eventId", code, questions, languages, closes_at AS "closesAt",
  version, updated_at AS "updatedAt" FROM feedback_form`;

export async function findForm(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<FormRow | undefined> {
  const [row] = await tx.query<FormRow>(
    `${SELECT_FORM} WHERE municipality_id = $1 AND event_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row ? { ...row, closesAt: new Date(row.closesAt) } : undefined;
}

export interface FormInput {
  questions: FeedbackQuestion[];
  languages: string[];
  closesAt: Date;
}

/** The first save of an event's form; false when the code is taken (try another) or the form exists. */
export async function insertForm(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  code: string,
  form: FormInput,
  userId: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO feedback_form (event_id, municipality_id, code, questions, languages, closes_at, updated_by)
     VALUES ($2, $1, $3, $4::jsonb, $5::text[], $6, $7)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [municipalityId, eventId, code, JSON.stringify(form.questions), form.languages, form.closesAt, userId],
  );
  return rows.length === 1;
}

export async function updateForm(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  form: FormInput,
  userId: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE feedback_form SET questions = $3::jsonb, languages = $4::text[], closes_at = $5,
       version = version + 1, updated_by = $6, updated_at = now()
     WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId, JSON.stringify(form.questions), form.languages, form.closesAt, userId],
  );
}

/** The form a short link names (landsby_system: the link names no municipality). */
export async function formOfCode(
  tx: Queryable,
  code: string,
): Promise<{ eventId: string; municipalityId: number } | undefined> {
  const [row] = await tx.query<{ eventId: string; municipalityId: number }>(
    'SELECT event_id AS "eventId", municipality_id AS "municipalityId" FROM feedback_form WHERE code = $1',
    [code],
  );
  return row;
}

export type AnswerValue = number | string | string[];

/** An anonymous response: the event, the language and the answers; nothing about who gave it. */
export async function insertResponse(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  language: string,
  answers: Record<string, AnswerValue>,
): Promise<void> {
  await tx.query(
    `INSERT INTO feedback_response (municipality_id, event_id, language, answers) VALUES ($1, $2, $3, $4::jsonb)`,
    [municipalityId, eventId, language, JSON.stringify(answers)],
  );
}

/** How many have answered the event's form. */
export async function countResponses(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM feedback_response WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
  return row?.n ?? 0;
}

export function responses(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ language: string; answers: Record<string, AnswerValue> }[]> {
  return tx.query(
    `SELECT language, answers FROM feedback_response WHERE municipality_id = $1 AND event_id = $2
     ORDER BY created_at, id`,
    [municipalityId, eventId],
  );
}

// --- The team's evaluation -------------------------------------------------------------------------------

export interface EvaluationFields {
  wentWell: string | null;
  changeNext: string | null;
  attendanceNote: string | null;
  programmeNote: string | null;
}

export interface EvaluationRow extends EvaluationFields {
  eventId: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

const SELECT_EVALUATION = `SELECT v.event_id AS "eventId", v.went_well AS "wentWell", v.change_next AS "changeNext",
  v.attendance_note AS "attendanceNote", v.programme_note AS "programmeNote", v.version,
  v.updated_at AS "updatedAt",
  (SELECT u.first_name || ' ' || u.last_name FROM app_user u WHERE u.id = v.updated_by) AS "updatedBy"
  FROM event_evaluation v`;

export async function findEvaluation(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<EvaluationRow | undefined> {
  const [row] = await tx.query<EvaluationRow>(
    `${SELECT_EVALUATION} WHERE v.municipality_id = $1 AND v.event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

/**
 * Saves the evaluation if it is still at `version` (0: none saved yet); false when someone else
 * saved first.
 */
export async function saveEvaluation(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  fields: EvaluationFields,
  version: number,
  userId: string | null,
): Promise<boolean> {
  const values = [
    municipalityId,
    eventId,
    fields.wentWell,
    fields.changeNext,
    fields.attendanceNote,
    fields.programmeNote,
    userId,
  ];
  if (version === 0) {
    const rows = await tx.query(
      `INSERT INTO event_evaluation (municipality_id, event_id, went_well, change_next, attendance_note,
         programme_note, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING event_id`,
      values,
    );
    return rows.length === 1;
  }
  const rows = await tx.query(
    `UPDATE event_evaluation SET went_well = $3, change_next = $4, attendance_note = $5, programme_note = $6,
       updated_by = $7, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND event_id = $2 AND version = $8 RETURNING event_id`,
    [...values, version],
  );
  return rows.length === 1;
}

/**
 * The evaluation of the municipality's last event of the same kind before this one that has one
 * (cancelled events have none to learn from).
 */
export async function previousEvaluation(
  tx: Queryable,
  municipalityId: number,
  event: { id: string; kind: string; startsAt: Date | string },
): Promise<(EvaluationRow & { title: string; date: string }) | undefined> {
  const [row] = await tx.query<EvaluationRow & { title: string; date: string }>(
    `${SELECT_EVALUATION.replace(
      'FROM event_evaluation v',
      `, e.title, e.date::text AS date FROM event_evaluation v
       JOIN event e ON e.id = v.event_id AND e.municipality_id = v.municipality_id`,
    )}
     WHERE v.municipality_id = $1 AND e.kind = $2 AND e.starts_at < $3 AND e.id <> $4 AND e.status = 'planned'
     ORDER BY e.starts_at DESC LIMIT 1`,
    [municipalityId, event.kind, new Date(event.startsAt), event.id],
  );
  return row;
}
