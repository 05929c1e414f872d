// What other features may call: the audit entry written in the caller's transaction.

export { insertAudit } from './queries.js';
export { audit, auditListRead, auditMany, recordRefusedAccess } from './service.js';
