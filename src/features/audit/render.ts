import { stringify } from 'csv-stringify/sync';
import { csvCell as cell } from '../../server/csv.js';
import type { AuditRow } from './queries.js';

// 'sv-SE' formats as 2026-11-25 18:30:05: sortable, and what Excel reads as a date and time.
const osloTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The audit log's entries as CSV: semicolon separated, UTF-8 with BOM, Oslo time. */
export function auditCsv(rows: AuditRow[]): string {
  const csv = stringify(
    rows.map((r) => [
      osloTime.format(r.at),
      cell(r.actor_name),
      r.actor_user_id ?? '',
      r.action,
      r.record_type,
      cell(r.record_id),
      cell(r.subject_name),
      cell(r.subject_id),
      r.ip ?? '',
    ]),
    {
      delimiter: ';',
      header: true,
      columns: [
        'tidspunkt',
        'bruker',
        'bruker_id',
        'handling',
        'posttype',
        'post_id',
        'person',
        'person_id',
        'ip',
      ],
    },
  );
  return `\uFEFF${csv}`;
}
