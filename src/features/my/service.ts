import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import type { AnswerInput } from '../../domain/answer.js';
import type { Deps } from '../../server/deps.js';
import { invalid, notFound } from '../../server/errors.js';
import { placesInLine, saveAnswer } from '../answers/index.js';
import { audit } from '../audit/index.js';
import type { MyEvent } from './contract.js';
import { presentMyEvent } from './present.js';
import * as q from './queries.js';

/** The logged-in person: their tenant context and the e-mail that links them to households. */
export interface Me extends TenantContext {
  email: string;
}

async function myHouseholds(tx: Queryable, me: Me): Promise<Map<string, q.MyHousehold>> {
  const rows = await q.householdsByEmail(tx, me.municipalityId, me.email);
  return new Map(rows.map((h) => [h.id, h]));
}

/**
 * The upcoming events (neither cancelled nor over) that the person's households are invited to,
 * with their answers. A person is linked to the households of their municipality that have an
 * adult with their e-mail address; none, and the list is empty. Audited as a read of each
 * household shown.
 */
export async function myEvents(deps: Deps, me: Me): Promise<MyEvent[]> {
  return inTenant(deps.db, me, async (tx) => {
    const households = await myHouseholds(tx, me);
    const rows = await q.upcomingInvitations(tx, me.municipalityId, [...households.keys()]);
    const shown = [...new Set(rows.map((row) => row.householdId))];
    for (const householdId of shown) {
      await audit(tx, me, {
        action: 'read',
        recordType: 'household',
        recordId: householdId,
        subjectId: householdId,
        details: { via: 'my_page', events: rows.filter((row) => row.householdId === householdId).length },
      });
    }
    const places = await placesInLine(
      tx,
      me.municipalityId,
      rows.map((row) => row.invitationId),
    );
    return rows.map((row) => presentMyEvent(row, places.get(row.invitationId) ?? null, households));
  });
}

/**
 * The person's answer to an event, for one of their households (`householdId` is needed only
 * when more than one of them is invited). 404 when none of their households is invited: another
 * municipality's event, someone else's, or one that does not exist, all alike.
 */
export async function answerMyEvent(
  deps: Deps,
  me: Me,
  eventId: string,
  input: AnswerInput & { householdId?: string },
): Promise<MyEvent> {
  const { householdId, ...answer } = input;
  const invitation = await inTenant(deps.db, me, async (tx) => {
    const households = await myHouseholds(tx, me);
    const invitations = await q.invitationsTo(tx, me.municipalityId, eventId, [...households.keys()]);
    const chosen = householdId ? invitations.filter((i) => i.householdId === householdId) : invitations;
    if (chosen.length === 0) throw notFound();
    if (chosen.length > 1) {
      throw invalid([{ field: 'householdId', rule: 'required' }]);
    }
    return chosen[0] as { invitationId: string; householdId: string };
  });
  const saved = await saveAnswer(deps, me, invitation.invitationId, answer, 'household');
  return inTenant(deps.db, me, async (tx) => {
    const households = await myHouseholds(tx, me);
    const row = await q.invitationCard(tx, me.municipalityId, invitation.invitationId);
    if (!row) throw notFound();
    return presentMyEvent(row, saved.place, households);
  });
}
