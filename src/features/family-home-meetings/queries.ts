import type { Queryable } from '../../db/connection.js';
import type { MeetingKind } from '../../domain/family-home.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export interface MeetingRow {
  id: string;
  date: string;
  startTime: string;
  kind: MeetingKind;
  place: string;
  participants: { id: string; name: string }[];
}

const SELECT_MEETING = `SELECT m.id, to_char(m.date, 'YYYY-MM-DD') AS date, to_char(m.start_time, 'HH24:MI') AS "startTime",
  m.kind, m.place,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.first_name || ' ' || u.last_name)
      ORDER BY u.first_name, u.last_name)
    FROM family_home_meeting_participant p JOIN app_user u ON u.id = p.user_id
    WHERE p.meeting_id = m.id), '[]') AS participants
  FROM family_home_meeting m`;

export function meetingsOf(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<MeetingRow[]> {
  return tx.query<MeetingRow>(
    `${SELECT_MEETING} WHERE m.municipality_id = $1 AND m.household_id = $2 ORDER BY m.date, m.start_time`,
    [municipalityId, householdId],
  );
}

export async function meetingExists(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  meetingId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM family_home_meeting WHERE municipality_id = $1 AND household_id = $2 AND id = $3',
    [municipalityId, householdId, meetingId],
  );
  return rows.length > 0;
}

/** The active staff of the municipality who can take part in a meeting with a home. */
export function staff(tx: Queryable, municipalityId: number): Promise<{ id: string; name: string }[]> {
  return tx.query(
    `SELECT u.id, u.first_name || ' ' || u.last_name AS name FROM app_user u
     WHERE u.municipality_id = $1 AND u.active
       AND u.roles && ARRAY['caseworker', 'team_leader', 'family_counsellor']
     ORDER BY u.first_name, u.last_name, u.id`,
    [municipalityId],
  );
}

export async function insertMeeting(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  meeting: {
    id: string;
    date: string;
    startTime: string;
    kind: MeetingKind;
    place: string;
    participantUserIds: string[];
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO family_home_meeting (id, municipality_id, household_id, date, start_time, kind, place, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      meeting.id,
      municipalityId,
      householdId,
      meeting.date,
      meeting.startTime,
      meeting.kind,
      meeting.place,
      meeting.createdBy,
    ],
  );
  await tx.query(
    `INSERT INTO family_home_meeting_participant (meeting_id, user_id, municipality_id)
     SELECT $1, unnest($2::uuid[]), $3`,
    [meeting.id, meeting.participantUserIds, municipalityId],
  );
}

export async function deleteMeeting(tx: Queryable, municipalityId: number, meetingId: string): Promise<void> {
  await tx.query('DELETE FROM family_home_meeting WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    meetingId,
  ]);
}

/** The municipalities, for the reminder run (as landsby_system). */
export async function municipalityIds(tx: Queryable): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM municipality ORDER BY id');
  return rows.map((row) => row.id);
}

export interface DueReminder {
  meetingId: string;
  userId: string;
  householdId: string;
  email: string;
  firstName: string;
  locale: string;
  date: string;
  startTime: string;
  kind: MeetingKind;
  place: string;
}

/**
 * One participant of a meeting on `date` who has not had the reminder, locked so that a second
 * run at the same moment skips it; undefined when none is left.
 */
export async function nextDueReminder(
  tx: Queryable,
  municipalityId: number,
  date: string,
): Promise<DueReminder | undefined> {
  const [row] = await tx.query<DueReminder>(
    `SELECT p.meeting_id AS "meetingId", p.user_id AS "userId", m.household_id AS "householdId",
       u.email, u.first_name AS "firstName", u.locale,
       to_char(m.date, 'YYYY-MM-DD') AS date, to_char(m.start_time, 'HH24:MI') AS "startTime", m.kind, m.place
     FROM family_home_meeting_participant p
     JOIN family_home_meeting m ON m.id = p.meeting_id
     JOIN app_user u ON u.id = p.user_id AND u.active
     WHERE p.municipality_id = $1 AND m.date = $2::date AND p.reminded_at IS NULL
     ORDER BY m.start_time, p.meeting_id, p.user_id
     LIMIT 1
     FOR UPDATE OF p SKIP LOCKED`,
    [municipalityId, date],
  );
  return row;
}

export async function markReminded(tx: Queryable, municipalityId: number, meetingId: string, userId: string) {
  await tx.query(
    `UPDATE family_home_meeting_participant SET reminded_at = now()
     WHERE municipality_id = $1 AND meeting_id = $2 AND user_id = $3`,
    [municipalityId, meetingId, userId],
  );
}

// --- The demo municipality's meetings (seed-demo.ts) ------------------------------------------------

export async function anyMeeting(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM family_home_meeting WHERE municipality_id = $1 LIMIT 1', [
    municipalityId,
  ]);
  return rows.length > 0;
}

/** The first `count` active family homes by name (as the family homes' demo picks them). */
export function firstHomes(tx: Queryable, municipalityId: number, count: number): Promise<{ id: string }[]> {
  return tx.query(
    `SELECT id FROM household WHERE municipality_id = $1 AND kind = 'family_home' AND archived_at IS NULL
     ORDER BY lower(display_name), id LIMIT $2`,
    [municipalityId, count],
  );
}

export function usersByEmail(
  tx: Queryable,
  municipalityId: number,
  emails: string[],
): Promise<{ id: string }[]> {
  return tx.query(
    'SELECT id FROM app_user WHERE municipality_id = $1 AND email = ANY($2::text[]) ORDER BY email',
    [municipalityId, emails],
  );
}
