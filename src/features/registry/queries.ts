import type { Queryable } from '../../db/connection.js';
import type { Change, Household, HouseholdKind, Relation } from '../../domain/household.js';

// Every statement names municipality_id; row-level security enforces it again underneath.
// One file because a household is saved as one whole (its row, adults, children, placements and
// history) and these statements only make sense read together.

export interface HouseholdRow extends Household {
  displayName: string;
  version: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT_HOUSEHOLD = `SELECT h.id, h.kind, h.relation, h.external_ref AS "externalRef",
  json_build_object('line', h.address_line, 'postcode', h.postcode, 'place', h.place) AS address,
  h.travel_minutes AS "travelMinutes", h.travel_source AS "travelSource", h.display_name AS "displayName",
  h.version, h.archived_at AS "archivedAt", h.created_at AS "createdAt", h.updated_at AS "updatedAt",
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'firstName', a.first_name, 'lastName', a.last_name,
      'email', a.email, 'mobile', a.mobile, 'preferredLanguage', a.preferred_language,
      'preferredChannels', a.preferred_channels) ORDER BY a.position)
    FROM adult a WHERE a.household_id = h.id), '[]') AS adults,
  COALESCE((SELECT json_agg(json_build_object('id', c.id, 'firstName', c.first_name, 'birthDate', c.birth_date)
      ORDER BY c.birth_date, c.first_name)
    FROM child c WHERE c.household_id = h.id), '[]') AS children,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'childId', p.child_id, 'startDate', p.start_date,
      'endDate', p.end_date, 'endReason', p.end_reason, 'careMunicipality', p.care_municipality)
      ORDER BY p.start_date)
    FROM placement p WHERE p.household_id = h.id), '[]') AS placements
  FROM household h`;

export async function findHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdRow | undefined> {
  const [row] = await tx.query<HouseholdRow>(
    `${SELECT_HOUSEHOLD} WHERE h.municipality_id = $1 AND h.id = $2`,
    [municipalityId, householdId],
  );
  return row;
}

/** The households of these ids, in one statement (an import matches thousands at once); unknown ids are left out. */
export async function findHouseholds(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<HouseholdRow[]> {
  if (householdIds.length === 0) return [];
  return tx.query<HouseholdRow>(
    `${SELECT_HOUSEHOLD} WHERE h.municipality_id = $1 AND h.id = ANY($2::uuid[])`,
    [municipalityId, householdIds],
  );
}

export async function findHouseholdsByRef(
  tx: Queryable,
  municipalityId: number,
  refs: string[],
): Promise<HouseholdRow[]> {
  return tx.query<HouseholdRow>(
    `${SELECT_HOUSEHOLD} WHERE h.municipality_id = $1 AND h.external_ref = ANY($2)`,
    [municipalityId, refs],
  );
}

/**
 * Inserts a household with its members; false when its id exists already (a second click on
 * "save" sends the same client-made id), in which case nothing is written.
 */
export async function insertHousehold(
  tx: Queryable,
  municipalityId: number,
  h: Household,
  derived: { displayName: string; searchText: string },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO household (id, municipality_id, kind, relation, external_ref, address_line, postcode, place,
       travel_minutes, travel_source, display_name, search_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      h.id,
      municipalityId,
      h.kind,
      h.relation,
      h.externalRef,
      h.address.line,
      h.address.postcode,
      h.address.place,
      h.travelMinutes,
      h.travelSource,
      derived.displayName,
      derived.searchText,
    ],
  );
  if (inserted.length === 0) return false;
  await insertMembers(tx, municipalityId, h);
  return true;
}

/**
 * Inserts many new households with their members, four statements in all (the demo's seed writes
 * hundreds at first start). The ids must be new: an id or external reference taken fails the
 * whole statement as a unique violation.
 */
export async function insertHouseholds(
  tx: Queryable,
  municipalityId: number,
  households: { household: Household; displayName: string; searchText: string }[],
): Promise<void> {
  if (households.length === 0) return;
  const rows = (pick: (h: Household) => Record<string, unknown>[]) =>
    JSON.stringify(households.flatMap(({ household }) => pick(household)));
  await tx.query(
    `INSERT INTO household (id, municipality_id, kind, relation, external_ref, address_line, postcode, place,
       travel_minutes, travel_source, display_name, search_text)
     SELECT h.id, $1, h.kind, h.relation, h.external_ref, h.address_line, h.postcode, h.place, h.travel_minutes,
       h.travel_source, h.display_name, h.search_text
     FROM json_to_recordset($2::json) AS h(id uuid, kind text, relation text, external_ref text, address_line text,
       postcode text, place text, travel_minutes int, travel_source text, display_name text, search_text text)`,
    [
      municipalityId,
      JSON.stringify(
        households.map(({ household: h, displayName, searchText }) => ({
          id: h.id,
          kind: h.kind,
          relation: h.relation,
          external_ref: h.externalRef,
          address_line: h.address.line,
          postcode: h.address.postcode,
          place: h.address.place,
          travel_minutes: h.travelMinutes,
          travel_source: h.travelSource,
          display_name: displayName,
          search_text: searchText,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO adult (id, municipality_id, household_id, position, first_name, last_name, email, mobile,
       preferred_language, preferred_channels)
     SELECT a.id, $1, a.household_id, a.position, a.first_name, a.last_name, a.email, a.mobile,
       a.preferred_language, ARRAY(SELECT json_array_elements_text(a.preferred_channels))
     FROM json_to_recordset($2::json) AS a(id uuid, household_id uuid, position int, first_name text,
       last_name text, email text, mobile text, preferred_language text, preferred_channels json)`,
    [
      municipalityId,
      rows((h) =>
        h.adults.map((a, position) => ({
          id: a.id,
          household_id: h.id,
          position,
          first_name: a.firstName,
          last_name: a.lastName,
          email: a.email,
          mobile: a.mobile,
          preferred_language: a.preferredLanguage,
          preferred_channels: a.preferredChannels,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO child (id, municipality_id, household_id, first_name, birth_date)
     SELECT c.id, $1, c.household_id, c.first_name, c.birth_date
     FROM json_to_recordset($2::json) AS c(id uuid, household_id uuid, first_name text, birth_date date)`,
    [
      municipalityId,
      rows((h) =>
        h.children.map((c) => ({
          id: c.id,
          household_id: h.id,
          first_name: c.firstName,
          birth_date: c.birthDate,
        })),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO placement (id, municipality_id, household_id, child_id, start_date, end_date, end_reason,
       care_municipality)
     SELECT p.id, $1, p.household_id, p.child_id, p.start_date, p.end_date, p.end_reason, p.care_municipality
     FROM json_to_recordset($2::json) AS p(id uuid, household_id uuid, child_id uuid, start_date date,
       end_date date, end_reason text, care_municipality text)`,
    [
      municipalityId,
      rows((h) =>
        h.placements.map((p) => ({
          id: p.id,
          household_id: h.id,
          child_id: p.childId,
          start_date: p.startDate,
          end_date: p.endDate,
          end_reason: p.endReason,
          care_municipality: p.careMunicipality,
        })),
      ),
    ],
  );
}

/** Replaces the household's row and members; false when its version is not `version` any more. */
export async function updateHousehold(
  tx: Queryable,
  municipalityId: number,
  h: Household,
  derived: { displayName: string; searchText: string },
  version: number,
): Promise<boolean> {
  const updated = await tx.query(
    `UPDATE household SET kind = $3, relation = $4, external_ref = $5, address_line = $6, postcode = $7,
       place = $8, travel_minutes = $9, travel_source = $10, display_name = $11, search_text = $12,
       version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $13
     RETURNING id`,
    [
      municipalityId,
      h.id,
      h.kind,
      h.relation,
      h.externalRef,
      h.address.line,
      h.address.postcode,
      h.address.place,
      h.travelMinutes,
      h.travelSource,
      derived.displayName,
      derived.searchText,
      version,
    ],
  );
  if (updated.length === 0) return false;
  // An adult or a child who stays keeps its row, and with it what refers to it (signatures,
  // course completions, a child's consent and sibling group); only those taken out of the
  // household go (a child with its placements and consents). Placements likewise.
  await tx.query(
    'DELETE FROM adult WHERE municipality_id = $1 AND household_id = $2 AND NOT (id = ANY($3::uuid[]))',
    [municipalityId, h.id, h.adults.map((a) => a.id)],
  );
  await tx.query(
    'DELETE FROM child WHERE municipality_id = $1 AND household_id = $2 AND NOT (id = ANY($3::uuid[]))',
    [municipalityId, h.id, h.children.map((c) => c.id)],
  );
  await tx.query(
    'DELETE FROM placement WHERE municipality_id = $1 AND household_id = $2 AND NOT (id = ANY($3::uuid[]))',
    [municipalityId, h.id, h.placements.map((p) => p.id)],
  );
  await insertMembers(tx, municipalityId, h);
  return true;
}

async function insertMembers(tx: Queryable, municipalityId: number, h: Household): Promise<void> {
  if (h.adults.length) {
    const adults = JSON.stringify(
      h.adults.map((a, position) => ({
        id: a.id,
        position,
        first_name: a.firstName,
        last_name: a.lastName,
        email: a.email,
        mobile: a.mobile,
        preferred_language: a.preferredLanguage,
        preferred_channels: a.preferredChannels,
      })),
    );
    const recordset = `json_to_recordset($3::json) AS a(id uuid, position int, first_name text, last_name text,
      email text, mobile text, preferred_language text, preferred_channels json)`;
    // The household's adults who stay are updated in place; the new ones are inserted.
    await tx.query(
      `UPDATE adult SET position = a.position, first_name = a.first_name, last_name = a.last_name,
         email = a.email, mobile = a.mobile, preferred_language = a.preferred_language,
         preferred_channels = ARRAY(SELECT json_array_elements_text(a.preferred_channels))
       FROM ${recordset}
       WHERE adult.municipality_id = $1 AND adult.household_id = $2 AND adult.id = a.id`,
      [municipalityId, h.id, adults],
    );
    await tx.query(
      `INSERT INTO adult (id, municipality_id, household_id, position, first_name, last_name, email, mobile,
         preferred_language, preferred_channels)
       SELECT a.id, $1, $2, a.position, a.first_name, a.last_name, a.email, a.mobile, a.preferred_language,
         ARRAY(SELECT json_array_elements_text(a.preferred_channels))
       FROM ${recordset}
       WHERE NOT EXISTS (SELECT 1 FROM adult x WHERE x.municipality_id = $1 AND x.household_id = $2 AND x.id = a.id)`,
      [municipalityId, h.id, adults],
    );
  }
  if (h.children.length) {
    const children = JSON.stringify(
      h.children.map((c) => ({ id: c.id, first_name: c.firstName, birth_date: c.birthDate })),
    );
    const recordset = 'json_to_recordset($3::json) AS c(id uuid, first_name text, birth_date date)';
    await tx.query(
      `UPDATE child SET first_name = c.first_name, birth_date = c.birth_date
       FROM ${recordset}
       WHERE child.municipality_id = $1 AND child.household_id = $2 AND child.id = c.id`,
      [municipalityId, h.id, children],
    );
    await tx.query(
      `INSERT INTO child (id, municipality_id, household_id, first_name, birth_date)
       SELECT c.id, $1, $2, c.first_name, c.birth_date
       FROM ${recordset}
       WHERE NOT EXISTS (SELECT 1 FROM child x WHERE x.municipality_id = $1 AND x.household_id = $2 AND x.id = c.id)`,
      [municipalityId, h.id, children],
    );
  }
  if (h.placements.length) {
    const placements = JSON.stringify(
      h.placements.map((p) => ({
        id: p.id,
        child_id: p.childId,
        start_date: p.startDate,
        end_date: p.endDate,
        end_reason: p.endReason,
        care_municipality: p.careMunicipality,
      })),
    );
    const recordset = `json_to_recordset($3::json) AS p(id uuid, child_id uuid, start_date date, end_date date,
      end_reason text, care_municipality text)`;
    await tx.query(
      `UPDATE placement SET child_id = p.child_id, start_date = p.start_date, end_date = p.end_date,
         end_reason = p.end_reason, care_municipality = p.care_municipality
       FROM ${recordset}
       WHERE placement.municipality_id = $1 AND placement.household_id = $2 AND placement.id = p.id`,
      [municipalityId, h.id, placements],
    );
    await tx.query(
      `INSERT INTO placement (id, municipality_id, household_id, child_id, start_date, end_date, end_reason,
         care_municipality)
       SELECT p.id, $1, $2, p.child_id, p.start_date, p.end_date, p.end_reason, p.care_municipality
       FROM ${recordset}
       WHERE NOT EXISTS (SELECT 1 FROM placement x WHERE x.municipality_id = $1 AND x.household_id = $2 AND x.id = p.id)`,
      [municipalityId, h.id, placements],
    );
  }
}

export async function setArchived(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  archived: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE household SET archived_at = CASE WHEN $3 THEN now() ELSE NULL END, version = version + 1,
       updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND (archived_at IS NULL) = $3
     RETURNING id`,
    [municipalityId, householdId, archived],
  );
  return rows.length > 0;
}

export async function insertHistory(
  tx: Queryable,
  entry: {
    municipalityId: number;
    householdId: string;
    actorUserId: string | null;
    action: string;
    changes: Change[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO household_history (municipality_id, household_id, actor_user_id, action, changes)
     VALUES ($1, $2, $3, $4, $5)`,
    [entry.municipalityId, entry.householdId, entry.actorUserId, entry.action, JSON.stringify(entry.changes)],
  );
}

/** History entries of many households by one actor and action, one statement, in the order given. */
export async function insertHistories(
  tx: Queryable,
  entries: { municipalityId: number; actorUserId: string | null; action: string },
  changes: { householdId: string; changes: Change[] }[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO household_history (municipality_id, household_id, actor_user_id, action, changes)
     SELECT $1, e.household_id, $2, $3, e.changes
     FROM json_to_recordset($4::json) AS e(household_id uuid, changes jsonb)`,
    [
      entries.municipalityId,
      entries.actorUserId,
      entries.action,
      JSON.stringify(changes.map((c) => ({ household_id: c.householdId, changes: c.changes }))),
    ],
  );
}

export interface HistoryRow {
  at: Date;
  actorName: string | null;
  action: string;
  changes: Change[];
}

export function listHistory(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HistoryRow[]> {
  return tx.query<HistoryRow>(
    `SELECT hh.at, u.first_name || ' ' || u.last_name AS "actorName", hh.action, hh.changes
     FROM household_history hh LEFT JOIN app_user u ON u.id = hh.actor_user_id
     WHERE hh.municipality_id = $1 AND hh.household_id = $2
     ORDER BY hh.at DESC, hh.id DESC`,
    [municipalityId, householdId],
  );
}

export interface HouseholdFilter {
  q?: string;
  kind?: string[];
  relation?: string;
  language?: string;
  maxTravel?: number;
  /** Only households never checked in as present at any café evening. */
  neverAttended?: boolean;
  archived: 'false' | 'true' | 'all';
}

export interface HouseholdSummaryRow {
  id: string;
  name: string;
  kind: HouseholdKind;
  relation: Relation;
  travelMinutes: number | null;
  postcode: string | null;
  place: string | null;
  languages: string[];
  childrenCount: number;
  archived: boolean;
  updatedAt: Date;
}

const SORTS = {
  name: 'h.display_name',
  kind: 'h.kind',
  travel: 'h.travel_minutes',
  updated: 'h.updated_at',
} as const;
export type HouseholdSort = keyof typeof SORTS;

export async function listHouseholds(
  tx: Queryable,
  municipalityId: number,
  filter: HouseholdFilter,
  order: { sort: HouseholdSort; dir: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: HouseholdSummaryRow[] }> {
  const params: unknown[] = [municipalityId];
  const where = ['h.municipality_id = $1'];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.archived === 'false') where.push('h.archived_at IS NULL');
  if (filter.archived === 'true') where.push('h.archived_at IS NOT NULL');
  // Each word must match somewhere, so "kari asker" finds Kari in Asker.
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    add(
      (p) => `h.search_text LIKE '%' || ${p} || '%'`,
      word.replace(/[\\%_]/g, (c) => `\\${c}`),
    );
  }
  if (filter.kind?.length) add((p) => `h.kind = ANY(${p})`, filter.kind);
  if (filter.relation) add((p) => `h.relation = ${p}`, filter.relation);
  if (filter.maxTravel !== undefined) add((p) => `h.travel_minutes <= ${p}`, filter.maxTravel);
  if (filter.language) {
    add(
      (p) => `EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.preferred_language = ${p})`,
      filter.language,
    );
  }
  if (filter.neverAttended) {
    // Attendance is by household: present means its adults were checked in at that evening.
    where.push(
      'NOT EXISTS (SELECT 1 FROM attendance at WHERE at.municipality_id = h.municipality_id AND at.household_id = h.id AND at.present)',
    );
  }
  const whereSql = where.join(' AND ');
  const [count] = await tx.query<{ total: number }>(
    `SELECT count(*) AS total FROM household h WHERE ${whereSql}`,
    params,
  );
  const direction = order.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = await tx.query<HouseholdSummaryRow>(
    `SELECT h.id, h.display_name AS name, h.kind, h.relation, h.travel_minutes AS "travelMinutes", h.postcode,
       h.place, h.archived_at IS NOT NULL AS archived, h.updated_at AS "updatedAt",
       ARRAY(SELECT DISTINCT a.preferred_language FROM adult a WHERE a.household_id = h.id) AS languages,
       (SELECT count(*) FROM child c WHERE c.household_id = h.id) AS "childrenCount"
     FROM household h WHERE ${whereSql}
     ORDER BY ${SORTS[order.sort]} ${direction} NULLS LAST, h.display_name, h.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total: count?.total ?? 0, rows };
}

export async function lookupPlaces(tx: Queryable, postcodes: string[]): Promise<Map<string, string>> {
  if (postcodes.length === 0) return new Map();
  const rows = await tx.query<{ postcode: string; place: string }>(
    'SELECT postcode, place FROM postcode WHERE postcode = ANY($1)',
    [postcodes],
  );
  return new Map(rows.map((r) => [r.postcode, r.place]));
}

export async function lookupTravelMinutes(
  tx: Queryable,
  municipalityId: number,
  postcodes: string[],
): Promise<Map<string, number>> {
  if (postcodes.length === 0) return new Map();
  const rows = await tx.query<{ postcode: string; minutes: number }>(
    'SELECT postcode, minutes FROM travel_time WHERE municipality_id = $1 AND postcode = ANY($2)',
    [municipalityId, postcodes],
  );
  return new Map(rows.map((r) => [r.postcode, r.minutes]));
}

export async function countPostcodes(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM postcode');
  return row?.n ?? 0;
}

/** Replaces the whole postcode table (runs as landsby_system: it is the installation's, not a tenant's). */
export async function replacePostcodes(tx: Queryable, entries: [string, string][]): Promise<void> {
  await tx.query('DELETE FROM postcode');
  await tx.query('INSERT INTO postcode (postcode, place) SELECT * FROM unnest($1::text[], $2::text[])', [
    entries.map((e) => e[0]),
    entries.map((e) => e[1]),
  ]);
}
