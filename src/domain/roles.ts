/**
 * The roles of the SPEC and what each may do. A user may hold several roles (a team leader is
 * often also the municipality admin); permissions are the union.
 */
export const ROLES = [
  'caseworker',
  'team_leader',
  'municipality_admin',
  'programme_coordinator',
  'resource_family',
  'foster_parent',
  'family_counsellor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** households, adults, children, placements of the own municipality */
  'registry:read',
  'registry:write',
  /** cafés and gatherings, invitations, attendance */
  'events:manage',
  /** supervise resource-family networks */
  'networks:supervise',
  /** reports to the council, approvals of expenses and summaries */
  'reports:read',
  'approvals:decide',
  /** users, roles, templates, channels, integrations, the audit log */
  'users:manage',
  'settings:manage',
  'audit:read',
  /** aggregate figures across the municipalities of a programme; never personal data */
  'aggregates:read',
  /** the insight pages: aggregate figures of the own municipality (small counts hidden unless events:manage) */
  'insight:read',
  /** the resource family's own network: its families' contact details, log, gatherings */
  'network:own',
  /** a family counsellor's family homes */
  'family_homes:follow',
  /** one's own invitations and answers ("my page") */
  'self:read',
  /** answer or change one's own household's answer to an invitation ("my page") */
  'self:answer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const caseworker: Permission[] = [
  'registry:read',
  'registry:write',
  'events:manage',
  'networks:supervise',
  'insight:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  caseworker,
  team_leader: [...caseworker, 'reports:read', 'approvals:decide'],
  municipality_admin: ['users:manage', 'settings:manage', 'audit:read'],
  programme_coordinator: ['aggregates:read', 'insight:read'],
  resource_family: ['network:own'],
  foster_parent: ['self:read', 'self:answer'],
  family_counsellor: ['family_homes:follow'],
};

/** Staff roles work inside the team's pages; the others are external people with their own pages. */
export const STAFF_ROLES: readonly Role[] = [
  'caseworker',
  'team_leader',
  'municipality_admin',
  'programme_coordinator',
  'family_counsellor',
];

export function permissionsOf(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role as Role] ?? []) granted.add(permission);
  }
  return [...granted].sort();
}
