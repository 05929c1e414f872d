import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../server/deps.js';

/** Import of households from the case-management system's CSV and Excel exports. */
export const importRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _options) => {};
