import type { Queryable } from '../../db/connection.js';
import type { AudienceRule } from '../../domain/audience.js';
import type { HouseholdKind, Relation } from '../../domain/household.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

/** Saves the event's own audience rule; it is read back with the event (events/ EventRow.audienceRule). */
export async function setAudienceRule(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  rule: AudienceRule,
): Promise<void> {
  await tx.query(
    'UPDATE event SET audience_rule = $3::jsonb, updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId, JSON.stringify(rule)],
  );
}

export interface AudienceHouseholdRow {
  id: string;
  name: string;
  kind: HouseholdKind;
  relation: Relation;
  travelMinutes: number | null;
  archived: boolean;
  languages: string[];
}

/** Every household of the municipality that is not archived, with its adults' languages. */
export function audienceHouseholds(tx: Queryable, municipalityId: number): Promise<AudienceHouseholdRow[]> {
  return tx.query<AudienceHouseholdRow>(
    `SELECT h.id, h.display_name AS name, h.kind, h.relation, h.travel_minutes AS "travelMinutes",
       false AS archived,
       COALESCE((SELECT json_agg(DISTINCT a.preferred_language) FROM adult a WHERE a.household_id = h.id), '[]')
         AS languages
     FROM household h WHERE h.municipality_id = $1 AND h.archived_at IS NULL
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId],
  );
}

/**
 * A network's gathering: the households that are members of its network today (this municipality's
 * own); undefined for an event of no network.
 */
export async function gatheringMembers(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<Set<string> | undefined> {
  const [row] = await tx.query<{ members: string[] | null }>(
    `SELECT (SELECT array_agg(m.household_id) FROM network_member m
             WHERE m.municipality_id = e.municipality_id AND m.network_id = e.network_id
               AND m.joined_on IS NOT NULL AND m.left_on IS NULL) AS members
     FROM event e WHERE e.municipality_id = $1 AND e.id = $2 AND e.network_id IS NOT NULL`,
    [municipalityId, eventId],
  );
  return row ? new Set(row.members ?? []) : undefined;
}

export async function householdIsActive(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM household WHERE municipality_id = $1 AND id = $2 AND archived_at IS NULL',
    [municipalityId, householdId],
  );
  return rows.length > 0;
}

export function listInvitees(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ householdId: string; included: boolean | null; note: string | null }[]> {
  return tx.query(
    `SELECT household_id AS "householdId", included, note FROM event_invitee
     WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
}

export async function setInviteeIncluded(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
  included: boolean,
): Promise<void> {
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, included) VALUES ($2, $3, $1, $4)
     ON CONFLICT (event_id, household_id) DO UPDATE SET included = EXCLUDED.included, updated_at = now()`,
    [municipalityId, eventId, householdId, included],
  );
}

export async function setInviteeNote(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
  note: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, note) VALUES ($2, $3, $1, $4)
     ON CONFLICT (event_id, household_id) DO UPDATE SET note = EXCLUDED.note, updated_at = now()`,
    [municipalityId, eventId, householdId, note],
  );
}
