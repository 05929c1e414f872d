import type { Database, Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { type AuditFilter, type AuditRow, insertAudit, insertAuditReads, searchAudit } from './queries.js';

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

export const AUDIT_PAGE_MAX = 200;
/** A CSV export holds at most this many rows; the admin narrows the search for more. */
export const AUDIT_EXPORT_MAX = 50_000;

export async function findAuditEntries(
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
