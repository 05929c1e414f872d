import type { Queryable } from '../../db/connection.js';
import type { AuditFilter } from './contract.js';

/** A row to write to the audit log (contract.ts AuditEntry is what the log's search shows). */
export interface AuditInsert {
  municipalityId: number;
  actorUserId: string | null;
  action: string;
  recordType: string;
  recordId?: string | null;
  subjectId?: string | null;
  ip: string | null;
  details?: Record<string, unknown>;
}

export async function insertAudit(tx: Queryable, entry: AuditInsert): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.municipalityId,
      entry.actorUserId,
      entry.action,
      entry.recordType,
      entry.recordId ?? null,
      entry.subjectId ?? null,
      entry.ip,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}

/** Many entries in one statement, in the order given (a bulk write: the demo's seed). */
export async function insertAudits(tx: Queryable, entries: AuditInsert[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id, ip, details)
     SELECT e.municipality_id, e.actor_user_id, e.action, e.record_type, e.record_id, e.subject_id, e.ip, e.details
     FROM json_to_recordset($1::json) AS e(municipality_id int, actor_user_id uuid, action text,
       record_type text, record_id text, subject_id text, ip text, details jsonb)`,
    [
      JSON.stringify(
        entries.map((entry) => ({
          municipality_id: entry.municipalityId,
          actor_user_id: entry.actorUserId,
          action: entry.action,
          record_type: entry.recordType,
          record_id: entry.recordId ?? null,
          subject_id: entry.subjectId ?? null,
          ip: entry.ip,
          details: entry.details ?? null,
        })),
      ),
    ],
  );
}

/** Many reads at once (a list): one row per person, one statement. */
export async function insertAuditReads(
  tx: Queryable,
  reads: {
    municipalityId: number;
    actorUserId: string | null;
    ip: string | null;
    recordType: string;
    personIds: string[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id, ip)
     SELECT $1, $2, 'read', $3, person, person, $4 FROM unnest($5::text[]) AS person`,
    [reads.municipalityId, reads.actorUserId, reads.recordType, reads.ip, reads.personIds],
  );
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  subject_id: string | null;
  subject_name: string | null;
  ip: string | null;
}

// The person an entry is about is a user or a household (by its adults' names).
const FROM = `FROM audit_log a
  LEFT JOIN app_user u ON u.id = a.actor_user_id
  LEFT JOIN app_user s ON s.id::text = a.subject_id
  LEFT JOIN household h ON h.id::text = a.subject_id`;
const SUBJECT_NAME = `COALESCE(s.first_name || ' ' || s.last_name, h.display_name)`;

/**
 * `subject` matches the person's id or, for people who are users, part of their name.
 * Dates are whole days in Europe/Oslo, `to` inclusive.
 */
function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filter.subject) {
    add((p) => `(a.subject_id = ${p} OR ${SUBJECT_NAME} ILIKE '%' || ${p} || '%')`, filter.subject);
  }
  if (filter.actor) add((p) => `a.actor_user_id::text = ${p}`, filter.actor);
  if (filter.record) add((p) => `a.record_id = ${p}`, filter.record);
  if (filter.from) add((p) => `a.at >= (${p}::date)::timestamp AT TIME ZONE 'Europe/Oslo'`, filter.from);
  if (filter.to) add((p) => `a.at < (${p}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'`, filter.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function searchAudit(
  tx: Queryable,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: AuditRow[] }> {
  const { sql, params } = where(filter);
  const [count] = await tx.query<{ total: number }>(`SELECT count(*) AS total ${FROM} ${sql}`, params);
  const rows = await tx.query<AuditRow>(
    `SELECT a.id, a.at, a.actor_user_id, u.first_name || ' ' || u.last_name AS actor_name, a.action,
            a.record_type, a.record_id, a.subject_id, ${SUBJECT_NAME} AS subject_name, a.ip
     ${FROM} ${sql}
     ORDER BY a.at DESC, a.id DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total: count?.total ?? 0, rows };
}

/** What the audit log calls a refused attempt on another municipality's object. */
export const ACCESS_REFUSED = 'access_refused';

export interface SecurityEventRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  method: string | null;
  route: string | null;
  record_type: string;
}

/** The newest refused attempts of the municipality (row-level security keeps it to its own). */
export async function findRefusedAccess(tx: Queryable, limit: number): Promise<SecurityEventRow[]> {
  return tx.query<SecurityEventRow>(
    `SELECT a.id, a.at, a.actor_user_id, u.first_name || ' ' || u.last_name AS actor_name,
            a.details->>'method' AS method, a.details->>'route' AS route, a.record_type
     FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
     WHERE a.action = $1
     ORDER BY a.at DESC, a.id DESC
     LIMIT $2`,
    [ACCESS_REFUSED, limit],
  );
}
