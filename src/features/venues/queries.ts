import type { Queryable } from '../../db/connection.js';

// Every statement names municipality_id; row-level security enforces it again underneath.
// Dates are read as text ('YYYY-MM-DD'), so no driver turns them into instants in its own zone.

/** A venue's own facts, without what its cafés say: what an invitation, an answer page or a season plan needs. */
export interface VenueFacts extends VenueData {
  id: string;
  archived: boolean;
  version: number;
}

/**
 * A venue with what its cafés say about it: the cafés held there up to `today` (not cancelled),
 * the last of them, and the households checked in per café, on average over the cafés held there
 * that had a check-in (a café nobody was checked in at tells nothing about the venue).
 * Only the venues page reads these; other features read `VenueFacts`.
 */
export interface VenueRow extends VenueFacts {
  eventsHeld: number;
  lastUsed: string | null;
  averageAttendance: number | null;
}

export interface VenueData {
  name: string;
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  capacity: number | null;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
  notes: string | null;
}

const VENUE_COLUMNS = `v.id, v.name, v.address_line AS "addressLine", v.postcode, v.place, v.capacity,
  v.kitchen, v.parking, v.step_free AS "stepFree", v.notes, v.archived_at IS NOT NULL AS archived, v.version`;

const SELECT_VENUE_FACTS = `SELECT ${VENUE_COLUMNS} FROM venue v`;

const SELECT_VENUE = `SELECT ${VENUE_COLUMNS},
  (SELECT count(*) FROM event e WHERE e.venue_id = v.id AND e.status = 'planned' AND e.date <= $2::date)
    AS "eventsHeld",
  (SELECT max(e.date)::text FROM event e WHERE e.venue_id = v.id AND e.status = 'planned' AND e.date <= $2::date)
    AS "lastUsed",
  (SELECT round(avg(held.households), 1)::float8 FROM (
     SELECT count(*) AS households FROM event e
     JOIN attendance t ON t.event_id = e.id AND t.municipality_id = e.municipality_id AND t.present
     WHERE e.venue_id = v.id AND e.status = 'planned' AND e.date <= $2::date
     GROUP BY e.id) held) AS "averageAttendance"
  FROM venue v`;

type ArchivedFilter = 'false' | 'true' | 'all';

const archivedFilter = (archived: ArchivedFilter) =>
  archived === 'all' ? '' : `AND (v.archived_at IS NOT NULL) = ${archived === 'true'}`;

const VENUE_ORDER = 'ORDER BY lower(v.name), v.created_at';

export function listVenues(
  tx: Queryable,
  municipalityId: number,
  today: string,
  archived: ArchivedFilter,
): Promise<VenueRow[]> {
  return tx.query<VenueRow>(
    `${SELECT_VENUE} WHERE v.municipality_id = $1 ${archivedFilter(archived)} ${VENUE_ORDER}`,
    [municipalityId, today],
  );
}

export async function findVenue(
  tx: Queryable,
  municipalityId: number,
  venueId: string,
  today: string,
): Promise<VenueRow | undefined> {
  const [row] = await tx.query<VenueRow>(`${SELECT_VENUE} WHERE v.municipality_id = $1 AND v.id = $3`, [
    municipalityId,
    today,
    venueId,
  ]);
  return row;
}

export function listVenueFacts(
  tx: Queryable,
  municipalityId: number,
  archived: ArchivedFilter,
): Promise<VenueFacts[]> {
  return tx.query<VenueFacts>(
    `${SELECT_VENUE_FACTS} WHERE v.municipality_id = $1 ${archivedFilter(archived)} ${VENUE_ORDER}`,
    [municipalityId],
  );
}

export async function findVenueFacts(
  tx: Queryable,
  municipalityId: number,
  venueId: string,
): Promise<VenueFacts | undefined> {
  const [row] = await tx.query<VenueFacts>(
    `${SELECT_VENUE_FACTS} WHERE v.municipality_id = $1 AND v.id = $2`,
    [municipalityId, venueId],
  );
  return row;
}

export async function insertVenue(tx: Queryable, municipalityId: number, v: VenueData): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO venue (municipality_id, name, address_line, postcode, place, capacity, kitchen, parking,
       step_free, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      municipalityId,
      v.name,
      v.addressLine,
      v.postcode,
      v.place,
      v.capacity,
      v.kitchen,
      v.parking,
      v.stepFree,
      v.notes,
    ],
  );
  return (row as { id: string }).id;
}

/** false when the venue's version is not `version` any more */
export async function updateVenue(
  tx: Queryable,
  municipalityId: number,
  venueId: string,
  v: VenueData,
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE venue SET name = $3, address_line = $4, postcode = $5, place = $6, capacity = $7, kitchen = $8,
       parking = $9, step_free = $10, notes = $11, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $12 RETURNING id`,
    [
      municipalityId,
      venueId,
      v.name,
      v.addressLine,
      v.postcode,
      v.place,
      v.capacity,
      v.kitchen,
      v.parking,
      v.stepFree,
      v.notes,
      version,
    ],
  );
  return rows.length > 0;
}

/** false when it was archived already */
export async function archiveVenue(tx: Queryable, municipalityId: number, venueId: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE venue SET archived_at = now(), version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND archived_at IS NULL RETURNING id`,
    [municipalityId, venueId],
  );
  return rows.length > 0;
}

export async function venueIdsExisting(
  tx: Queryable,
  municipalityId: number,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM venue WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** Past and planned cafés per venue, for rotating them. */
export function venueUses(
  tx: Queryable,
  municipalityId: number,
): Promise<{ venueId: string; date: string }[]> {
  return tx.query(
    `SELECT venue_id AS "venueId", date::text AS date FROM event
     WHERE municipality_id = $1 AND venue_id IS NOT NULL AND status = 'planned'`,
    [municipalityId],
  );
}
