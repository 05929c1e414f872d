import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { RetentionPeriods, RetentionPreview, RetentionSettings } from './contract.js';
import { getRetention, previewRetention, saveRetention } from './service.js';

const manage = { permission: 'settings:manage' as const };
const tags = ['admin'];

/** How long the municipality keeps each kind of personal data, and what the next run removes. */
export const retentionRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/retention',
    {
      config: manage,
      schema: {
        tags,
        summary: "The municipality's retention periods and their bounds",
        response: withErrors({ 200: RetentionSettings }),
      },
    },
    async (request) => getRetention(deps, tenantOf(request)),
  );

  app.put(
    '/api/admin/retention',
    {
      config: manage,
      schema: {
        tags,
        summary: "Saves the municipality's retention periods",
        description: '400 retention.out_of_bounds names each period outside its bounds.',
        body: RetentionPeriods,
        response: withErrors({ 200: RetentionSettings }),
      },
    },
    async (request) => saveRetention(deps, tenantOf(request), request.body),
  );

  app.get(
    '/api/admin/retention/preview',
    {
      config: manage,
      schema: {
        tags,
        summary: 'How many of each kind the next retention run removes (counts, no names)',
        response: withErrors({ 200: RetentionPreview }),
      },
    },
    async (request) => previewRetention(deps, tenantOf(request)),
  );
};
