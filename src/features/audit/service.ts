import type { Database, Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import type { Deps } from '../../server/deps.js';
import {
  AUDIT_EXPORT_MAX,
  type AuditFilter,
  type AuditPage,
  SECURITY_EVENTS_MAX,
  type SecurityEvents,
} from './contract.js';
import { presentEntry, presentSecurityEvent } from './present.js';
import {
  ACCESS_REFUSED,
  type AuditInsert,
  type AuditRow,
  findRefusedAccess,
  insertAudit,
  insertAuditReads,
  insertAudits,
  searchAudit,
} from './queries.js';
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

/** Many audit entries at once, one statement, written in the caller's transaction (a bulk write). */
export function auditMany(
  tx: Queryable,
  ctx: TenantContext,
  entries: Omit<AuditInsert, 'municipalityId' | 'actorUserId' | 'ip'>[],
): Promise<void> {
  return insertAudits(
    tx,
    entries.map((entry) => ({
      municipalityId: ctx.municipalityId,
      actorUserId: ctx.userId,
      ip: ctx.ip,
      ...entry,
    })),
  );
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

/**
 * A logged-in user asked for an object their municipality does not have (the route's
 * tenantObject answered 404): most often someone trying another municipality's ids. Kept as a
 * security event in the user's own municipality's audit log, where its admin sees it, and logged
 * for the platform operator. The route's pattern and the kind of object only: never the id asked
 * for, which may be another municipality's record.
 */
export async function recordRefusedAccess(
  deps: Deps,
  ctx: TenantContext,
  attempt: { method: string; route: string; targetType: string },
): Promise<void> {
  await inTenant(deps.db, ctx, (tx) =>
    audit(tx, ctx, {
      action: ACCESS_REFUSED,
      recordType: attempt.targetType,
      details: { method: attempt.method, route: attempt.route },
    }),
  );
  deps.log.warn(
    { securityEvent: ACCESS_REFUSED, municipalityId: ctx.municipalityId, userId: ctx.userId, ...attempt },
    "refused access to an object outside the user's municipality",
  );
}

/** The municipality's newest refused attempts, for its admin. */
export async function listSecurityEvents(deps: Deps, ctx: TenantContext): Promise<SecurityEvents> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await findRefusedAccess(tx, SECURITY_EVENTS_MAX);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'audit_log',
      details: { securityEvents: rows.length },
    });
    return { events: rows.map(presentSecurityEvent) };
  });
}
