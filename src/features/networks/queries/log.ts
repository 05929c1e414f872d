import type { Queryable } from '../../../db/connection.js';
import type { ContactKind, GatheringOccasion } from '../../../domain/network.js';

// Every statement names municipality_id (or goes through network_member_contacts(), which checks
// the caller's municipality itself); row-level security enforces it again underneath. Dates are
// selected as text (YYYY-MM-DD) so PGlite and PostgreSQL give the same.

// --- Contact categories and the log ---------------------------------------------------------------

export function contactCategories(
  tx: Queryable,
  municipalityId: number,
): Promise<{ id: string; label: string }[]> {
  return tx.query(
    `SELECT id, label FROM contact_category WHERE municipality_id = $1 AND archived_at IS NULL ORDER BY position`,
    [municipalityId],
  );
}

export async function noteEnabled(tx: Queryable, municipalityId: number): Promise<boolean> {
  const [row] = await tx.query<{ on: boolean }>(
    'SELECT note_enabled AS "on" FROM network_settings WHERE municipality_id = $1',
    [municipalityId],
  );
  return row?.on ?? false;
}

/** Replaces the list: kept ids are renamed and reordered, missing ones archived, new ones added. */
export async function saveContactSettings(
  tx: Queryable,
  municipalityId: number,
  categories: { id: string; label: string }[],
  note: boolean,
): Promise<void> {
  await tx.query(
    `UPDATE contact_category SET archived_at = now()
     WHERE municipality_id = $1 AND archived_at IS NULL AND NOT (id = ANY($2::uuid[]))`,
    [municipalityId, categories.map((c) => c.id)],
  );
  for (const [position, category] of categories.entries()) {
    await tx.query(
      `INSERT INTO contact_category (id, municipality_id, label, position) VALUES ($2, $1, $3, $4)
       ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position, archived_at = NULL
       WHERE contact_category.municipality_id = $1`,
      [municipalityId, category.id, category.label, position],
    );
  }
  await tx.query(
    `INSERT INTO network_settings (municipality_id, note_enabled) VALUES ($1, $2)
     ON CONFLICT (municipality_id) DO UPDATE SET note_enabled = EXCLUDED.note_enabled`,
    [municipalityId, note],
  );
}

export async function categoryExists(
  tx: Queryable,
  municipalityId: number,
  categoryId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM contact_category WHERE municipality_id = $1 AND id = $2 AND archived_at IS NULL',
    [municipalityId, categoryId],
  );
  return rows.length > 0;
}

export interface ContactRow {
  id: string;
  date: string;
  householdId: string;
  kind: ContactKind;
  category: string;
  note: string | null;
}

export function contactsOf(tx: Queryable, municipalityId: number, networkId: string): Promise<ContactRow[]> {
  return tx.query<ContactRow>(
    `SELECT l.id, l.date::text AS date, l.household_id AS "householdId", l.kind, c.label AS category, l.note
     FROM contact_log l JOIN contact_category c ON c.id = l.category_id
     WHERE l.municipality_id = $1 AND l.network_id = $2 ORDER BY l.date DESC, l.created_at DESC LIMIT 500`,
    [municipalityId, networkId],
  );
}

/** The last contact per household of the network, as logged by this municipality's resource family. */
export async function lastContacts(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<Map<string, string>> {
  const rows = await tx.query<{ householdId: string; date: string }>(
    `SELECT household_id AS "householdId", max(date)::text AS date FROM contact_log
     WHERE municipality_id = $1 AND network_id = $2 GROUP BY household_id`,
    [municipalityId, networkId],
  );
  return new Map(rows.map((r) => [r.householdId, r.date]));
}

/** Inserts the contact; false when this id is there already (the same form sent twice). */
export async function insertContact(
  tx: Queryable,
  municipalityId: number,
  contact: {
    id: string;
    networkId: string;
    householdId: string;
    date: string;
    kind: ContactKind;
    categoryId: string;
    note: string | null;
    createdBy: string | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO contact_log (id, municipality_id, network_id, household_id, date, kind, category_id, note, created_by)
     VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      municipalityId,
      contact.id,
      contact.networkId,
      contact.householdId,
      contact.date,
      contact.kind,
      contact.categoryId,
      contact.note,
      contact.createdBy,
    ],
  );
  return rows.length > 0;
}

// --- Call-backs ----------------------------------------------------------------------------------------

export async function insertCallBack(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  userId: string | null,
): Promise<{ id: string; requestedAt: Date }> {
  const [row] = await tx.query<{ id: string; requestedAt: Date }>(
    `INSERT INTO call_back (municipality_id, network_id, requested_by) VALUES ($1, $2, $3)
     RETURNING id, requested_at AS "requestedAt"`,
    [municipalityId, networkId, userId],
  );
  return row as { id: string; requestedAt: Date };
}

export function callBacksOf(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<{ id: string; requestedAt: Date; doneAt: Date | null }[]> {
  return tx.query(
    `SELECT id, requested_at AS "requestedAt", done_at AS "doneAt" FROM call_back
     WHERE municipality_id = $1 AND network_id = $2 ORDER BY requested_at DESC LIMIT 20`,
    [municipalityId, networkId],
  );
}

export async function setCallBackDone(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  callBackId: string,
  userId: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE call_back SET done_at = COALESCE(done_at, now()), done_by = COALESCE(done_by, $4)
     WHERE municipality_id = $1 AND network_id = $2 AND id = $3 RETURNING id`,
    [municipalityId, networkId, callBackId, userId],
  );
  return rows.length > 0;
}

// --- Gatherings (events of the network) ----------------------------------------------------------

export interface GatheringRow {
  id: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  occasion: GatheringOccasion | null;
  status: string;
}

export function gatheringsOf(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<GatheringRow[]> {
  return tx.query<GatheringRow>(
    `SELECT id, title, date::text AS date, start_time AS "startTime", end_time AS "endTime", place, occasion, status
     FROM event WHERE municipality_id = $1 AND network_id = $2 ORDER BY date DESC, start_time`,
    [municipalityId, networkId],
  );
}
