import type { Database } from '../../src/db/connection.js';
import { createProgramme } from '../../src/features/programmes/index.js';
import { createHouseholds } from './factories.js';

/** A programme of the given municipalities (phase 1 each), with its coordinators and one adviser. */
export function createTestProgramme(
  db: Database,
  municipalityIds: readonly number[],
  coordinators: readonly string[] = [],
  name = 'Styrking av fosterhjemsarbeid',
): Promise<string> {
  return createProgramme(db, {
    name,
    members: municipalityIds.map((municipalityId) => ({ municipalityId, phase: 1 })),
    coordinators,
    people: [
      {
        name: 'Randi Rådgiver',
        organisation: 'RKBU Vest',
        role: 'Veileder for prosjektleder',
        groups: ['adviser'],
      },
    ],
  });
}

/**
 * Households with one child and one placement each, as crafted for a stability figure: `spec`
 * gives each placement's start, end and end reason (the same adults for every household).
 */
export function createPlacements(
  db: Database,
  municipalityId: number,
  spec: readonly { start: string; end?: string; reason?: 'planned' | 'unplanned'; lastName?: string }[],
): Promise<string[]> {
  return createHouseholds(
    db,
    municipalityId,
    spec.map((p, i) => ({
      adults: [
        { firstName: 'Plassert', lastName: p.lastName ?? `Familie${i}`, preferredChannels: ['email'] },
      ],
      children: [{ firstName: 'Barn', birthDate: '2015-05-05' }],
      placements: [
        { childIndex: 0, startDate: p.start, endDate: p.end ?? null, endReason: p.reason ?? null },
      ],
    })),
  );
}
