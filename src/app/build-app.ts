import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Mailer } from '../channels/email.js';
import { type Channels, createChannels } from '../channels/index.js';
import type { Database } from '../db/connection.js';
import { agreementSigningRoutes } from '../features/agreements/routes/signing.js';
import { agreementRoutes } from '../features/agreements/routes/team.js';
import { answerRoutes } from '../features/answers/routes.js';
import { audienceRoutes } from '../features/audience/routes.js';
import { recordRefusedAccess } from '../features/audit/index.js';
import { auditRoutes } from '../features/audit/routes.js';
import { oidcRoutes } from '../features/auth/routes/oidc.js';
import { authRoutes } from '../features/auth/routes/session.js';
import { resolveSession } from '../features/auth/service.js';
import { checkinRoutes } from '../features/checkin/routes.js';
import { courseRoutes } from '../features/courses/routes.js';
import { evaluationRoutes, questionnairePageRoutes } from '../features/evaluation/routes.js';
import { eventRoutes } from '../features/events/routes/events.js';
import { eventImageRoutes } from '../features/events/routes/image.js';
import { familyHomeCostRoutes } from '../features/family-home-costs/routes.js';
import { familyHomeMeetingRoutes } from '../features/family-home-meetings/routes.js';
import { familyHomeRecruitingRoutes } from '../features/family-home-recruiting/routes.js';
import { familyHomeRoutes } from '../features/family-homes/routes.js';
import { feedbackPageRoutes, feedbackRoutes } from '../features/feedback/routes.js';
import { goodStartRoutes } from '../features/good-start/routes.js';
import { healthRoutes } from '../features/health/routes.js';
import { housingRoutes } from '../features/housing/routes.js';
import { importRoutes } from '../features/import/routes.js';
import { insightRoutes } from '../features/insight/routes.js';
import { jointMeetingRoutes } from '../features/joint-meetings/routes.js';
import { matchingRoutes } from '../features/matching/routes.js';
import { myRoutes } from '../features/my/routes.js';
import { networkInsightRoutes } from '../features/network-insight/routes.js';
import { myNetworkSummaryRoutes, networkSummaryRoutes } from '../features/network-summary/routes.js';
import { myNetworkRoutes } from '../features/networks/routes/my-network.js';
import { signingPageRoutes } from '../features/networks/routes/signing.js';
import { networkRoutes } from '../features/networks/routes/team.js';
import { overviewRoutes } from '../features/overview/routes.js';
import { programmeRoutes } from '../features/programmes/routes.js';
import { registryRoutes } from '../features/registry/routes.js';
import { registryDataRoutes } from '../features/registry-data/routes.js';
import { retentionRoutes } from '../features/retention/routes.js';
import { schoolHolidayRoutes } from '../features/school-holidays/routes.js';
import { seasonRoutes } from '../features/season/routes.js';
import { senderSettingsRoutes } from '../features/sender-settings/routes.js';
import { sendingRoutes } from '../features/sending/routes.js';
import { supervisionRoutes } from '../features/supervision/routes.js';
import { templateRoutes } from '../features/templates/routes.js';
import { userRoutes } from '../features/users/routes.js';
import { venueRoutes } from '../features/venues/routes.js';
import { welcomeRoutes } from '../features/welcome/routes.js';
import type { Config } from '../server/config.js';
import { localeOf, tenantOf } from '../server/context.js';
import { cookieNames, setCsrfCookie } from '../server/cookies.js';
import { randomToken, safeEqual } from '../server/crypto.js';
import type { Deps } from '../server/deps.js';
import { AppError, forbidden, invalid, unauthenticated } from '../server/errors.js';
import { errorMessage } from '../server/messages.js';
import { pathOfUnstorable } from '../server/schemas.js';
import type { RouteSummary } from '../server/types.js';
import { startJobs } from './jobs.js';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Only the path: query strings may carry what does not belong in logs, and IPs are personal data. */
function logRequest(request: FastifyRequest) {
  // The delivery-report address carries a secret key: not in the log.
  const path = request.url.split('?')[0]?.replace(/^(\/api\/channels\/[a-z]+\/dlr\/)[^/]+/, '$1…');
  return { method: request.method, path, id: request.id };
}

