import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../server/deps.js';
import { acceptForms, type FormFields, field } from '../../../server/forms.js';
import { htmlReply, publicErrorHandler } from '../../../server/public-page.js';
import { badSigningLinkPage, busySigningPage } from '../../networks/index.js';
import { limitGuessing } from '../../security/index.js';
import { AgreementSigningParams } from '../contract.js';
import { agreementPage } from '../page.js';
import { agreementPageData, agreementPdfForSigner, signAgreement } from '../service/sign-agreement.js';

// Only against floods, per process, as for the answer and the confidentiality pages.
const limited = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

/** The public signing page at /oppdragsavtale/<token>: no login, no cookie, no JavaScript. */
export const agreementSigningRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  publicErrorHandler(app, { busy: busySigningPage, badLink: badSigningLinkPage }, 'agreement signing page');
  // A personal link like the confidentiality agreement's: wrong tokens count in the same budget.
  limitGuessing(app, deps, 'answer_link', busySigningPage);
  const schema = { hide: true, params: AgreementSigningParams };

  app.get('/oppdragsavtale/:token', { config: limited, schema }, async (request, reply) => {
    const data = await agreementPageData(deps, request.params.token, request.ip);
    if (!data) return htmlReply(reply, 404, badSigningLinkPage());
    return htmlReply(reply, 200, agreementPage(data, `/oppdragsavtale/${request.params.token}`, false));
  });

  app.get('/oppdragsavtale/:token/pdf', { config: limited, schema }, async (request, reply) => {
    const pdf = await agreementPdfForSigner(deps, request.params.token, request.ip);
    if (!pdf) return htmlReply(reply, 404, badSigningLinkPage());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="oppdragsavtale.pdf"')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(Buffer.from(pdf));
  });

  app.post('/oppdragsavtale/:token', { config: limited, schema }, async (request, reply) => {
    const { token } = request.params;
    const data = await agreementPageData(deps, token, request.ip);
    if (!data) return htmlReply(reply, 404, badSigningLinkPage());
    if (field((request.body as FormFields | undefined) ?? {}, 'confirm') !== 'yes') {
      return htmlReply(reply, 400, agreementPage(data, `/oppdragsavtale/${token}`, true));
    }
    await signAgreement(deps, data);
    // Post, redirect, get: a reload does not post again (and a second post signs nothing new).
    return reply.redirect(`/oppdragsavtale/${token}`, 303);
  });
};
