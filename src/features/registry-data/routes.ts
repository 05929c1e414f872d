import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../server/deps.js';

/** The registry's data in and out: exports, a person's data on request, erasure, reference tables. */
export const registryDataRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _options) => {};
