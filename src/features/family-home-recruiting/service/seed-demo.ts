import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import * as q from '../queries.js';

/** Two invented candidates, once: one in training, one just called. */
export async function seedDemoCandidates(db: Database, municipalityId: number): Promise<number> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    if (await q.hasCandidates(tx, municipalityId)) return 0;
    const today = todayInOslo();
    const trainee = await q.insertCandidate(
      tx,
      municipalityId,
      {
        name: 'Samira Haddad',
        phone: '+4791234001',
        email: null,
        languages: ['arabisk', 'norsk', 'engelsk'],
        firstContactOn: addDays(today, -95),
        notes: 'Kom via informasjonsmøtet i moskeen. Har erfaring som miljøarbeider.',
      },
      null,
    );
    await q.updateCandidateStage(
      tx,
      municipalityId,
      trainee,
      { stage: 'assessment', on: addDays(today, -70), reason: null },
      1,
    );
    await q.updateCandidateStage(
      tx,
      municipalityId,
      trainee,
      { stage: 'training', on: addDays(today, -30), reason: null },
      2,
    );
    await q.insertCandidate(
      tx,
      municipalityId,
      {
        name: 'Tesfay Gebremedhin',
        phone: null,
        email: 'tesfay.g@example.no',
        languages: ['tigrinja', 'norsk'],
        firstContactOn: addDays(today, -6),
        notes: null,
      },
      null,
    );
    return 2;
  });
}
