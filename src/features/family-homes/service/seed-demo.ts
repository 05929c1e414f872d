import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import type { FollowUpKind } from '../../../domain/family-home.js';
import * as q from '../queries.js';

const LANGUAGES = [['dari', 'engelsk'], ['tigrinja'], ['arabisk', 'engelsk'], ['somali'], ['pashto', 'dari']];

const SPARE_YOUTH = { firstName: 'Yonas' };

const FOLLOW_UPS: { daysAgo: number; kind: FollowUpKind; note: string }[] = [
  { daysAgo: 3, kind: 'home_visit', note: 'Middag sammen. Guttene laget menyen selv; god stemning.' },
  { daysAgo: 10, kind: 'call', note: 'Fosterfar spurte om leksehjelp; tipset om biblioteket.' },
  { daysAgo: 24, kind: 'meeting', note: 'Ansvarsgruppemøte, alt går etter planen.' },
];

/**
 * The demo municipality's three family homes, once: the first three homes by name get their
 * youths (the registry's placed children: first name, birth date, the day they came, languages),
 * the demo family counsellor follows the first two (the third has none, so the limit of two shows),
 * and a few follow-ups (the meetings: family-home-meetings' seedDemoMeetings).
 */
export async function seedDemoFamilyHomes(
  db: Database,
  municipalityId: number,
  emails: { counsellor: string; caseworker: string },
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if (await q.anyYouth(tx, municipalityId)) return;
    const homes = await q.firstHomes(tx, municipalityId, 3);
    const users = await q.usersByEmail(tx, municipalityId, [emails.counsellor, emails.caseworker]);
    const counsellor = users.find((user) => user.email === emails.counsellor)?.id;
    const caseworker = users.find((user) => user.email === emails.caseworker)?.id;
    if (homes.length === 0 || !counsellor || !caseworker) return;
    const today = todayInOslo();
    let n = 0;
    for (const [index, home] of homes.entries()) {
      const placed = await q.placedChildren(tx, municipalityId, home.id);
      // A home whose registry placements have all ended still shows a youth in the demo.
      const youths =
        placed.length > 0
          ? placed
          : [
              {
                ...SPARE_YOUTH,
                birthDate: addDays(today, -16 * 365 - 40),
                arrivalDate: addDays(today, -200),
              },
            ];
      for (const child of youths) {
        await q.insertYouth(tx, municipalityId, home.id, {
          id: randomUUID(),
          ...child,
          languages: LANGUAGES[n++ % LANGUAGES.length] ?? [],
          createdBy: null,
        });
      }
      if (index < 2) {
        await q.setCounsellor(tx, municipalityId, home.id, {
          userId: counsellor,
          overrideReason: null,
          assignedBy: null,
        });
      }
      for (const entry of FOLLOW_UPS.slice(index)) {
        await q.insertFollowUp(tx, municipalityId, home.id, {
          id: randomUUID(),
          date: addDays(today, -entry.daysAgo - index),
          kind: entry.kind,
          note: entry.note,
          createdBy: index < 2 ? counsellor : caseworker,
        });
      }
    }
  });
}
