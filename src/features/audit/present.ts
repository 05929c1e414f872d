import type { AuditEntry } from './contract.js';
import type { AuditRow } from './queries.js';

export function presentEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    ip: row.ip,
  };
}
