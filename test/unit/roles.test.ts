import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLE_PERMISSIONS, ROLES } from '../../src/domain/roles.js';

describe('roles and permissions', () => {
  it('gives every role of the SPEC at least one permission', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length, role).toBeGreaterThan(0);
  });

  it('gives a team leader everything a caseworker has, plus reports and approvals', () => {
    const caseworker = permissionsOf(['caseworker']);
    const leader = permissionsOf(['team_leader']);
    expect(leader).toEqual(expect.arrayContaining(caseworker));
    expect(leader).toEqual(expect.arrayContaining(['reports:read', 'approvals:decide']));
  });

  it('keeps personal data of the registry from the coordinator, the resource family and the foster parent', () => {
    for (const role of ['programme_coordinator', 'resource_family', 'foster_parent'] as const) {
      expect(permissionsOf([role]), role).not.toContain('registry:read');
    }
    expect(permissionsOf(['programme_coordinator'])).toEqual(['aggregates:read', 'insight:read']);
  });

  it('lets the foster parent read and answer its own invitations, and nothing of the team', () => {
    expect(permissionsOf(['foster_parent'])).toEqual(['self:answer', 'self:read']);
    expect(permissionsOf(['caseworker'])).not.toContain('self:answer');
  });

  it('joins the permissions of several roles and ignores unknown ones', () => {
    expect(permissionsOf(['municipality_admin', 'caseworker', 'no_such_role'])).toEqual(
      expect.arrayContaining(['users:manage', 'audit:read', 'registry:write']),
    );
  });
});
