import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';

/** The households as messages need them: how they can be reached, names and addresses, the team's choice of channel. */

export async function setHouseholdChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
  channel: ChannelName | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, channel) VALUES ($2, $3, $1, $4)
     ON CONFLICT (event_id, household_id) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
    [municipalityId, eventId, householdId, channel],
  );
}

export interface ReachRow {
  id: string;
  name: string;
  preferred: ChannelName[];
  languages: string[];
  hasEmail: boolean;
  hasMobile: boolean;
  hasAddress: boolean;
  /** The team's choice of channel for this household and event. */
  choice: ChannelName | null;
  /** The channels the municipality uses (sender_setting); null: all four. */
  offered: ChannelName[] | null;
}

/** For each household: its adults' channel preferences and languages, and which contact data it has. */
export function reachability(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
): Promise<ReachRow[]> {
  return tx.query<ReachRow>(
    `SELECT h.id, h.display_name AS name,
       COALESCE((SELECT array_agg(c.channel ORDER BY a.position, c.n) FROM adult a,
         unnest(a.preferred_channels) WITH ORDINALITY AS c(channel, n) WHERE a.household_id = h.id), '{}') AS preferred,
       COALESCE((SELECT array_agg(a.preferred_language ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '{}') AS languages,
       EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.email IS NOT NULL) AS "hasEmail",
       EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.mobile IS NOT NULL) AS "hasMobile",
       (h.address_line IS NOT NULL AND h.postcode IS NOT NULL AND h.place IS NOT NULL) AS "hasAddress",
       i.channel AS choice,
       (SELECT s.channels FROM sender_setting s WHERE s.municipality_id = h.municipality_id) AS offered
     FROM household h
     LEFT JOIN event_invitee i ON i.event_id = $2 AND i.household_id = h.id AND i.municipality_id = h.municipality_id
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId, eventId, householdIds],
  );
}

export interface MessageHouseholdRow {
  householdId: string;
  adults: { firstName: string; lastName: string; email: string | null; mobile: string | null }[];
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  languages: string[];
  note: string | null;
}

/** What the messages of the given households need: names, contact data, address, the personal note. */
export function householdsForMessages(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
): Promise<MessageHouseholdRow[]> {
  return tx.query<MessageHouseholdRow>(
    `SELECT h.id AS "householdId", h.address_line AS "addressLine", h.postcode, h.place,
       COALESCE((SELECT json_agg(json_build_object('firstName', a.first_name, 'lastName', a.last_name,
         'email', a.email, 'mobile', a.mobile) ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '[]') AS adults,
       COALESCE((SELECT array_agg(a.preferred_language ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '{}') AS languages,
       i.note
     FROM household h
     LEFT JOIN event_invitee i ON i.event_id = $2 AND i.household_id = h.id AND i.municipality_id = h.municipality_id
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])`,
    [municipalityId, eventId, householdIds],
  );
}

/** Of these households, those that have never been checked in at any event. */
export async function firstTimers(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT h.id FROM unnest($2::uuid[]) AS h(id)
     WHERE NOT EXISTS (SELECT 1 FROM attendance t WHERE t.municipality_id = $1 AND t.household_id = h.id AND t.present)`,
    [municipalityId, householdIds],
  );
  return new Set(rows.map((r) => r.id));
}
