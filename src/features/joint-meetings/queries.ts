import type { Queryable } from '../../db/connection.js';

// The meeting rows are seen by every municipality in municipality_ids (row-level security); the
// invitees by their own municipality only, and the counts by every municipality of the meeting.
// Other municipalities' names come through municipality_names() (no tenant data).

export interface MeetingRow {
  id: string;
  date: string;
  startTime: string;
  link: string;
  municipalityId: number;
  plannedByName: string;
  participants: { id: number; name: string; invited: number | null; attended: number | null }[];
}

const SELECT_MEETING = `SELECT j.id, j.date::text AS date, to_char(j.start_time, 'HH24:MI') AS "startTime", j.link,
  j.municipality_id AS "municipalityId",
  (SELECT m.name FROM municipality_names() m WHERE m.id = j.municipality_id) AS "plannedByName",
  (SELECT json_agg(json_build_object('id', m.id, 'name', m.name, 'invited', c.invited, 'attended', c.attended)
     ORDER BY m.name)
   FROM municipality_names() m
   LEFT JOIN joint_meeting_count c ON c.meeting_id = j.id AND c.municipality_id = m.id
   WHERE m.id = ANY (j.municipality_ids)) AS participants
  FROM joint_meeting j`;

/** The meetings the municipality takes part in, the latest first. */
export function meetingsOf(tx: Queryable, municipalityId: number) {
  return tx.query<MeetingRow>(
    `${SELECT_MEETING} WHERE $1 = ANY (j.municipality_ids) ORDER BY j.date DESC, j.start_time DESC LIMIT 40`,
    [municipalityId],
  );
}

export async function findMeeting(tx: Queryable, municipalityId: number, id: string) {
  const [row] = await tx.query<MeetingRow>(
    `${SELECT_MEETING} WHERE $1 = ANY (j.municipality_ids) AND j.id = $2`,
    [municipalityId, id],
  );
  return row;
}

/** The ids of the municipalities with these numbers (kommunenummer), as many as are known. */
export async function municipalitiesByNumber(tx: Queryable, numbers: string[]): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    'SELECT id FROM municipality_names() WHERE number = ANY ($1::text[])',
    [numbers],
  );
  return rows.map((r) => r.id);
}

export async function insertMeeting(
  tx: Queryable,
  municipalityId: number,
  meeting: {
    id: string;
    date: string;
    startTime: string;
    link: string;
    municipalityIds: number[];
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO joint_meeting (id, municipality_id, municipality_ids, date, start_time, link, created_by)
     VALUES ($2, $1, $3::int[], $4, $5, $6, $7)`,
    [
      municipalityId,
      meeting.id,
      meeting.municipalityIds,
      meeting.date,
      meeting.startTime,
      meeting.link,
      meeting.createdBy,
    ],
  );
}

/** The municipality's people to invite: its resource families' accounts and its networks' caseworkers. */
export function peopleToInvite(tx: Queryable, municipalityId: number) {
  return tx.query<{ userId: string; role: 'resource_family' | 'caseworker' }>(
    `SELECT DISTINCT ON (u.id) u.id AS "userId", p.role
     FROM (SELECT nu.user_id, 'resource_family' AS role FROM network_user nu WHERE nu.municipality_id = $1
           UNION ALL
           SELECT c.user_id, 'caseworker' FROM network_caseworker c WHERE c.municipality_id = $1) p
     JOIN app_user u ON u.id = p.user_id AND u.municipality_id = $1 AND u.active
     ORDER BY u.id, p.role DESC`,
    [municipalityId],
  );
}

/** Invites those not invited before; the ones newly invited, to e-mail. */
export function insertInvitees(
  tx: Queryable,
  municipalityId: number,
  meetingId: string,
  people: { userId: string; role: string }[],
) {
  return tx.query<{ email: string; firstName: string; locale: string }>(
    `WITH added AS (
       INSERT INTO joint_meeting_invitee (meeting_id, user_id, municipality_id, role)
       SELECT $2, p.user_id, $1, p.role FROM unnest($3::uuid[], $4::text[]) AS p (user_id, role)
       ON CONFLICT DO NOTHING RETURNING user_id)
     SELECT u.email, u.first_name AS "firstName", u.locale FROM added JOIN app_user u ON u.id = added.user_id
     ORDER BY u.email`,
    [municipalityId, meetingId, people.map((p) => p.userId), people.map((p) => p.role)],
  );
}

export function inviteesOf(tx: Queryable, municipalityId: number, meetingId: string) {
  return tx.query<{
    userId: string;
    firstName: string;
    lastName: string;
    role: 'resource_family' | 'caseworker';
    attended: boolean | null;
  }>(
    `SELECT i.user_id AS "userId", u.first_name AS "firstName", u.last_name AS "lastName", i.role, i.attended
     FROM joint_meeting_invitee i JOIN app_user u ON u.id = i.user_id
     WHERE i.municipality_id = $1 AND i.meeting_id = $2 ORDER BY i.role DESC, u.first_name, u.last_name`,
    [municipalityId, meetingId],
  );
}

/** Who came of the own invitees (the rest did not); ids of others are ignored. */
export async function setAttendance(
  tx: Queryable,
  municipalityId: number,
  meetingId: string,
  attended: string[],
): Promise<void> {
  await tx.query(
    `UPDATE joint_meeting_invitee SET attended = (user_id = ANY ($3::uuid[]))
     WHERE municipality_id = $1 AND meeting_id = $2`,
    [municipalityId, meetingId, attended],
  );
}

/** The counts the other municipalities see, from the own invitees as they are now. */
export async function refreshCount(tx: Queryable, municipalityId: number, meetingId: string): Promise<void> {
  await tx.query(
    `INSERT INTO joint_meeting_count (meeting_id, municipality_id, invited, attended)
     SELECT $2, $1, count(*), count(*) FILTER (WHERE attended)
     FROM joint_meeting_invitee WHERE municipality_id = $1 AND meeting_id = $2
     ON CONFLICT (meeting_id, municipality_id) DO UPDATE SET invited = EXCLUDED.invited, attended = EXCLUDED.attended`,
    [municipalityId, meetingId],
  );
}
