import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { addDays, isIsoDate, isLocalTime, todayInOslo, zonedInstant } from '../../domain/calendar.js';
import { sessionTitle, THEMES, type Theme } from '../../domain/good-start.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { addCompletion, courseOfKind } from '../courses/index.js';
import { insertEvent } from '../events/index.js';
import { listVenueFacts, venueIdsExisting } from '../venues/index.js';
import type { CohortChoices, CohortInput, CohortList, CohortView } from './contract.js';
import { hostSessions } from './queries/joint.js';
import * as q from './queries.js';
import { showJoint } from './service/show-joint.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cohort, or 404 (none, or of a municipality that is neither its host nor a partner). */
export async function cohortOrNotFound(tx: Queryable, ctx: TenantContext, cohortId: string) {
  const cohort = await q.findCohort(tx, ctx.municipalityId, cohortId);
  if (!cohort) throw notFound();
  return cohort;
}

export async function listCohorts(deps: Deps, ctx: TenantContext): Promise<CohortList> {
  return inTenant(deps.db, ctx, async (tx) => ({ cohorts: await q.listCohorts(tx, ctx.municipalityId) }));
}

export async function cohortChoices(deps: Deps, ctx: TenantContext): Promise<CohortChoices> {
  return inTenant(deps.db, ctx, async (tx) => {
    const households = await q.listHouseholds(tx, ctx.municipalityId);
    await auditListRead(
      tx,
      ctx,
      'household',
      households.map((h) => h.id),
    );
    return {
      staff: await q.listStaff(tx, ctx.municipalityId),
      programmes: await q.listProgrammes(tx, ctx.municipalityId),
      households,
    };
  });
}

/** The cohort page: sessions, contact persons, attendance per household and session, offers. */
export async function cohortView(tx: Queryable, ctx: TenantContext, cohortId: string): Promise<CohortView> {
  const cohort = await cohortOrNotFound(tx, ctx, cohortId);
  const sessions = await q.listSessions(tx, ctx.municipalityId, cohortId);
  const members = await q.listMembers(tx, ctx.municipalityId, cohortId);
  const offers = await q.listOffers(tx, ctx.municipalityId, cohortId);
  await auditListRead(tx, ctx, 'household', [
    ...new Set([...members.map((m) => m.householdId), ...offers.map((o) => o.householdId)]),
  ]);
  return {
    id: cohort.id,
    name: cohort.name,
    startsOn: cohort.startsOn,
    programme: cohort.programmeId ? { id: cohort.programmeId, name: cohort.programmeName ?? '' } : null,
    ...(await showJoint(tx, ctx, cohort, sessions)),
    venueChoices: (await listVenueFacts(tx, ctx.municipalityId, 'false')).map((v) => ({
      id: v.id,
      name: v.name,
    })),
    sessions,
    leaders: await q.listLeaders(tx, ctx.municipalityId, cohortId),
    members: members.map((m) => ({
      householdId: m.householdId,
      name: m.name,
      attendance: sessions.map((s) => ({
        eventId: s.eventId,
        mark: m.presentAt.includes(s.eventId) ? ('present' as const) : s.held ? ('absent' as const) : null,
      })),
    })),
    offers,
  };
}

export async function getCohort(deps: Deps, ctx: TenantContext, cohortId: string): Promise<CohortView> {
  return inTenant(deps.db, ctx, (tx) => cohortView(tx, ctx, cohortId));
}

async function checkLeaders(tx: Queryable, ctx: TenantContext, userIds: string[], errors: FieldError[]) {
  const staff = await q.staffIds(tx, ctx.municipalityId, userIds);
  userIds.forEach((id, i) => {
    if (!staff.has(id)) errors.push({ field: `leaderUserIds.${i}`, rule: 'unknown' });
  });
}

/** Checks a new cohort's form against the registry: every problem at once. */
async function checkCohort(tx: Queryable, ctx: TenantContext, input: CohortInput) {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', rule: 'required' });
  if (!isIsoDate(input.firstDate)) errors.push({ field: 'firstDate', rule: 'date' });
  if (!isLocalTime(input.startTime)) errors.push({ field: 'startTime', rule: 'time' });
  if (!isLocalTime(input.endTime)) errors.push({ field: 'endTime', rule: 'time' });
  else if (input.endTime <= input.startTime) errors.push({ field: 'endTime', rule: 'after_start' });
  if (errors.length > 0) throw invalid(errors);
  const leaders = [...new Set(input.leaderUserIds)];
  const households = [...new Set(input.householdIds)];
  await checkLeaders(tx, ctx, leaders, errors);
  const active = await q.activeHouseholds(tx, ctx.municipalityId, households);
  households.forEach((id, i) => {
    if (!active.has(id)) errors.push({ field: `householdIds.${i}`, rule: 'unknown' });
  });
  const venueId = input.venueId ?? null;
  if (venueId && !(await venueIdsExisting(tx, ctx.municipalityId, [venueId])).has(venueId))
    errors.push({ field: 'venueId', rule: 'unknown' });
  const programmeId = input.programmeId ?? null;
  if (programmeId && !(await q.isProgrammeMember(tx, ctx.municipalityId, programmeId)))
    errors.push({ field: 'programmeId', rule: 'unknown' });
  if (errors.length > 0) throw invalid(errors);
  return { name, leaders, households, venueId, programmeId };
}

