import type { Database, Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import type { Deps } from '../../server/deps.js';
import { AUDIT_EXPORT_MAX, type AuditFilter, type AuditPage } from './contract.js';
import { presentEntry } from './present.js';
import { type AuditRow, insertAudit, insertAuditReads, searchAudit } from './queries.js';
import { auditCsv } from './render.js';

/** One audit entry for a change or a single read, written in the caller's transaction. */
export function audit(
  tx: Queryable,
  ctx: TenantContext,
  entry: {
    action: string;
    recordType: string;
    recordId?: string | null;
    subjectId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  return insertAudit(tx, {
    municipalityId: ctx.municipalityId,
    actorUserId: ctx.userId,
    ip: ctx.ip,
    ...entry,
  });
}

/** One entry per person shown in a list, so a search by person finds every time they were seen. */
export function auditListRead(
  tx: Queryable,
  ctx: TenantContext,
  recordType: string,
  personIds: string[],
): Promise<void> {
  if (personIds.length === 0) return Promise.resolve();
  return insertAuditReads(tx, {
    municipalityId: ctx.municipalityId,
    actorUserId: ctx.userId,
    ip: ctx.ip,
    recordType,
    personIds,
  });
}

async function findAuditEntries(
  db: Database,
  ctx: TenantContext,
  filter: AuditFilter,
  page: { limit: number; offset: number },
  purpose: 'search' | 'export',
): Promise<{ total: number; rows: AuditRow[] }> {
  return inTenant(db, ctx, async (tx) => {
    const result = await searchAudit(tx, filter, page);
    // Reading the log is itself a read of personal data (who looked at whom), and is logged.
    await audit(tx, ctx, {
      action: purpose === 'export' ? 'export' : 'read',
      recordType: 'audit_log',
      details: { filter: { ...filter }, rows: result.rows.length },
    });
    return result;
  });
}

/** A page of the audit log's search, newest first. */
export async function searchAuditLog(
  deps: Deps,
  ctx: TenantContext,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditPage> {
  const { total, rows } = await findAuditEntries(deps.db, ctx, filter, page, 'search');
  return { total, entries: rows.map(presentEntry) };
}

/** The same search as a CSV file, up to AUDIT_EXPORT_MAX entries. */
export async function exportAuditLog(deps: Deps, ctx: TenantContext, filter: AuditFilter): Promise<string> {
  const { rows } = await findAuditEntries(
    deps.db,
    ctx,
    filter,
    { limit: AUDIT_EXPORT_MAX, offset: 0 },
    'export',
  );
  return auditCsv(rows);
}
