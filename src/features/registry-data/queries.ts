import type { Queryable } from '../../db/connection.js';
import type { Channel } from '../../domain/household.js';

// Every statement on tenant data names municipality_id; row-level security enforces it again.

export interface ExportRow {
  id: string;
  name: string;
  kind: string;
  relation: string;
  externalRef: string | null;
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  travelMinutes: number | null;
  childrenCount: number;
  adults: {
    firstName: string;
    lastName: string;
    email: string | null;
    mobile: string | null;
    preferredLanguage: string;
    preferredChannels: Channel[];
  }[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of the list export for the households the list query found, in no particular order. */
export function exportRows(tx: Queryable, municipalityId: number, ids: string[]): Promise<ExportRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.query<ExportRow>(
    `SELECT h.id, h.display_name AS name, h.kind, h.relation, h.external_ref AS "externalRef",
       h.address_line AS "addressLine", h.postcode, h.place, h.travel_minutes AS "travelMinutes",
       (SELECT count(*) FROM child c WHERE c.household_id = h.id) AS "childrenCount",
       COALESCE((SELECT json_agg(json_build_object('firstName', a.first_name, 'lastName', a.last_name,
           'email', a.email, 'mobile', a.mobile, 'preferredLanguage', a.preferred_language,
           'preferredChannels', a.preferred_channels) ORDER BY a.position)
         FROM adult a WHERE a.household_id = h.id), '[]') AS adults,
       h.archived_at AS "archivedAt", h.created_at AS "createdAt", h.updated_at AS "updatedAt"
     FROM household h WHERE h.municipality_id = $1 AND h.id = ANY($2::uuid[])`,
    [municipalityId, ids],
  );
}

/** One 'export' entry per household in a file, one statement. */
export async function insertAuditExports(
  tx: Queryable,
  entry: {
    municipalityId: number;
    actorUserId: string | null;
    ip: string | null;
    householdIds: string[];
    details: Record<string, unknown>;
  },
): Promise<void> {
  if (entry.householdIds.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id, ip, details)
     SELECT $1, $2, 'export', 'household', h, h, $3, $4 FROM unnest($5::text[]) AS h`,
    [entry.municipalityId, entry.actorUserId, entry.ip, JSON.stringify(entry.details), entry.householdIds],
  );
}

export async function municipalityOf(
  tx: Queryable,
  municipalityId: number,
): Promise<{ name: string; number: string }> {
  const [row] = await tx.query<{ name: string; number: string }>(
    'SELECT name, number FROM municipality WHERE id = $1',
    [municipalityId],
  );
  return row ?? { name: '', number: '' };
}

export interface AccessRow {
  at: Date;
  actorName: string | null;
  action: string;
  recordType: string;
  fields: string[] | null;
  via: string | null;
}

/**
 * Who read, exported or changed the household or one of its people, oldest first. Only the
 * names of fields from the entries' details, never other details (a search filter, an address).
 */
export function accessLog(tx: Queryable, municipalityId: number, personIds: string[]): Promise<AccessRow[]> {
  return tx.query<AccessRow>(
    `SELECT a.at, u.first_name || ' ' || u.last_name AS "actorName", a.action, a.record_type AS "recordType",
       CASE WHEN jsonb_typeof(a.details -> 'fields') = 'array'
         THEN ARRAY(SELECT jsonb_array_elements_text(a.details -> 'fields')) END AS fields,
       a.details ->> 'via' AS via
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
     WHERE a.municipality_id = $1 AND (a.subject_id = ANY($2::text[]) OR a.record_id = ANY($2::text[]))
     ORDER BY a.at, a.id`,
    [municipalityId, personIds],
  );
}

// Erasure ------------------------------------------------------------------------------------------

export interface ErasableRow {
  id: string;
  kind: string;
  relation: string;
  createdAt: Date;
  archivedAt: Date | null;
  adults: number;
  children: number;
  placements: number;
  openPlacements: number;
  historyEntries: number;
  /** Networks whose resource family the household is: they name it, so it cannot go before them. */
  networks: number;
}

/** The household with what it holds, locked until the transaction ends (two erasures queue up). */
export async function lockHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<ErasableRow | undefined> {
  const [row] = await tx.query<ErasableRow>(
    `SELECT h.id, h.kind, h.relation, h.created_at AS "createdAt", h.archived_at AS "archivedAt",
       (SELECT count(*) FROM adult a WHERE a.household_id = h.id) AS adults,
       (SELECT count(*) FROM child c WHERE c.household_id = h.id) AS children,
       (SELECT count(*) FROM placement p WHERE p.household_id = h.id) AS placements,
       (SELECT count(*) FROM placement p WHERE p.household_id = h.id AND p.end_date IS NULL) AS "openPlacements",
       (SELECT count(*) FROM household_history hh WHERE hh.household_id = h.id) AS "historyEntries",
       (SELECT count(*) FROM network n WHERE n.resource_family_household_id = h.id) AS networks
     FROM household h WHERE h.municipality_id = $1 AND h.id = $2
     FOR UPDATE OF h`,
    [municipalityId, householdId],
  );
  return row;
}

export interface ErasureRow {
  householdId: string;
  erasedAt: Date;
  removed: { adults: number; children: number; placements: number; historyEntries: number };
  keptPlacements: number;
}

export async function findErasure(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<ErasureRow | undefined> {
  const [row] = await tx.query<ErasureRow>(
    `SELECT e.household_id AS "householdId", e.erased_at AS "erasedAt", e.removed,
       (SELECT count(*) FROM erased_placement p WHERE p.household_id = e.household_id) AS "keptPlacements"
     FROM household_erasure e WHERE e.municipality_id = $1 AND e.household_id = $2`,
    [municipalityId, householdId],
  );
  return row;
}

/**
 * Records the erasure, copies the placements as facts without personal data (the child's birth
 * year, no name, no birth date), removes the free text of its answers, and deletes the household:
 * adults, children, placements and history go with it (ON DELETE CASCADE).
 */
export async function eraseHousehold(
  tx: Queryable,
  municipalityId: number,
  household: ErasableRow,
  erasedBy: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO household_erasure (household_id, municipality_id, kind, relation, created_at, archived_at,
       erased_by, removed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      household.id,
      municipalityId,
      household.kind,
      household.relation,
      household.createdAt,
      household.archivedAt,
      erasedBy,
      JSON.stringify({
        adults: household.adults,
        children: household.children,
        placements: household.placements,
        historyEntries: household.historyEntries,
      }),
    ],
  );
  await tx.query(
    `INSERT INTO erased_placement (id, municipality_id, household_id, child_key, child_birth_year, start_date,
       end_date, end_reason, care_municipality)
     SELECT p.id, p.municipality_id, p.household_id, p.child_id, extract(year FROM c.birth_date)::int,
       p.start_date, p.end_date, p.end_reason, p.care_municipality
     FROM placement p JOIN child c ON c.id = p.child_id
     WHERE p.municipality_id = $1 AND p.household_id = $2`,
    [municipalityId, household.id],
  );
  // Answers outlive the household (household_id is set null, the event's counts keep them), but
  // what the household wrote in its own words goes: the comment and the diet note.
  await tx.query(
    'UPDATE answer SET comment = NULL, diet_note = NULL WHERE municipality_id = $1 AND household_id = $2',
    [municipalityId, household.id],
  );
  await tx.query('DELETE FROM household WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    household.id,
  ]);
}

// Travel-time table --------------------------------------------------------------------------------

export function listTravelTimes(
  tx: Queryable,
  municipalityId: number,
): Promise<{ postcode: string; place: string | null; minutes: number }[]> {
  return tx.query(
    `SELECT t.postcode, p.place, t.minutes
     FROM travel_time t LEFT JOIN postcode p ON p.postcode = t.postcode
     WHERE t.municipality_id = $1 ORDER BY t.postcode`,
    [municipalityId],
  );
}

export async function replaceTravelTimes(
  tx: Queryable,
  municipalityId: number,
  entries: { postcode: string; minutes: number }[],
): Promise<void> {
  await tx.query('DELETE FROM travel_time WHERE municipality_id = $1', [municipalityId]);
  await tx.query(
    `INSERT INTO travel_time (municipality_id, postcode, minutes)
     SELECT $1, t.postcode, t.minutes FROM unnest($2::text[], $3::int[]) AS t(postcode, minutes)`,
    [municipalityId, entries.map((e) => e.postcode), entries.map((e) => e.minutes)],
  );
}

/**
 * Households whose travel time follows the table (looked up from it, or left to it and not
 * found there then) and differs from what the table says now, with the table's new value.
 */
export function householdsOffTable(
  tx: Queryable,
  municipalityId: number,
): Promise<{ id: string; minutes: number | null }[]> {
  return tx.query(
    `SELECT h.id, t.minutes
     FROM household h LEFT JOIN travel_time t ON t.municipality_id = h.municipality_id AND t.postcode = h.postcode
     WHERE h.municipality_id = $1 AND h.postcode IS NOT NULL
       AND (h.travel_source = 'postcode_table' OR h.travel_source IS NULL)
       AND h.travel_minutes IS DISTINCT FROM t.minutes
     ORDER BY h.id`,
    [municipalityId],
  );
}

export async function countHouseholds(tx: Queryable, municipalityId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*) AS n FROM household WHERE municipality_id = $1',
    [municipalityId],
  );
  return row?.n ?? 0;
}

// Postcodes (the installation's, read as landsby_system) ---------------------------------------------

export function allPostcodes(tx: Queryable): Promise<{ postcode: string; place: string }[]> {
  return tx.query('SELECT postcode, place FROM postcode');
}
