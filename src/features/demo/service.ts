import type { Database } from '../../db/connection.js';
import { asSystem } from '../../db/tenant.js';
import type { Role } from '../../domain/roles.js';
import { hashPassword } from '../auth/index.js';
import { seedDemoCourses } from '../courses/index.js';
import { seedDemoCosts } from '../family-home-costs/index.js';
import { seedDemoMeetings } from '../family-home-meetings/index.js';
import { seedDemoCandidates } from '../family-home-recruiting/index.js';
import { seedDemoFamilyHomes } from '../family-homes/index.js';
import { seedDemoCohorts, seedDemoJointCohort } from '../good-start/index.js';
import { seedDemoHousing } from '../housing/index.js';
import { seedDemoNetwork } from '../networks/index.js';
import { findMunicipalityByNumber, insertAccount, insertMunicipality } from './queries.js';
import { seedDemoHistory } from './service/seed-history.js';
import { seedDemoHouseholds } from './service/seed-households.js';
import { seedDemoProgramme } from './service/seed-programme.js';

/** 9999 is no real kommunenummer, so demo data can never be mistaken for a real municipality's. */
const DEMO_MUNICIPALITY = { name: 'Demo kommune', number: '9999' };
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

/**
 * Creates the demo municipality and one user per role, once, and its invented households (once:
 * while it has none). Returns false when the municipality already existed.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  const { municipalityId, created } = await asSystem(db, async (tx) => {
    const existing = await findMunicipalityByNumber(tx, DEMO_MUNICIPALITY.number);
    if (existing) return { municipalityId: existing, created: false };
    // Hashed only when the accounts are made: argon2 is slow by design, and every start came here.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const municipalityId = await insertMunicipality(tx, { ...DEMO_MUNICIPALITY, isDemo: true });
    for (const user of DEMO_USERS) {
      await insertAccount(tx, { municipalityId, ...user, roles: [user.role], passwordHash });
    }
    return { municipalityId, created: true };
  });
  // Households are programme data: written as the demo municipality, not as landsby_system.
  await seedDemoHouseholds(db, municipalityId);
  await seedDemoHistory(db, municipalityId);
  await seedDemoNetwork(db, municipalityId, {
    resourceFamily: 'ressursfamilie@demo.landsby.no',
    caseworkers: ['saksbehandler@demo.landsby.no', 'teamleder@demo.landsby.no'],
  });
  // The demo network's resource family has Solid and the intro course, as the rules ask.
  await seedDemoCourses(db, municipalityId);
  await seedDemoFamilyHomes(db, municipalityId, {
    counsellor: 'familieveileder@demo.landsby.no',
    caseworker: 'saksbehandler@demo.landsby.no',
  });
  await seedDemoMeetings(db, municipalityId, [
    'familieveileder@demo.landsby.no',
    'saksbehandler@demo.landsby.no',
  ]);
  // After the family homes: each of them gets an occupied unit.
  await seedDemoHousing(db, municipalityId);
  await seedDemoCandidates(db, municipalityId);
  await seedDemoCosts(db, municipalityId);
  // The inter-municipal programme with two invented neighbours (before En god start's cohorts, which belong to it).
  await seedDemoProgramme(db, municipalityId);
  // En god start: a cohort under way and the next one, after the programme the demo is a member of.
  await seedDemoCohorts(db, municipalityId, ['saksbehandler@demo.landsby.no', 'teamleder@demo.landsby.no']);
  // The cohort under way is a joint one: Nordvik (9998), a neighbour in the programme, takes part.
  const nordvik = await asSystem(db, (tx) => findMunicipalityByNumber(tx, '9998'));
  if (nordvik) await seedDemoJointCohort(db, municipalityId, nordvik);
  return created;
}