/**
 * Writes a checked cohort in the caller's transaction: its six sessions as events of kind
 * good_start_session (every intervalDays from the first), its leaders as the hosts, its households
 * in the audience of the sessions to come. Returns the cohort's id and the sessions' event ids.
 */
export async function writeCohort(
  tx: Queryable,
  ctx: TenantContext,
  input: CohortInput,
): Promise<{ id: string; sessions: string[] }> {
  const { name, leaders, households, venueId, programmeId } = await checkCohort(tx, ctx, input);
  const id = randomUUID();
  await q.insertCohort(
    tx,
    ctx.municipalityId,
    { id, name, startsOn: input.firstDate, programmeId },
    ctx.userId,
  );
  const sessions = await writeSessions(
    tx,
    ctx,
    id,
    THEMES.map((theme) => ({
      theme,
      date: addDays(input.firstDate, (theme - 1) * input.intervalDays),
      startTime: input.startTime,
      endTime: input.endTime,
    })),
    venueId,
  );
  await q.setLeaders(tx, ctx.municipalityId, id, leaders);
  for (const householdId of households) await q.addMember(tx, ctx.municipalityId, id, householdId);
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'cohort',
    recordId: id,
    details: { households, leaders },
  });
  return { id, sessions };
}

/**
 * The municipality's six session events of a cohort (kind good_start_session), each on its date;
 * returns their event ids by theme.
 */
async function writeSessions(
  tx: Queryable,
  ctx: TenantContext,
  cohortId: string,
  dates: { theme: Theme; date: string; startTime: string; endTime: string }[],
  venueId: string | null,
): Promise<string[]> {
  const sessions: string[] = [];
  for (const { theme, date, startTime, endTime } of dates) {
    const eventId = randomUUID();
    await insertEvent(
      tx,
      ctx.municipalityId,
      eventId,
      {
        kind: 'good_start_session',
        title: sessionTitle(theme),
        date,
        startTime,
        endTime,
        startsAt: zonedInstant(date, startTime),
        endsAt: zonedInstant(date, endTime),
        venueId,
        capacity: null,
        food: false,
        registration: 'optional',
        deadline: null,
        programme: [],
      },
      ctx.userId,
    );
    await q.insertSession(tx, ctx.municipalityId, cohortId, eventId, theme);
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'event',
      recordId: eventId,
      details: { cohort: cohortId },
    });
    sessions.push(eventId);
  }
  return sessions;
}

/**
 * A partner municipality's own six sessions of a joint cohort, made with its first household: the
 * host's themes, dates and times, so the partner invites its households through its own sending
 * (their contact details never leave it). Without a venue: the partner chooses one of its own for
 * all of them at once (service/set-venue.ts).
 */
export async function ensurePartnerSessions(tx: Queryable, ctx: TenantContext, cohort: q.CohortRow) {
  if (cohort.municipalityId === ctx.municipalityId) return;
  if ((await q.listSessions(tx, ctx.municipalityId, cohort.id)).length > 0) return;
  await writeSessions(tx, ctx, cohort.id, await hostSessions(tx, cohort.id), null);
}

/** A new cohort with its six sessions as events of kind good_start_session, its leaders and households. */
export async function createCohort(deps: Deps, ctx: TenantContext, input: CohortInput): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => cohortView(tx, ctx, (await writeCohort(tx, ctx, input)).id));
}

export async function addMember(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  householdId: string,
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const cohort = await cohortOrNotFound(tx, ctx, cohortId);
    if (!(await q.activeHouseholds(tx, ctx.municipalityId, [householdId])).has(householdId))
      throw invalid([{ field: 'householdId', rule: 'unknown' }]);
    await ensurePartnerSessions(tx, ctx, cohort);
    if (await q.addMember(tx, ctx.municipalityId, cohortId, householdId))
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'cohort_member',
        recordId: cohortId,
        subjectId: householdId,
      });
    return cohortView(tx, ctx, cohortId);
  });
}

