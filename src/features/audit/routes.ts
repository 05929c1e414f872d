import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { stringify } from 'csv-stringify/sync';
import { tenantOf } from '../../server/context.js';
import { csvCell as cell } from '../../server/csv.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import type { AuditRow } from './queries.js';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_MAX, findAuditEntries } from './service.js';

const Day = Type.String({ format: 'date' });
const Filter = {
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  actor: Type.Optional(Type.String({ format: 'uuid' })),
  record: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
};
const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectName: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const present = (row: AuditRow) => ({
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
});

// 'sv-SE' formats as 2026-11-25 18:30:05: sortable, and what Excel reads as a date and time.
const osloTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'medium',
});

const audit = { permission: 'audit:read' as const };

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/audit',
    {
      config: audit,
      schema: {
        tags: ['audit'],
        summary: 'Searches the audit log by person, user, record and date (Europe/Oslo days)',
        querystring: Type.Object({
          ...Filter,
          limit: Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: 50 }),
          offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
        }),
        response: withErrors({ 200: Type.Object({ total: Type.Integer(), entries: Type.Array(Entry) }) }),
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const { total, rows } = await findAuditEntries(
        deps.db,
        tenantOf(request),
        filter,
        { limit, offset },
        'search',
      );
      return { total, entries: rows.map(present) };
    },
  );

  app.get(
    '/api/admin/audit.csv',
    {
      config: audit,
      schema: {
        tags: ['audit'],
        summary: `The same search as CSV (semicolon separated, UTF-8 with BOM, at most ${AUDIT_EXPORT_MAX} rows)`,
        querystring: Type.Object(Filter),
        produces: ['text/csv'],
        response: withErrors({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const { rows } = await findAuditEntries(
        deps.db,
        tenantOf(request),
        request.query,
        { limit: AUDIT_EXPORT_MAX, offset: 0 },
        'export',
      );
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
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="landsby-logg-${day}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
};
