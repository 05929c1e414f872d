import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { SchoolHolidayRules, SchoolHolidays, SchoolHolidaysQuery } from './contract.js';
import { getSchoolHolidays, saveSchoolHolidays } from './service.js';

const manage = { permission: 'events:manage' as const };
const tags = ['cafe'];

/** The municipality's school holidays, which no café date may fall in. */
export const schoolHolidayRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/cafe/school-holidays',
    {
      config: manage,
      schema: {
        tags,
        summary: "The municipality's school-holiday rules and the periods of a year",
        querystring: SchoolHolidaysQuery,
        response: withErrors({ 200: SchoolHolidays }),
      },
    },
    async (request) =>
      getSchoolHolidays(deps, tenantOf(request), request.query.year ?? new Date().getUTCFullYear()),
  );

  app.put(
    '/api/cafe/school-holidays',
    {
      config: manage,
      schema: {
        tags,
        summary: "Saves the municipality's school-holiday rules",
        body: SchoolHolidayRules,
        response: withErrors({ 200: SchoolHolidays }),
      },
    },
    async (request) => saveSchoolHolidays(deps, tenantOf(request), request.body),
  );
};