export async function removeMember(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  householdId: string,
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await cohortOrNotFound(tx, ctx, cohortId);
    if (!UUID.test(householdId) || !(await q.removeMember(tx, ctx.municipalityId, cohortId, householdId)))
      throw notFound();
    await audit(tx, ctx, {
      action: 'delete',
      recordType: 'cohort_member',
      recordId: cohortId,
      subjectId: householdId,
    });
    return cohortView(tx, ctx, cohortId);
  });
}

export async function setLeaders(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  userIds: string[],
): Promise<CohortView> {
  const leaders = [...new Set(userIds)];
  return inTenant(deps.db, ctx, async (tx) => {
    await cohortOrNotFound(tx, ctx, cohortId);
    const errors: FieldError[] = [];
    await checkLeaders(tx, ctx, leaders, errors);
    if (errors.length > 0)
      throw invalid(errors.map((e) => ({ ...e, field: e.field.replace('leaderUserIds', 'userIds') })));
    await q.setLeaders(tx, ctx.municipalityId, cohortId, leaders);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'cohort',
      recordId: cohortId,
      details: { leaders },
    });
    return cohortView(tx, ctx, cohortId);
  });
}

/**
 * «Tilbys neste kull»: adds a household of this cohort that missed a session to the audience of
 * the next cohort's session of the same theme (then the session's sending page invites it).
 */
export async function offerNextSession(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  offer: { householdId: string; eventId: string },
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await cohortOrNotFound(tx, ctx, cohortId);
    const offers = await q.listOffers(tx, ctx.municipalityId, cohortId);
    if (!offers.some((o) => o.householdId === offer.householdId && o.eventId === offer.eventId))
      throw invalid([{ field: 'eventId', rule: 'not_offered' }]);
    await q.includeInvitee(tx, ctx.municipalityId, offer.eventId, offer.householdId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event_invitee',
      recordId: offer.eventId,
      subjectId: offer.householdId,
      details: { included: true, offeredFrom: cohortId },
    });
    return cohortView(tx, ctx, cohortId);
  });
}

/** The cohort's households (for the evaluation links); undefined when no cohort of this municipality. */
export async function cohortHouseholds(tx: Queryable, municipalityId: number, cohortId: string) {
  if (!(await q.findCohort(tx, municipalityId, cohortId))) return undefined;
  return q.listMembers(tx, municipalityId, cohortId);
}

/**
 * The demo municipality's cohorts, once: «Høstkullet» under way (sessions 1–3 held with attendance,
 * one home missing session 2, another session 3; 4–6 to come), led by the demo caseworker (trained
 * as a contact person) and team leader, in the demo's programme if it has one; and «Vårkullet»
 * starting later, whose sessions are offered to those who missed one.
 */
export async function seedDemoCohorts(
  db: Database,
  municipalityId: number,
  leaderEmails: string[],
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if (await q.anyCohort(tx, municipalityId)) return;
    const homes = (await q.demoFosterHomes(tx, municipalityId, 4, 9)).map((h) => h.id);
    if (homes.length < 6) return;
    const leaders = (await q.usersByEmail(tx, municipalityId, leaderEmails)).map((u) => u.id);
    const programmeId = await q.firstProgramme(tx, municipalityId);
    const today = todayInOslo();
    const common = {
      startTime: '18:00',
      endTime: '20:30',
      intervalDays: 14,
      leaderUserIds: leaders,
      programmeId,
    };
    const autumn = await writeCohort(tx, ctx, {
      ...common,
      name: 'Høstkullet',
      firstDate: addDays(today, -35),
      householdIds: homes.slice(0, 6),
    });
    await writeCohort(tx, ctx, {
      ...common,
      name: 'Vårkullet',
      firstDate: addDays(today, 10),
      householdIds: homes.slice(6),
    });
    const [s1, s2, s3] = autumn.sessions;
    for (const [i, home] of homes.slice(0, 6).entries()) {
      if (s1) await q.insertPresent(tx, municipalityId, s1, home);
      if (s2 && i !== 2) await q.insertPresent(tx, municipalityId, s2, home);
      if (s3 && i !== 4) await q.insertPresent(tx, municipalityId, s3, home);
    }
    const [trained] = leaders;
    if (trained) {
      const courseId = await courseOfKind(tx, municipalityId, 'contact_person_training');
      await addCompletion(tx, ctx, {
        courseId,
        userId: trained,
        completedOn: addDays(today, -120),
        hours: 12,
      });
    }
  });
}
