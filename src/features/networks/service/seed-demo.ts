import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import { CONFIDENTIALITY_TEXT_VERSION } from '../../../domain/network.js';
import { householdWords } from '../../../i18n/household/index.js';
import type { ConfidentialityWords } from '../../../i18n/household/types.js';
import * as demoQ from '../queries/demo.js';
import * as logQ from '../queries/log.js';
import * as q from '../queries/networks.js';
import { contactSettingsOf } from './edit-membership.js';
import { agreementText } from './sign-agreement.js';

/**
 * The demo municipality's resource-family network, once: its first resource family with four
 * foster homes that joined two months ago (signed and consented), the demo caseworker and team
 * leader supervising, the demo resource-family account linked, and a few contacts logged.
 */
export async function seedDemoNetwork(
  db: Database,
  municipalityId: number,
  emails: { resourceFamily: string; caseworkers: string[] },
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if (await demoQ.anyNetwork(tx, municipalityId)) return;
    const [family] = await demoQ.demoHouseholds(tx, municipalityId, 'resource_family', 1);
    const members = await demoQ.demoHouseholds(tx, municipalityId, 'foster', 4);
    if (!family || members.length < 3) return;
    const users = await demoQ.usersByEmail(tx, municipalityId, [
      emails.resourceFamily,
      ...emails.caseworkers,
    ]);
    const id = randomUUID();
    await q.insertNetwork(tx, municipalityId, {
      id,
      name: 'Nettverket på Heggedal',
      resourceFamilyHouseholdId: family.id,
      createdBy: null,
    });
    await q.insertNetworkMunicipality(tx, municipalityId, id, municipalityId);
    await q.insertCaseworkers(
      tx,
      municipalityId,
      id,
      users.filter((u) => emails.caseworkers.includes(u.email)).map((u) => u.id),
    );
    const account = users.find((u) => u.email === emails.resourceFamily);
    if (account) await q.insertNetworkUser(tx, municipalityId, id, account.id);
    const words = householdWords('nb').confidentiality as ConfidentialityWords;
    const joinedOn = addDays(todayInOslo(), -60);
    const { categories } = await contactSettingsOf(tx, municipalityId);
    for (const [i, member] of members.entries()) {
      const memberId = randomUUID();
      await q.insertMember(tx, municipalityId, {
        id: memberId,
        networkId: id,
        householdId: member.id,
        createdBy: null,
      });
      await demoQ.signAllAdults(tx, municipalityId, memberId, member.id, {
        version: CONFIDENTIALITY_TEXT_VERSION,
        shown: agreementText(words),
      });
      await demoQ.consentAllTeenagers(tx, municipalityId, memberId, member.id);
      await q.setJoined(tx, municipalityId, memberId, joinedOn, null);
      const category = categories[i % categories.length];
      if (category) {
        await logQ.insertContact(tx, municipalityId, {
          id: randomUUID(),
          networkId: id,
          householdId: member.id,
          date: addDays(todayInOslo(), -7 * (i + 1)),
          kind: i % 2 ? 'visit' : 'call',
          categoryId: category.id,
          note: null,
          createdBy: account?.id ?? null,
        });
      }
    }
  });
}
