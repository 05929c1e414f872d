import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { AUDIT_EXPORT_MAX, AuditFilter, AuditPage, AuditQuery, SecurityEvents } from './contract.js';
import { exportAuditLog, listSecurityEvents, searchAuditLog } from './service.js';

const audit = { permission: 'audit:read' as const };

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/audit',
    {
      config: audit,
      schema: {
        tags: ['audit'],
        summary: 'Searches the audit log by person, user, record and date (Europe/Oslo days)',
        querystring: AuditQuery,
        response: withErrors({ 200: AuditPage }),
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return searchAuditLog(deps, tenantOf(request), filter, { limit, offset });
    },
  );

  app.get(
    '/api/admin/audit.csv',
    {
      config: audit,
      schema: {
        tags: ['audit'],
        summary: `The same search as CSV (semicolon separated, UTF-8 with BOM, at most ${AUDIT_EXPORT_MAX} rows)`,
        querystring: AuditFilter,
        produces: ['text/csv'],
        response: withErrors({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const csv = await exportAuditLog(deps, tenantOf(request), request.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="landsby-logg-${day}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/admin/security-events',
    {
      config: audit,
      schema: {
        tags: ['audit'],
        summary: "The newest refused attempts on objects outside the user's municipality",
        response: withErrors({ 200: SecurityEvents }),
      },
    },
    async (request) => listSecurityEvents(deps, tenantOf(request)),
  );
};
