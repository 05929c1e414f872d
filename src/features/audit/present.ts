import type { AuditEntry, SecurityEvent } from './contract.js';
import type { AuditRow, SecurityEventRow } from './queries.js';

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

export function presentSecurityEvent(row: SecurityEventRow): SecurityEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    method: row.method ?? '',
    route: row.route ?? '',
    targetType: row.record_type,
  };
}
