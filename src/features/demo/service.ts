import type { Database } from '../../db/connection.js';
import { asSystem } from '../../db/tenant.js';
import type { Role } from '../../domain/roles.js';
import { hashPassword } from '../auth/passwords.js';
import { findMunicipalityByNumber, insertAccount, insertMunicipality } from './queries.js';

/** 9999 is no real kommunenummer, so demo data can never be mistaken for a real municipality's. */
export const DEMO_MUNICIPALITY = { name: 'Demo kommune', number: '9999' };
export const DEMO_PASSWORD = 'demo-passord-2026';

export const DEMO_USERS: { email: string; firstName: string; lastName: string; role: Role }[] = [
  { email: 'saksbehandler@demo.landsby.no', firstName: 'Ingrid', lastName: 'Berg', role: 'caseworker' },
  { email: 'teamleder@demo.landsby.no', firstName: 'Ola', lastName: 'Hansen', role: 'team_leader' },
  { email: 'admin@demo.landsby.no', firstName: 'Nina', lastName: 'Lie', role: 'municipality_admin' },
  { email: 'koordinator@demo.landsby.no', firstName: 'Per', lastName: 'Dahl', role: 'programme_coordinator' },
  { email: 'ressursfamilie@demo.landsby.no', firstName: 'Hilde', lastName: 'Moen', role: 'resource_family' },
  { email: 'fosterforelder@demo.landsby.no', firstName: 'Jonas', lastName: 'Bakke', role: 'foster_parent' },
  {
    email: 'familieveileder@demo.landsby.no',
    firstName: 'Amina',
    lastName: 'Haugen',
    role: 'family_counsellor',
  },
];

/** Creates the demo municipality and one user per role, once; returns false when it already exists. */
export async function seedDemo(db: Database): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return asSystem(db, async (tx) => {
    if (await findMunicipalityByNumber(tx, DEMO_MUNICIPALITY.number)) return false;
    const municipalityId = await insertMunicipality(tx, { ...DEMO_MUNICIPALITY, isDemo: true });
    for (const user of DEMO_USERS) {
      await insertAccount(tx, { municipalityId, ...user, roles: [user.role], passwordHash });
    }
    return true;
  });
}
