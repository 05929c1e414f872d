import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { SenderSettings, SenderSettingsInput } from './contract.js';
import { getSenderSettings, saveSenderSettings } from './service.js';

const manage = { permission: 'settings:manage' as const };
const tags = ['admin'];

/** Who the municipality's messages are from, the channels it uses, and its own provider accounts. */
export const senderSettingsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/sender',
    {
      config: manage,
      schema: {
        tags,
        summary: "The municipality's sender settings (passwords never included)",
        response: withErrors({ 200: SenderSettings }),
      },
    },
    async (request) => getSenderSettings(deps, tenantOf(request)),
  );

  app.put(
    '/api/admin/sender',
    {
      config: manage,
      schema: {
        tags,
        summary: "Saves the municipality's sender settings",
        description:
          '400 validation.invalid names each field that breaks a rule. A password left out keeps the stored one.',
        body: SenderSettingsInput,
        response: withErrors({ 200: SenderSettings }),
      },
    },
    async (request) => saveSenderSettings(deps, tenantOf(request), request.body),
  );
};
