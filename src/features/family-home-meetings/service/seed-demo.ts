import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import * as q from '../queries.js';

/**
 * The demo's meetings, once: a responsibility group meeting tomorrow with the first family home
 * (so the reminder goes out in the demo) and a school meeting next week with the second, with the
 * demo family counsellor and caseworker taking part.
 */
export async function seedDemoMeetings(
  db: Database,
  municipalityId: number,
  emails: string[],
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if (await q.anyMeeting(tx, municipalityId)) return;
    const [first, second] = await q.firstHomes(tx, municipalityId, 2);
    const participantUserIds = (await q.usersByEmail(tx, municipalityId, emails)).map((user) => user.id);
    if (!first || participantUserIds.length === 0) return;
    const today = todayInOslo();
    const meetings = [
      {
        home: first.id,
        date: addDays(today, 1),
        startTime: '14:00',
        kind: 'responsibility_group' as const,
        place: 'Heggedal skole, møterom 1',
      },
      ...(second
        ? [
            {
              home: second.id,
              date: addDays(today, 7),
              startTime: '08:30',
              kind: 'school' as const,
              place: 'Asker videregående skole',
            },
          ]
        : []),
    ];
    for (const meeting of meetings) {
      await q.insertMeeting(tx, municipalityId, meeting.home, {
        id: randomUUID(),
        ...meeting,
        participantUserIds,
        createdBy: null,
      });
    }
  });
}
