import type { Queryable } from '../../db/connection.js';

export interface CheckinEvent {
  id: string;
  title: string;
  startsAt: Date;
  status: 'planned' | 'cancelled';
}

/** The event; `lock` holds it until the transaction ends, so taps on one event are taken one at a time. */
export async function findEvent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<CheckinEvent | undefined> {
  const [row] = await tx.query<CheckinEvent>(
    `SELECT id, title, starts_at AS "startsAt", status FROM event
     WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row && { ...row, startsAt: new Date(row.startsAt) };
}

/** One household on the evening's list, as stored: its answer, its attendance and the registry's persons. */
export interface AttendanceRow {
  id: string;
  name: string;
  invited: boolean;
  response: 'coming' | 'not_coming' | 'maybe' | null;
  answerAdults: number | null;
  answerChildren: number | null;
  waiting: boolean;
  present: boolean | null;
  adults: number | null;
  children: number | null;
  walkIn: boolean;
  registryAdults: number;
  registryChildren: number;
  firstTime: boolean;
}

/**
 * The households of the evening: every one invited to the event and every one with an attendance
 * row (walk-ins), or only `householdId`. A household is there for the first time when it has been
 * present at no other event.
 */
export async function attendanceRows(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId?: string,
): Promise<AttendanceRow[]> {
  return tx.query<AttendanceRow>(
    `WITH ids AS (
       SELECT household_id FROM invitation
       WHERE municipality_id = $1 AND event_id = $2 AND household_id IS NOT NULL
       UNION
       SELECT household_id FROM attendance WHERE municipality_id = $1 AND event_id = $2
     )
     SELECT h.id, h.display_name AS name, i.id IS NOT NULL AS invited,
            an.response, an.adults AS "answerAdults", an.children AS "answerChildren",
            an.waiting_since IS NOT NULL AS waiting,
            at.present, at.adults, at.children, coalesce(at.walk_in, false) AS "walkIn",
            (SELECT count(*)::int FROM adult a WHERE a.household_id = h.id) AS "registryAdults",
            (SELECT count(*)::int FROM child c WHERE c.household_id = h.id) AS "registryChildren",
            NOT EXISTS (
              SELECT 1 FROM attendance o
              WHERE o.municipality_id = $1 AND o.household_id = h.id AND o.event_id <> $2 AND o.present
            ) AS "firstTime"
     FROM ids
     JOIN household h ON h.id = ids.household_id AND h.municipality_id = $1
     LEFT JOIN invitation i ON i.municipality_id = $1 AND i.event_id = $2 AND i.household_id = h.id
     LEFT JOIN answer an ON an.invitation_id = i.id
     LEFT JOIN attendance at ON at.municipality_id = $1 AND at.event_id = $2 AND at.household_id = h.id
     WHERE $3::uuid IS NULL OR h.id = $3::uuid`,
    [municipalityId, eventId, householdId ?? null],
  );
}

export async function householdExists(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM household WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    householdId,
  ]);
  return rows.length > 0;
}

export async function isInvited(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM invitation WHERE municipality_id = $1 AND event_id = $2 AND household_id = $3',
    [municipalityId, eventId, householdId],
  );
  return rows.length > 0;
}

export interface StoredAttendance {
  present: boolean;
  adults: number | null;
  children: number | null;
  walkIn: boolean;
  lastTap: string;
  tappedAt: Date;
}

export async function findAttendance(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
): Promise<StoredAttendance | undefined> {
  const [row] = await tx.query<StoredAttendance>(
    `SELECT present, adults, children, walk_in AS "walkIn", last_tap AS "lastTap", tapped_at AS "tappedAt"
     FROM attendance WHERE municipality_id = $1 AND event_id = $2 AND household_id = $3`,
    [municipalityId, eventId, householdId],
  );
  return row && { ...row, tappedAt: new Date(row.tappedAt) };
}

export interface Tap {
  tapId: string;
  householdId: string;
  present: boolean;
  adults: number | null;
  children: number | null;
  walkIn: boolean;
  tappedAt: Date;
}

/**
 * Stores a tap unless a later one is stored already (tapped_at, then the tap id, decide), in one
 * statement so two requests at once cannot both win. A walk-in stays a walk-in. A check-in without
 * numbers keeps the persons counted then (the answer's, else the registry's), so an answer changed
 * afterwards does not change who came. Returns whether the tap was written.
 */
/** The household's answer to this event's invitation, when it said it is coming (or maybe). */
const ANSWERED = `JOIN invitation i ON i.id = an.invitation_id
  WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.household_id = $3 AND an.response IN ('coming', 'maybe')`;

export async function saveTap(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  tap: Tap,
  userId: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO attendance (event_id, household_id, municipality_id, present, adults, children, walk_in,
                             last_tap, tapped_at, checked_by)
     VALUES ($2, $3, $1, $4,
       CASE WHEN $4 THEN coalesce($5::int, (SELECT an.adults FROM answer an ${ANSWERED}),
         (SELECT count(*)::int FROM adult a WHERE a.municipality_id = $1 AND a.household_id = $3)) ELSE $5::int END,
       CASE WHEN $4 THEN coalesce($6::int, (SELECT an.children FROM answer an ${ANSWERED}),
         (SELECT count(*)::int FROM child c WHERE c.municipality_id = $1 AND c.household_id = $3)) ELSE $6::int END,
       $7, $8, $9, $10)
     ON CONFLICT (event_id, household_id) DO UPDATE SET
       present = EXCLUDED.present,
       adults = EXCLUDED.adults,
       children = EXCLUDED.children,
       walk_in = attendance.walk_in OR EXCLUDED.walk_in,
       last_tap = EXCLUDED.last_tap,
       tapped_at = EXCLUDED.tapped_at,
       checked_by = EXCLUDED.checked_by,
       updated_at = now()
     WHERE attendance.last_tap <> EXCLUDED.last_tap
       AND (attendance.tapped_at, attendance.last_tap) < (EXCLUDED.tapped_at, EXCLUDED.last_tap)
     RETURNING 1`,
    [
      municipalityId,
      eventId,
      tap.householdId,
      tap.present,
      tap.adults,
      tap.children,
      tap.walkIn,
      tap.tapId,
      tap.tappedAt,
      userId,
    ],
  );
  return rows.length > 0;
}
