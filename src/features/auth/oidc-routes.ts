import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../server/deps.js';

/** OpenID Connect login (Entra ID for staff, ID-porten for citizens). */
export const oidcRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _options) => {};
