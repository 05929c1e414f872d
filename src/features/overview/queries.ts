import type { Queryable } from '../../db/connection.js';
import type { Diet } from '../../domain/answer.js';
import type { Channel } from '../../domain/household.js';

export interface OverviewRow {
  invitationId: string;
  id: string;
  name: string;
  /** The channel of the household's invitation message (its latest one). */
  channel: Channel;
  response: 'coming' | 'not_coming' | 'maybe' | null;
  adults: number | null;
  children: number | null;
  diet: Diet[] | null;
  dietNote: string | null;
  comment: string | null;
  /** Never checked in at any other event. */
  firstTime: boolean;
  answeredBy: 'household' | 'team' | null;
}

/** Every household invited to the event (it has an invitation), with its answer, sorted by name. */
export function overviewRows(tx: Queryable, municipalityId: number, eventId: string): Promise<OverviewRow[]> {
  return tx.query<OverviewRow>(
    `SELECT i.id AS "invitationId", h.id, h.display_name AS name,
       (SELECT m.channel FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id
          AND m.purpose = 'invitation' ORDER BY m.created_at DESC, m.id LIMIT 1) AS channel,
       a.response, a.adults, a.children, a.diet, a.diet_note AS "dietNote", a.comment,
       a.answered_by AS "answeredBy",
       NOT EXISTS (SELECT 1 FROM attendance t WHERE t.municipality_id = $1 AND t.household_id = h.id
         AND t.present AND t.event_id <> $2) AS "firstTime"
     FROM invitation i
     JOIN household h ON h.id = i.household_id AND h.municipality_id = i.municipality_id
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.event_id = $2
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId, eventId],
  );
}

export interface OverviewEvent {
  reminders: number[];
  capacity: number | null;
  food: boolean;
}

/** What the overview shows of the event itself: its capacity, whether food is served, the reminder schedule. */
export async function findOverviewEvent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<OverviewEvent | undefined> {
  const [row] = await tx.query<OverviewEvent>(
    'SELECT reminders, capacity, food FROM event WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId],
  );
  return row;
}

/** The reminders already queued or sent for the event: per purpose, how many households and when first. */
export function remindersSent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ purpose: string; households: number; at: Date }[]> {
  return tx.query(
    `SELECT purpose, count(DISTINCT invitation_id)::int AS households, min(created_at) AS at FROM message
     WHERE municipality_id = $1 AND event_id = $2 AND purpose LIKE 'reminder:%'
     GROUP BY purpose ORDER BY min(created_at), purpose`,
    [municipalityId, eventId],
  );
}

/** The invitation of a household to the event, if it has one. */
export async function invitationOf(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM invitation WHERE municipality_id = $1 AND event_id = $2 AND household_id = $3',
    [municipalityId, eventId, householdId],
  );
  return row?.id;
}
