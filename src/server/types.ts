import type { FastifyContextConfig, FastifySchema } from 'fastify';
import type { Permission } from '../domain/roles.js';
import type { Auth } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to anyone; without it an /api route requires a logged-in user. */
    public?: boolean;
    /**
     * A call from a provider's server (a delivery report), authenticated by a secret in its
     * address and never by a cookie: a forged cross-site request gains nothing, so no CSRF token.
     */
    csrfExempt?: boolean;
    /** The permission a logged-in user must hold. */
    permission?: Permission;
    /**
     * For routes with an id in the path: the kind of object the id names. The cross-tenant test
     * uses it to call the route with another municipality's object and expect 404.
     */
    tenantObject?:
      | 'user'
      | 'household'
      | 'import'
      | 'importMapping'
      | 'event'
      | 'venue'
      | 'network'
      | 'claim'
      | 'housingUnit'
      | 'familyHomeCandidate'
      | 'programme'
      | 'jointMeeting'
      | 'cohort'
      | 'course'
      | 'courseCompletion';
    /** The id in the path names reference data of the whole installation (a postcode), no tenant's object. */
    referenceData?: boolean;
  }
  interface FastifyInstance {
    routeTable: RouteSummary[];
  }
  interface FastifyRequest {
    auth: Auth | null;
    csrfToken: string;
  }
}

/** One route as the tests that must cover all of them (tenancy, bad input) see it. */
export interface RouteSummary {
  method: string;
  url: string;
  config: FastifyContextConfig;
  schema: FastifySchema | undefined;
}
