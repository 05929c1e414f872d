import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/domain/roles.js';
import type { SessionUser } from '../../src/features/auth/contract.js';
import { areasFor } from '../../src/web/app/navigation.js';

function user(roles: string[], inProgramme: boolean): SessionUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    firstName: 'Kari',
    lastName: 'Nordmann',
    email: 'kari@kommune.no',
    roles,
    permissions: permissionsOf(roles),
    locale: 'nb',
    municipality: { id: 1, name: 'Kommune', isDemo: false, inProgramme },
  };
}

const menu = (u: SessionUser) => areasFor(u).map((area) => area.key);

describe('the «Program» menu item', () => {
  it('shows for a team leader whose municipality is a member of a programme', () => {
    expect(menu(user(['team_leader'], true))).toContain('programme');
  });

  it('stays away for a team leader whose municipality is in no programme, with the insight item still there', () => {
    const items = menu(user(['team_leader'], false));
    expect(items).toContain('insight');
    expect(items).not.toContain('programme');
  });

  it('shows for a programme coordinator even when their home municipality is in no programme', () => {
    expect(menu(user(['programme_coordinator'], false))).toContain('programme');
  });

  it('never shows for a municipality admin, who has no insight, programme or not', () => {
    expect(permissionsOf(['municipality_admin'])).not.toContain('insight:read');
    expect(menu(user(['municipality_admin'], true))).not.toContain('programme');
  });
});
