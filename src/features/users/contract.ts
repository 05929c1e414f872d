import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../../domain/roles.js';
import { Email, Name, Uuid } from '../../server/schemas.js';

const Role = Type.Union(ROLES.map((role) => Type.Literal(role)));

/** A user of the municipality as the admin page shows them: never a password hash or a token. */
export const AdminUser = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  invitationPending: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
export type AdminUser = Static<typeof AdminUser>;

export const UserList = Type.Object({ users: Type.Array(AdminUser) });
export type UserList = Static<typeof UserList>;

export const UserParams = Type.Object({ userId: Uuid });

export const InviteUserBody = Type.Object({
  email: Email,
  firstName: Name,
  lastName: Name,
  roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }),
});
export type InviteUserBody = Static<typeof InviteUserBody>;

/** The answer to inviting a user, or sending the invitation again: false when the e-mail could not be sent. */
export const InvitationResult = Type.Object({ invitationSent: Type.Boolean() });
export type InvitationResult = Static<typeof InvitationResult>;

export const InvitedUser = Type.Intersect([AdminUser, InvitationResult]);
export type InvitedUser = Static<typeof InvitedUser>;

/** New roles, or active/inactive; at least one of them. */
export const UserChange = Type.Object(
  {
    roles: Type.Optional(Type.Array(Role, { maxItems: ROLES.length })),
    active: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type UserChange = Static<typeof UserChange>;
