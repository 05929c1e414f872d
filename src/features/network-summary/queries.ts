import type { Queryable } from '../../db/connection.js';

// Every statement names municipality_id (or goes through network_member_contacts(), which checks
// the caller's municipality and network itself); row-level security enforces it again. A summary
// belongs to the network's own municipality. Dates are selected as text (YYYY-MM-DD).

export interface NetworkRow {
  id: string;
  name: string;
  resourceFamilyHouseholdId: string;
  startedOn: string;
}

const SELECT_NETWORK = `SELECT n.id, n.name, n.resource_family_household_id AS "resourceFamilyHouseholdId",
  (n.created_at AT TIME ZONE 'Europe/Oslo')::date::text AS "startedOn" FROM network n`;

/** The network this municipality owns (its caseworkers receive the summary). */
export async function ownedNetwork(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<NetworkRow | undefined> {
  const [row] = await tx.query<NetworkRow>(`${SELECT_NETWORK} WHERE n.municipality_id = $1 AND n.id = $2`, [
    municipalityId,
    networkId,
  ]);
  return row;
}

/** The network of a resource family's account. */
export async function networkOfUser(
  tx: Queryable,
  municipalityId: number,
  userId: string,
): Promise<NetworkRow | undefined> {
  const [row] = await tx.query<NetworkRow>(
    `${SELECT_NETWORK} JOIN network_user nu ON nu.network_id = n.id
     WHERE n.municipality_id = $1 AND nu.municipality_id = $1 AND nu.user_id = $2`,
    [municipalityId, userId],
  );
  return row;
}

export interface MemberRow {
  householdId: string;
  name: string;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Every membership of the network with the household's name (through the sharing function). */
export function members(tx: Queryable, networkId: string): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `SELECT household_id AS "householdId", display_name AS name, joined_on::text AS "joinedOn",
            left_on::text AS "leftOn"
     FROM network_member_contacts($1) ORDER BY display_name`,
    [networkId],
  );
}

/** Contacts of the half-year per household and kind. */
export function contactCounts(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  from: string,
  to: string,
): Promise<{ householdId: string; kind: string; n: number }[]> {
  return tx.query(
    `SELECT household_id AS "householdId", kind, count(*)::int AS n FROM contact_log
     WHERE municipality_id = $1 AND network_id = $2 AND date BETWEEN $3 AND $4
     GROUP BY household_id, kind`,
    [municipalityId, networkId, from, to],
  );
}

export interface GatheringRow {
  id: string;
  date: string;
  title: string;
  place: string | null;
  occasion: string | null;
  households: number;
}

/** The half-year's gatherings (not cancelled) with the households logged as there that day. */
export function gatherings(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  from: string,
  to: string,
): Promise<GatheringRow[]> {
  return tx.query<GatheringRow>(
    `SELECT e.id, e.date::text AS date, e.title, e.place, e.occasion,
            (SELECT count(DISTINCT l.household_id)::int FROM contact_log l
             WHERE l.municipality_id = $1 AND l.network_id = $2 AND l.kind = 'gathering'
               AND l.date = e.date) AS households
     FROM event e
     WHERE e.municipality_id = $1 AND e.network_id = $2 AND e.kind = 'gathering'
       AND e.status <> 'cancelled' AND e.date BETWEEN $3 AND $4
     ORDER BY e.date, e.start_time`,
    [municipalityId, networkId, from, to],
  );
}

export interface SummaryRow {
  id: string;
  halfYearStart: string;
  description: string;
  updatedAt: Date;
  submittedAt: Date | null;
}

const SELECT_SUMMARY = `SELECT id, half_year_start::text AS "halfYearStart", description,
  updated_at AS "updatedAt", submitted_at AS "submittedAt" FROM network_summary`;

export async function findSummary(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  halfYearStart: string,
): Promise<SummaryRow | undefined> {
  const [row] = await tx.query<SummaryRow>(
    `${SELECT_SUMMARY} WHERE municipality_id = $1 AND network_id = $2 AND half_year_start = $3`,
    [municipalityId, networkId, halfYearStart],
  );
  return row;
}

