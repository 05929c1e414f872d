import type { Queryable } from '../../db/connection.js';
import type { AnswerInput } from '../../domain/answer.js';
import type { EventStatus, Registration } from '../../domain/event.js';

export interface AnswerRow extends AnswerInput {
  invitationId: string;
  eventId: string;
  householdId: string | null;
  waitingSince: Date | null;
  version: number;
  answeredBy: 'household' | 'team';
  updatedAt: Date;
}

const SELECT_ANSWER = `SELECT invitation_id AS "invitationId", event_id AS "eventId", household_id AS "householdId",
  response, adults, children, diet, diet_note AS "dietNote", comment, waiting_since AS "waitingSince", version,
  answered_by AS "answeredBy", updated_at AS "updatedAt" FROM answer`;

export async function findAnswer(
  tx: Queryable,
  municipalityId: number,
  invitationId: string,
): Promise<AnswerRow | undefined> {
  const [row] = await tx.query<AnswerRow>(
    `${SELECT_ANSWER} WHERE municipality_id = $1 AND invitation_id = $2`,
    [municipalityId, invitationId],
  );
  return row;
}

export interface InvitationRow {
  id: string;
  eventId: string;
  householdId: string | null;
  language: string;
}

export async function findInvitation(
  tx: Queryable,
  municipalityId: number,
  invitationId: string,
): Promise<InvitationRow | undefined> {
  const [row] = await tx.query<InvitationRow>(
    `SELECT id, event_id AS "eventId", household_id AS "householdId", language FROM invitation
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, invitationId],
  );
  return row;
}

/** What taking an answer needs of its event. */
export interface LockedEvent {
  capacity: number | null;
  registration: Registration;
  deadline: string | null;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
}

/** The event, locked: answers to one event are taken one at a time, so capacity holds. */
export async function lockEvent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<LockedEvent | undefined> {
  const [row] = await tx.query<LockedEvent>(
    `SELECT capacity, registration, deadline::text AS deadline, starts_at AS "startsAt", ends_at AS "endsAt",
       status
     FROM event WHERE municipality_id = $1 AND id = $2 FOR UPDATE`,
    [municipalityId, eventId],
  );
  return row && { ...row, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) };
}

/** Persons (adults and children) of households coming and not waiting, but for one invitation. */
export async function confirmedPersons(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  exceptInvitationId: string | null = null,
): Promise<number> {
  const [row] = await tx.query<{ persons: number }>(
    `SELECT COALESCE(sum(adults + children), 0)::int AS persons FROM answer
     WHERE municipality_id = $1 AND event_id = $2 AND response = 'coming' AND waiting_since IS NULL
       AND ($3::uuid IS NULL OR invitation_id <> $3)`,
    [municipalityId, eventId, exceptInvitationId],
  );
  return row?.persons ?? 0;
}

export async function upsertAnswer(
  tx: Queryable,
  municipalityId: number,
  invitation: InvitationRow,
  input: AnswerInput,
  waitingSince: Date | null,
  answeredBy: 'household' | 'team',
): Promise<AnswerRow> {
  const [row] = await tx.query<AnswerRow>(
    `INSERT INTO answer (invitation_id, municipality_id, event_id, household_id, response, adults, children, diet,
       diet_note, comment, waiting_since, answered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (invitation_id) DO UPDATE SET response = EXCLUDED.response, adults = EXCLUDED.adults,
       children = EXCLUDED.children, diet = EXCLUDED.diet, diet_note = EXCLUDED.diet_note, comment = EXCLUDED.comment,
       waiting_since = EXCLUDED.waiting_since, answered_by = EXCLUDED.answered_by, version = answer.version + 1,
       updated_at = now()
     RETURNING invitation_id AS "invitationId", event_id AS "eventId", household_id AS "householdId", response,
       adults, children, diet, diet_note AS "dietNote", comment, waiting_since AS "waitingSince", version,
       answered_by AS "answeredBy", updated_at AS "updatedAt"`,
    [
      invitation.id,
      municipalityId,
      invitation.eventId,
      invitation.householdId,
      input.response,
      input.adults,
      input.children,
      input.diet,
      input.dietNote,
      input.comment,
      waitingSince,
      answeredBy,
    ],
  );
  return row as AnswerRow;
}

/** The waiting list of an event, first in line first. */
export function waitingList(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ invitationId: string; persons: number }[]> {
  return tx.query(
    `SELECT invitation_id AS "invitationId", adults + children AS persons FROM answer
     WHERE municipality_id = $1 AND event_id = $2 AND waiting_since IS NOT NULL
     ORDER BY waiting_since, invitation_id`,
    [municipalityId, eventId],
  );
}

/** Takes these invitations' answers off the waiting list in one statement; returns their households. */
export function promote(
  tx: Queryable,
  municipalityId: number,
  invitationIds: string[],
): Promise<{ invitationId: string; householdId: string | null }[]> {
  if (invitationIds.length === 0) return Promise.resolve([]);
  return tx.query(
    `UPDATE answer SET waiting_since = NULL, updated_at = now()
     WHERE municipality_id = $1 AND invitation_id = ANY($2::uuid[]) AND waiting_since IS NOT NULL
     RETURNING invitation_id AS "invitationId", household_id AS "householdId"`,
    [municipalityId, invitationIds],
  );
}

/**
 * The place in line (1 = next) of each of these invitations whose answer waits; those not waiting
 * are not in the map. The one place-in-line query: the line is in the order households joined it
 * (waiting_since), then by invitation id (domain/answer-status.ts).
 */
export async function placesInLine(
  tx: Queryable,
  municipalityId: number,
  invitationIds: string[],
): Promise<Map<string, number>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await tx.query<{ invitationId: string; place: number }>(
    `SELECT a.invitation_id AS "invitationId",
       (SELECT count(*)::int FROM answer w WHERE w.municipality_id = a.municipality_id AND w.event_id = a.event_id
         AND w.waiting_since IS NOT NULL AND (w.waiting_since, w.invitation_id) <= (a.waiting_since, a.invitation_id))
       AS place
     FROM answer a WHERE a.municipality_id = $1 AND a.invitation_id = ANY($2::uuid[]) AND a.waiting_since IS NOT NULL`,
    [municipalityId, invitationIds],
  );
  return new Map(rows.map((r) => [r.invitationId, r.place]));
}

/** These invitations' answers (those that have one). */
export function answersOf(
  tx: Queryable,
  municipalityId: number,
  invitationIds: string[],
): Promise<AnswerRow[]> {
  if (invitationIds.length === 0) return Promise.resolve([]);
  return tx.query<AnswerRow>(
    `${SELECT_ANSWER} WHERE municipality_id = $1 AND invitation_id = ANY($2::uuid[])`,
    [municipalityId, invitationIds],
  );
}

/** The invitation a link's token hash names, across municipalities (landsby_system sees no person). */
export async function invitationByTokenHash(
  tx: Queryable,
  tokenHash: Buffer,
): Promise<{ invitationId: string; municipalityId: number } | undefined> {
  const [row] = await tx.query<{ invitationId: string; municipalityId: number }>(
    'SELECT id AS "invitationId", municipality_id AS "municipalityId" FROM invitation WHERE token_hash = $1',
    [tokenHash],
  );
  return row;
}

/** What the answer page shows of an invitation: the household's adults' first names and its answer. */
export interface PageInvitation extends InvitationRow {
  names: string[];
  answer: AnswerRow | undefined;
}

/** An invitation with its household's first names (in order) and its answer, in one statement. */
export async function invitationForPage(
  tx: Queryable,
  municipalityId: number,
  invitationId: string,
): Promise<PageInvitation | undefined> {
  const [row] = await tx.query<InvitationRow & { names: string[] } & Partial<AnswerRow>>(
    `SELECT i.id, i.event_id AS "eventId", i.household_id AS "householdId", i.language,
       COALESCE((SELECT array_agg(ad.first_name ORDER BY ad.position) FROM adult ad
         WHERE ad.municipality_id = i.municipality_id AND ad.household_id = i.household_id), '{}') AS names,
       a.invitation_id AS "invitationId", a.response, a.adults, a.children, a.diet, a.diet_note AS "dietNote",
       a.comment, a.waiting_since AS "waitingSince", a.version, a.answered_by AS "answeredBy",
       a.updated_at AS "updatedAt"
     FROM invitation i LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.id = $2`,
    [municipalityId, invitationId],
  );
  if (!row) return undefined;
  const { id, eventId, householdId, language, names, ...answer } = row;
  return {
    id,
    eventId,
    householdId,
    language,
    names,
    answer: answer.invitationId ? ({ ...answer, eventId, householdId } as AnswerRow) : undefined,
  };
}
