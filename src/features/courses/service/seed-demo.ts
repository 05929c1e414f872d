import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import { INTRO_COURSE_PART_HOURS, INTRO_COURSE_PARTS } from '../../../domain/course.js';
import * as q from '../queries.js';
import { addCompletion, courseOfKind } from './keep-register.js';

/**
 * The demo municipality's course register, once: every adult of its resource families has
 * completed Solid (the prerequisite, so the team can make networks around them), the first
 * resource family (the demo network's, «Nettverket på Heggedal») has had both conversations of
 * the intro course, and the first foster homes' adults have taken PRIDE.
 */
export async function seedDemoCourses(db: Database, municipalityId: number): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if (await q.anyCompletion(tx, municipalityId)) return;
    const today = todayInOslo();
    const solid = await courseOfKind(tx, municipalityId, 'solid');
    const families = await q.adultsOfKind(tx, municipalityId, 'resource_family', 40);
    for (const [i, adult] of families.entries()) {
      await addCompletion(tx, ctx, {
        courseId: solid,
        adultId: adult.id,
        completedOn: addDays(today, -400 - 30 * i),
        hours: 15,
        givenBy: 'Bufetat, region øst',
      });
    }
    const first = families[0]?.householdId;
    const intro = await courseOfKind(tx, municipalityId, 'resource_family_intro');
    for (const adult of families.filter((a) => a.householdId === first)) {
      for (let part = 1; part <= INTRO_COURSE_PARTS; part++) {
        await addCompletion(tx, ctx, {
          courseId: intro,
          adultId: adult.id,
          completedOn: addDays(today, -90 + 14 * part),
          hours: INTRO_COURSE_PART_HOURS,
          givenBy: 'Barneverntjenesten og SOS-barnebyer',
          part,
        });
      }
    }
    const pride = await courseOfKind(tx, municipalityId, 'pride');
    for (const [i, adult] of (await q.adultsOfKind(tx, municipalityId, 'foster', 12)).entries()) {
      await addCompletion(tx, ctx, {
        courseId: pride,
        adultId: adult.id,
        completedOn: addDays(today, -700 - 45 * i),
        hours: 27,
        givenBy: 'Bufetat, region øst',
      });
    }
  });
}
