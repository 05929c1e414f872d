import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../domain/roles.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { Email, Name, Uuid, withErrors } from '../../server/schemas.js';
import { changeUser, getUser, inviteUser, listUsers, resendInvitation } from './service.js';

const Role = Type.Union(ROLES.map((role) => Type.Literal(role)));
const User = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  invitationPending: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
const UserParams = Type.Object({ userId: Uuid });
const admin = { permission: 'users:manage' as const };

export const userRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/users',
    {
      config: admin,
      schema: { tags: ['users'], response: withErrors({ 200: Type.Object({ users: Type.Array(User) }) }) },
    },
    async (request) => ({ users: await listUsers(deps, tenantOf(request)) }),
  );

  app.get(
    '/api/admin/users/:userId',
    {
      config: { ...admin, tenantObject: 'user' },
      schema: { tags: ['users'], params: UserParams, response: withErrors({ 200: User }) },
    },
    async (request) => getUser(deps, tenantOf(request), request.params.userId),
  );

  app.post(
    '/api/admin/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Creates a user and e-mails an invitation to choose a password',
        body: Type.Object({
          email: Email,
          firstName: Name,
          lastName: Name,
          roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }),
        }),
        response: withErrors({
          201: Type.Intersect([User, Type.Object({ invitationSent: Type.Boolean() })]),
        }),
      },
    },
    async (request, reply) => {
      const { user, invitationSent } = await inviteUser(deps, tenantOf(request), request.body);
      return reply.status(201).send({ ...user, invitationSent });
    },
  );

  app.patch(
    '/api/admin/users/:userId',
    {
      config: { ...admin, tenantObject: 'user' },
      schema: {
        tags: ['users'],
        params: UserParams,
        body: Type.Object(
          {
            roles: Type.Optional(Type.Array(Role, { maxItems: ROLES.length })),
            active: Type.Optional(Type.Boolean()),
          },
          { minProperties: 1 },
        ),
        response: withErrors({ 200: User }),
      },
    },
    async (request) => changeUser(deps, tenantOf(request), request.params.userId, request.body),
  );

  app.post(
    '/api/admin/users/:userId/invitation',
    {
      config: { ...admin, tenantObject: 'user' },
      schema: {
        tags: ['users'],
        summary: 'Sends the invitation e-mail again with a new link',
        params: UserParams,
        response: withErrors({ 200: Type.Object({ invitationSent: Type.Boolean() }) }),
      },
    },
    async (request) => ({
      invitationSent: await resendInvitation(deps, tenantOf(request), request.params.userId),
    }),
  );
};
