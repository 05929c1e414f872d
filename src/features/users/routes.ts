import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  AdminUser,
  InvitationResult,
  InvitedUser,
  InviteUserBody,
  UserChange,
  UserList,
  UserParams,
} from './contract.js';
import { changeUser, getUser, inviteUser, listUsers, resendInvitation } from './service.js';

const admin = { permission: 'users:manage' as const };

export const userRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Users of the municipality',
        response: withErrors({ 200: UserList }),
      },
    },
    async (request) => ({ users: await listUsers(deps, tenantOf(request)) }),
  );

  app.get(
    '/api/admin/users/:userId',
    {
      config: { ...admin, tenantObject: 'user' },
      schema: {
        tags: ['users'],
        summary: 'One user, with roles',
        params: UserParams,
        response: withErrors({ 200: AdminUser }),
      },
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
        body: InviteUserBody,
        response: withErrors({ 201: InvitedUser }),
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
        summary: 'Changes a user',
        params: UserParams,
        body: UserChange,
        response: withErrors({ 200: AdminUser }),
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
        response: withErrors({ 200: InvitationResult }),
      },
    },
    async (request) => ({
      invitationSent: await resendInvitation(deps, tenantOf(request), request.params.userId),
    }),
  );
};
