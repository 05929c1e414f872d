import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import type { AnswerInput } from '../answers/queries.js';
import { type AnswerStatus, saveAnswer } from '../answers/service.js';
import { audit } from '../audit/index.js';
import * as q from './queries.js';

/** The logged-in person: their tenant context and the e-mail that links them to households. */
export interface Me extends TenantContext {
  email: string;
}

export interface MyEvent {
  eventId: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: q.MyEventRow['venue'];
  programme: { kind: string; title: string; minutes: number | null; speaker: string | null }[];
  hosts: string[];
  registration: q.MyEventRow['registration'];
  deadline: string | null;
  household: { id: string; firstNames: string[] };
  answer: {
    response: q.Response;
    adults: number;
    children: number;
    diet: string[];
    dietNote: string | null;
    comment: string | null;
  } | null;
  status: AnswerStatus | null;
  place: number | null;
  /** The household may still answer or change its answer here (not started, deadline not passed). */
  canChange: boolean;
}

function statusOf(row: q.MyEventRow): AnswerStatus | null {
  if (!row.response) return null;
  if (row.response === 'coming') return row.place === null ? 'confirmed' : 'waiting';
  return row.response;
}

function present(row: q.MyEventRow, households: Map<string, q.MyHousehold>): MyEvent {
  const today = todayInOslo();
  const started = new Date(row.startsAt).getTime() <= Date.now();
  const deadlinePassed = row.deadline !== null && today > row.deadline;
  return {
    eventId: row.eventId,
    title: row.title,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    venue: row.venue,
    programme: row.programme,
    hosts: row.hosts,
    registration: row.registration,
    deadline: row.deadline,
    household: { id: row.householdId, firstNames: households.get(row.householdId)?.firstNames ?? [] },
    answer: row.response
      ? {
          response: row.response,
          adults: row.adults ?? 0,
          children: row.children ?? 0,
          diet: row.diet ?? [],
          dietNote: row.dietNote,
          comment: row.comment,
        }
      : null,
    status: statusOf(row),
    place: row.place,
    canChange: !started && !deadlinePassed,
  };
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
    return rows.map((row) => present(row, households));
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
      throw new AppError('validation.invalid', 400, [{ field: 'householdId', rule: 'required' }]);
    }
    return chosen[0] as { invitationId: string; householdId: string };
  });
  const saved = await saveAnswer(deps, me, invitation.invitationId, answer, 'household');
  return inTenant(deps.db, me, async (tx) => {
    const households = await myHouseholds(tx, me);
    const row = await q.invitationCard(tx, me.municipalityId, invitation.invitationId);
    if (!row) throw notFound();
    return { ...present(row, households), status: saved.status, place: saved.place };
  });
}
