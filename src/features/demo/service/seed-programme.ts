import type { Database } from '../../../db/connection.js';
import { asSystem } from '../../../db/tenant.js';
import { createProgramme } from '../../programmes/index.js';
import {
  findMunicipalityByNumber,
  findProgrammeByName,
  findUserIdByEmail,
  insertMunicipality,
} from '../queries.js';
import { seedDemoHouseholds } from './seed-households.js';

// The demo's inter-municipal programme (seed 002): the demo municipality and two more invented
// ones (kommunenummer 9998 and 9997, which no real municipality has), each with its own invented
// households and placements so the stability figures show; the demo coordinator (Per Dahl)
// belongs to it. Made once: while no programme of that name exists.

export const DEMO_PROGRAMME = 'Styrking av fosterhjemsarbeid (demo)';
const NEIGHBOURS = [
  { name: 'Nordvik (demo)', number: '9998', seed: 9998, phase: 2, done: ['start_package'] },
  { name: 'Sørvik (demo)', number: '9997', seed: 9997, phase: 1, done: ['project_group', 'mapped'] },
];

export async function seedDemoProgramme(db: Database, municipalityId: number): Promise<void> {
  const found = await asSystem(db, async (tx) => ({
    exists: Boolean(await findProgrammeByName(tx, DEMO_PROGRAMME)),
    coordinator: await findUserIdByEmail(tx, 'koordinator@demo.landsby.no'),
  }));
  if (found.exists || !found.coordinator) return;
  const neighbours: number[] = [];
  for (const n of NEIGHBOURS) {
    const id = await asSystem(
      db,
      async (tx) =>
        (await findMunicipalityByNumber(tx, n.number)) ??
        insertMunicipality(tx, { name: n.name, number: n.number, isDemo: true }),
    );
    await seedDemoHouseholds(db, id, { count: 80, seed: n.seed });
    neighbours.push(id);
  }
  await createProgramme(db, {
    name: DEMO_PROGRAMME,
    members: [
      { municipalityId, phase: 3, done: ['contact_persons_trained'] },
      ...NEIGHBOURS.map((n, i) => ({
        municipalityId: neighbours[i] as number,
        phase: n.phase,
        done: n.done,
      })),
    ],
    coordinators: [found.coordinator],
    people: [
      {
        name: 'Per Dahl',
        organisation: 'Demo kommune',
        role: 'Prosjektleder',
        email: 'koordinator@demo.landsby.no',
        groups: ['steering', 'working'],
      },
      {
        name: 'Ola Hansen',
        organisation: 'Demo kommune',
        role: 'Barnevernleder',
        groups: ['steering'],
        representsMunicipality: municipalityId,
      },
      {
        name: 'Solveig Nes',
        organisation: 'Nordvik (demo)',
        role: 'Barnevernleder',
        groups: ['steering'],
        representsMunicipality: neighbours[0] as number,
      },
      {
        name: 'Trond Vik',
        organisation: 'Sørvik (demo)',
        role: 'Barnevernleder',
        groups: ['steering'],
        representsMunicipality: neighbours[1] as number,
      },
      {
        name: 'Ingrid Berg',
        organisation: 'Demo kommune',
        role: 'Kontaktperson',
        groups: ['working'],
        representsMunicipality: municipalityId,
      },
      {
        name: 'Marte Sæle',
        organisation: 'Nordvik (demo)',
        role: 'Kontaktperson',
        groups: ['working'],
        representsMunicipality: neighbours[0] as number,
      },
      {
        name: 'Jannicke Lund',
        organisation: 'Sørvik (demo)',
        role: 'Kontaktperson',
        groups: ['working'],
        representsMunicipality: neighbours[1] as number,
      },
      {
        name: 'Janne Vold',
        organisation: 'Bufetat, region vest',
        role: 'Bufetats kontaktperson',
        groups: ['steering', 'working'],
      },
      {
        name: 'Randi Berge',
        organisation: 'RKBU Vest',
        role: 'Veileder for prosjektlederen',
        groups: ['adviser'],
      },
    ],
  });
}