function logError(error: Error & { code?: string }) {
  // Never the driver's `detail`: PostgreSQL puts the offending values there.
  return { type: error.name, code: error.code, message: error.message, stack: error.stack ?? '' };
}

/** An OpenAPI operationId from a route's method and path: "getEventsEventIdAudience". */
function operationId(method: string | string[], url: string): string {
  const words = url.replace(/^\/api\//, '').split(/[^A-Za-z0-9]+/);
  const capitalized = words.filter(Boolean).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [String(method).toLowerCase(), ...capitalized].join('');
}

export interface AppOptions {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Default: the four channels as configured (createChannels). */
  channels?: Channels;
  /** false: no logs (tests); a stream: logs go there (the log-privacy test reads them). Default stdout. */
  logger?: false | { stream: NodeJS.WritableStream };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            serializers: { req: logRequest, err: logError },
            ...(options.logger ? { stream: options.logger.stream } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const channels = options.channels ?? createChannels(config);
  const jobs = await startJobs({ db: options.db, config, channels, mailer: options.mailer, log: app.log });
  // Stops taking jobs and lets a running one finish its batch before the database closes.
  app.addHook('onClose', async () => {
    await jobs.stop();
    for (const channel of Object.values(channels)) channel.close?.();
  });
  const deps: Deps = { db: options.db, config, mailer: options.mailer, log: app.log, channels, jobs };
  const cookies = cookieNames(config);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': config.production ? [] : null,
      },
    },
    strictTransportSecurity: config.production,
  });
  // Per process; a guard against floods and guessing, not the account lockout (that is in the database).
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute' });
  await app.register(swagger, {
    // Clients are generated from the document: each operation is named by its method and path
    // ("GET /api/events/:eventId/audience" is getEventsEventIdAudience) unless its schema names it.
    transform: ({ schema, url, route }) => ({
      schema: schema && { ...schema, operationId: schema.operationId ?? operationId(route.method, url) },
      url,
    }),
    openapi: {
      info: {
        title: 'Landsby API',
        version: '0.1.0',
        description: 'JSON API of Landsby. Errors: {code, message}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookies.session },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  });

  // Every route with its config, for the tests that must cover all of them (tenancy, bad input).
  const routeTable: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, config: route.config ?? {}, schema: route.schema });
    }
  });
  app.decorate('routeTable', routeTable);

  app.decorateRequest('auth', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const sessionToken = request.cookies[cookies.session];
    request.auth = sessionToken ? await resolveSession(deps, sessionToken) : null;

    const sentCsrf = request.cookies[cookies.csrf];
    request.csrfToken = sentCsrf ?? randomToken();
    if (!sentCsrf) setCsrfCookie(reply, config, request.csrfToken);
    const routeConfig = request.routeOptions.config;
    if (UNSAFE_METHODS.has(request.method) && !routeConfig.csrfExempt) {
      const header = request.headers['x-csrf-token'];
      if (!sentCsrf || typeof header !== 'string' || !safeEqual(header, sentCsrf)) {
        throw new AppError('auth.csrf', 403);
      }
    }

    if (!request.routeOptions.url || routeConfig.public) return;
    if (!request.auth) {
      throw sessionToken ? new AppError('auth.session_expired', 401) : unauthenticated();
    }
    if (routeConfig.permission && !request.auth.permissions.includes(routeConfig.permission)) {
      throw forbidden();
    }
  });

  // Nothing in a request may be text with NUL or a number that is not finite (schemas.ts
  // pathOfUnstorable), whatever its contract says: no column can store either.
  app.addHook('preHandler', async (request) => {
    const field =
      pathOfUnstorable(request.params) ?? pathOfUnstorable(request.query) ?? pathOfUnstorable(request.body);
    if (field) throw invalid([{ field, rule: 'storable' }]);
  });

  // A route naming a municipality's object answered 404 to a logged-in user: the object is not in
  // their municipality (another's, or gone). A security event for their admin and the operator.
  app.addHook('onSend', async (request, reply, payload) => {
    const targetType = request.routeOptions.config?.tenantObject;
    if (reply.statusCode === 404 && targetType && request.auth && request.routeOptions.url) {
      await recordRefusedAccess(deps, tenantOf(request), {
        method: request.method,
        route: request.routeOptions.url,
        targetType,
      });
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    const send = (status: number, code: string, details?: unknown) =>
      reply
        .status(status)
        .send({ code, message: errorMessage(code, locale), ...(details ? { details } : {}) });

    if (error instanceof AppError) return send(error.httpStatus, error.code, error.details);
    if (error.validation) {
      return send(
        400,
        'validation.invalid',
        // Field paths as the domain writes them ("adults.0.mobile"), so the UI handles one form.
        error.validation.map((v) => ({
          field: [v.instancePath.slice(1).replaceAll('/', '.'), v.params?.missingProperty]
            .filter(Boolean)
            .join('.'),
          rule: v.keyword,
        })),
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'request.too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'request.unsupported_media_type');
    if (error.statusCode === 429) return send(429, 'rate_limited');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return send(error.statusCode, 'request.malformed');
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal');
  });

  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(oidcRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(registryRoutes, { deps });
  await app.register(venueRoutes, { deps });
  await app.register(schoolHolidayRoutes, { deps });
  await app.register(seasonRoutes, { deps });
  await app.register(eventRoutes, { deps });
  // Its own plugin: the image's raw-body parsers reach no other route.
  await app.register(eventImageRoutes, { deps });
  await app.register(audienceRoutes, { deps });
  await app.register(templateRoutes, { deps });
  await app.register(sendingRoutes, { deps });
  await app.register(answerRoutes, { deps });
  await app.register(welcomeRoutes, { deps });
  await app.register(feedbackRoutes, { deps });
  await app.register(feedbackPageRoutes, { deps });
  await app.register(insightRoutes, { deps });
  await app.register(matchingRoutes, { deps });
  await app.register(networkInsightRoutes, { deps });
  await app.register(goodStartRoutes, { deps });
  await app.register(evaluationRoutes, { deps });
  await app.register(questionnairePageRoutes, { deps });
  await app.register(overviewRoutes, { deps });
  await app.register(programmeRoutes, { deps });
  await app.register(myRoutes, { deps });
  await app.register(networkRoutes, { deps });
  await app.register(supervisionRoutes, { deps });
  await app.register(networkSummaryRoutes, { deps });
  await app.register(myNetworkSummaryRoutes, { deps });
  // Its own plugin: the receipt's raw-body parsers reach no other route.
  await app.register(myNetworkRoutes, { deps });
  await app.register(signingPageRoutes, { deps });
  await app.register(agreementRoutes, { deps });
  await app.register(agreementSigningRoutes, { deps });
  await app.register(jointMeetingRoutes, { deps });
  await app.register(checkinRoutes, { deps });
  await app.register(importRoutes, { deps });
  await app.register(registryDataRoutes, { deps });
  await app.register(retentionRoutes, { deps });
  await app.register(senderSettingsRoutes, { deps });
  await app.register(housingRoutes, { deps });
  await app.register(familyHomeRecruitingRoutes, { deps });
  await app.register(familyHomeCostRoutes, { deps });
  await app.register(familyHomeRoutes, { deps });
  await app.register(familyHomeMeetingRoutes, { deps });
  // Its own plugin: the pamphlet's raw-body parsers reach no other route.
  await app.register(courseRoutes, { deps });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  const hasWeb = existsSync(`${WEB_ROOT}index.html`);
  if (hasWeb) {
    // The files of the build, registered one route each at start; a rebuild needs a restart to
    // be served. The build writes each file brotli- and gzip-compressed beside it (vite.config.ts),
    // sent to a browser that takes them. Files under assets/ carry content hashes in their
    // names, so a browser keeps them a year without asking again; index.html and the favicons
    // it checks every time, so a new release is seen at once.
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        const hashed = path.startsWith(`${WEB_ROOT}assets/`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        response.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // An API path, or a file that is not there (an asset of an older build): a real 404, not the app page.
    const page = request.method === 'GET' || request.method === 'HEAD';
    if (!page || request.url.startsWith('/api/') || /\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '')) {
      return reply
        .status(404)
        .send({ code: 'not_found', message: errorMessage('not_found', localeOf(request)) });
    }
    // Client-side routes: the single-page app answers every other GET.
    if (!hasWeb) return reply.type('text/plain').send('The web app is not built: run `npm run build`.');
    return reply.sendFile('index.html');
  });

  return app;
}
