import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../server/deps.js';
import { acceptForms, type FormFields, field } from '../../../server/forms.js';
import { htmlReply, publicErrorHandler } from '../../../server/public-page.js';
import { limitGuessing } from '../../security/index.js';
import { SigningParams } from '../contract.js';
import { badSigningLinkPage, busySigningPage, signingPage } from '../page.js';
import { signAgreement, signingPageData } from '../service/sign-agreement.js';

// Only against floods, per process, as for the answer page.
const limited = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

/** The public signing page at /taushetsplikt/<token>: no login, no cookie, no JavaScript. */
export const signingPageRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  publicErrorHandler(app, { busy: busySigningPage, badLink: badSigningLinkPage }, 'signing page');
  // A signing link is a personal link like an answer link: wrong tokens count against the
  // client's network in the same budget (one guesser, one limit), links that open never count.
  limitGuessing(app, deps, 'answer_link', busySigningPage);
  const schema = { hide: true, params: SigningParams };

  app.get('/taushetsplikt/:token', { config: limited, schema }, async (request, reply) => {
    const data = await signingPageData(deps, request.params.token, request.ip);
    if (!data) return htmlReply(reply, 404, badSigningLinkPage());
    return htmlReply(reply, 200, signingPage(data, `/taushetsplikt/${request.params.token}`, false));
  });

  app.post('/taushetsplikt/:token', { config: limited, schema }, async (request, reply) => {
    const { token } = request.params;
    const data = await signingPageData(deps, token, request.ip);
    if (!data) return htmlReply(reply, 404, badSigningLinkPage());
    if (field((request.body as FormFields | undefined) ?? {}, 'confirm') !== 'yes') {
      return htmlReply(reply, 400, signingPage(data, `/taushetsplikt/${token}`, true));
    }
    await signAgreement(deps, data);
    // Post, redirect, get: a reload does not post again (and a second post signs nothing new).
    return reply.redirect(`/taushetsplikt/${token}`, 303);
  });
};