/** The submitted summaries of the network, newest half-year first. */
export function submittedSummaries(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<SummaryRow[]> {
  return tx.query<SummaryRow>(
    `${SELECT_SUMMARY} WHERE municipality_id = $1 AND network_id = $2 AND submitted_at IS NOT NULL
     ORDER BY half_year_start DESC LIMIT 20`,
    [municipalityId, networkId],
  );
}

/** Saves the draft's description; nothing (undefined) once it is submitted. */
export async function saveDescription(
  tx: Queryable,
  municipalityId: number,
  summary: { networkId: string; halfYearStart: string; description: string; userId: string | null },
): Promise<SummaryRow | undefined> {
  const [row] = await tx.query<SummaryRow>(
    `INSERT INTO network_summary (municipality_id, network_id, half_year_start, description, updated_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (network_id, half_year_start) DO UPDATE
       SET description = EXCLUDED.description, updated_by = EXCLUDED.updated_by, updated_at = now()
       WHERE network_summary.municipality_id = $1 AND network_summary.submitted_at IS NULL
     RETURNING id, half_year_start::text AS "halfYearStart", description, updated_at AS "updatedAt",
       submitted_at AS "submittedAt"`,
    [municipalityId, summary.networkId, summary.halfYearStart, summary.description, summary.userId],
  );
  return row;
}

/**
 * Submits the summary with this description, once: a second submit (a double click, two tabs)
 * finds it submitted and changes nothing. `justSubmitted` tells the first from the others.
 */
export async function submitSummary(
  tx: Queryable,
  municipalityId: number,
  summary: { networkId: string; halfYearStart: string; description: string; userId: string | null },
): Promise<{ justSubmitted: boolean }> {
  await tx.query(
    `INSERT INTO network_summary (municipality_id, network_id, half_year_start, description, updated_by)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (network_id, half_year_start) DO NOTHING`,
    [municipalityId, summary.networkId, summary.halfYearStart, summary.description, summary.userId],
  );
  const rows = await tx.query(
    `UPDATE network_summary SET description = $4, updated_by = $5, updated_at = now(),
       submitted_at = now(), submitted_by = $5
     WHERE municipality_id = $1 AND network_id = $2 AND half_year_start = $3 AND submitted_at IS NULL
     RETURNING id`,
    [municipalityId, summary.networkId, summary.halfYearStart, summary.description, summary.userId],
  );
  return { justSubmitted: rows.length > 0 };
}

export interface CommentRow {
  id: string;
  body: string;
  author: string;
  createdAt: Date;
}

export function commentsOf(tx: Queryable, municipalityId: number, summaryId: string): Promise<CommentRow[]> {
  return tx.query<CommentRow>(
    `SELECT c.id, c.body, COALESCE(u.first_name || ' ' || u.last_name, '') AS author, c.created_at AS "createdAt"
     FROM network_summary_comment c LEFT JOIN app_user u ON u.id = c.author_id
     WHERE c.municipality_id = $1 AND c.summary_id = $2 ORDER BY c.created_at, c.id`,
    [municipalityId, summaryId],
  );
}

/** Saves the comment; false when this id is there already (the same form sent twice). */
export async function insertComment(
  tx: Queryable,
  municipalityId: number,
  comment: { id: string; networkId: string; summaryId: string; body: string; authorId: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO network_summary_comment (id, municipality_id, network_id, summary_id, body, author_id)
     VALUES ($2, $1, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [municipalityId, comment.id, comment.networkId, comment.summaryId, comment.body, comment.authorId],
  );
  return rows.length > 0;
}

// --- The reminder (worker.ts) -------------------------------------------------------------------------

export async function municipalityIds(tx: Queryable): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM municipality ORDER BY id');
  return rows.map((row) => row.id);
}

/** Networks of the municipality whose summary of the half-year is neither submitted nor reminded of. */
export function networksToRemind(
  tx: Queryable,
  municipalityId: number,
  halfYearStart: string,
): Promise<{ id: string; name: string }[]> {
  return tx.query(
    `SELECT n.id, n.name FROM network n
     WHERE n.municipality_id = $1
       AND NOT EXISTS (SELECT 1 FROM network_summary s WHERE s.municipality_id = $1
                       AND s.network_id = n.id AND s.half_year_start = $2 AND s.submitted_at IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM network_summary_reminder r WHERE r.municipality_id = $1
                       AND r.network_id = n.id AND r.half_year_start = $2)
     ORDER BY n.id`,
    [municipalityId, halfYearStart],
  );
}

/** Claims the reminder of the network and half-year; false when another run has it. */
export async function claimReminder(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  halfYearStart: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO network_summary_reminder (network_id, half_year_start, municipality_id) VALUES ($2, $3, $1)
     ON CONFLICT (network_id, half_year_start) DO NOTHING RETURNING network_id`,
    [municipalityId, networkId, halfYearStart],
  );
  return rows.length > 0;
}

/** The e-mail addresses of the resource family's active accounts. */
export async function resourceFamilyEmails(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<string[]> {
  const rows = await tx.query<{ email: string }>(
    `SELECT u.email FROM network_user nu JOIN app_user u ON u.id = nu.user_id
     WHERE nu.municipality_id = $1 AND nu.network_id = $2 AND u.active ORDER BY u.email`,
    [municipalityId, networkId],
  );
  return rows.map((r) => r.email);
}
