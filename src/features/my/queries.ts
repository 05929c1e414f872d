import type { Queryable } from '../../db/connection.js';
import type { Response } from '../../domain/answer.js';
import type { Registration } from '../../domain/event.js';

export interface MyHousehold {
  id: string;
  firstNames: string[];
}

/**
 * The households of the municipality that have an adult with this e-mail address (compared in
 * lower case), not archived. This is the only link between a login and the registry: the registry
 * holds no national identity numbers, so an ID-porten login is linked through its e-mail too.
 */
export function householdsByEmail(
  tx: Queryable,
  municipalityId: number,
  email: string,
): Promise<MyHousehold[]> {
  return tx.query<MyHousehold>(
    `SELECT h.id,
       ARRAY(SELECT a.first_name FROM adult a WHERE a.household_id = h.id AND a.municipality_id = h.municipality_id
         ORDER BY a.position) AS "firstNames"
     FROM household h
     WHERE h.municipality_id = $1 AND h.archived_at IS NULL
       AND EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.municipality_id = h.municipality_id
         AND lower(a.email) = lower($2))
     ORDER BY h.created_at, h.id`,
    [municipalityId, email],
  );
}

export interface MyEventRow {
  invitationId: string;
  householdId: string;
  eventId: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: { name: string; addressLine: string | null; postcode: string | null; place: string | null } | null;
  programme: { kind: string; title: string; minutes: number | null; speaker: string | null }[];
  hosts: string[];
  registration: Registration;
  deadline: string | null;
  startsAt: Date | string;
  response: Response | null;
  adults: number | null;
  children: number | null;
  diet: string[] | null;
  dietNote: string | null;
  comment: string | null;
}

const SELECT_MY_EVENTS = `SELECT i.id AS "invitationId", i.household_id AS "householdId", e.id AS "eventId",
    e.title, e.date::text AS date, e.start_time AS "startTime", e.end_time AS "endTime",
    CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('name', v.name, 'addressLine', v.address_line,
      'postcode', v.postcode, 'place', v.place) END AS venue,
    e.programme,
    COALESCE((SELECT json_agg(u.first_name ORDER BY eh.position) FROM event_host eh
      JOIN app_user u ON u.id = eh.user_id
      WHERE eh.event_id = e.id AND eh.municipality_id = e.municipality_id), '[]') AS hosts,
    e.registration, e.deadline::text AS deadline,
    e.starts_at AS "startsAt",
    a.response, a.adults, a.children, a.diet, a.diet_note AS "dietNote", a.comment
  FROM invitation i
  JOIN event e ON e.id = i.event_id AND e.municipality_id = i.municipality_id
  LEFT JOIN venue v ON v.id = e.venue_id AND v.municipality_id = e.municipality_id
  LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id`;

/** The invitations of these households to events that are neither cancelled nor over, soonest first. */
export function upcomingInvitations(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<MyEventRow[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return tx.query<MyEventRow>(
    `${SELECT_MY_EVENTS}
     WHERE i.municipality_id = $1 AND i.household_id = ANY($2::uuid[])
       AND e.status = 'planned' AND e.ends_at > now()
     ORDER BY e.starts_at, e.id, i.household_id`,
    [municipalityId, householdIds],
  );
}

/** One invitation of these households to the event (any of them), upcoming or not. */
export function invitationsTo(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
): Promise<{ invitationId: string; householdId: string }[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return tx.query<{ invitationId: string; householdId: string }>(
    `SELECT id AS "invitationId", household_id AS "householdId" FROM invitation
     WHERE municipality_id = $1 AND event_id = $2 AND household_id = ANY($3::uuid[])
     ORDER BY household_id`,
    [municipalityId, eventId, householdIds],
  );
}

/** One card again, after a change. */
export async function invitationCard(
  tx: Queryable,
  municipalityId: number,
  invitationId: string,
): Promise<MyEventRow | undefined> {
  const [row] = await tx.query<MyEventRow>(`${SELECT_MY_EVENTS} WHERE i.municipality_id = $1 AND i.id = $2`, [
    municipalityId,
    invitationId,
  ]);
  return row;
}
