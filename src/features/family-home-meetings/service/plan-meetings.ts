import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { homeOrNotFound, isUuid, type Viewer } from '../../family-homes/index.js';
import type { MeetingCalendar, MeetingInput } from '../contract.js';
import * as q from '../queries.js';

async function calendar(tx: Queryable, viewer: Viewer, householdId: string): Promise<MeetingCalendar> {
  const m = viewer.ctx.municipalityId;
  const meetings = await q.meetingsOf(tx, m, householdId);
  const today = todayInOslo();
  return {
    upcoming: meetings.filter((meeting) => meeting.date >= today),
    past: meetings.filter((meeting) => meeting.date < today).reverse(),
    staff: await q.staff(tx, m),
  };
}

/** The home's calendar of meetings the team joins, and the staff who can take part. */
export function getMeetings(deps: Deps, viewer: Viewer, householdId: string): Promise<MeetingCalendar> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const result = await calendar(tx, viewer, home.id);
    await audit(tx, viewer.ctx, {
      action: 'read',
      recordType: 'family_home_meeting',
      recordId: home.id,
      subjectId: home.id,
    });
    return result;
  });
}

/** Puts a meeting in the home's calendar with who from the team takes part. */
export function planMeeting(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  input: MeetingInput,
): Promise<MeetingCalendar> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const m = viewer.ctx.municipalityId;
    const staffIds = new Set((await q.staff(tx, m)).map((person) => person.id));
    const unknown = input.participantUserIds.findIndex((id) => !staffIds.has(id));
    if (unknown >= 0) throw invalid([{ field: `participantUserIds.${unknown}`, rule: 'staff' }]);
    if (input.date < todayInOslo()) throw invalid([{ field: 'date', rule: 'past' }]);
    const id = randomUUID();
    await q.insertMeeting(tx, m, home.id, {
      id,
      date: input.date,
      startTime: input.startTime,
      kind: input.kind,
      place: input.place.trim(),
      participantUserIds: input.participantUserIds,
      createdBy: viewer.ctx.userId,
    });
    await audit(tx, viewer.ctx, {
      action: 'create',
      recordType: 'family_home_meeting',
      recordId: id,
      subjectId: home.id,
      details: { kind: input.kind, participants: input.participantUserIds.length },
    });
    return calendar(tx, viewer, home.id);
  });
}

/** Takes a meeting out of the calendar (cancelled). */
export function cancelMeeting(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  meetingId: string,
): Promise<MeetingCalendar> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const m = viewer.ctx.municipalityId;
    if (!isUuid(meetingId) || !(await q.meetingExists(tx, m, home.id, meetingId))) throw notFound();
    await q.deleteMeeting(tx, m, meetingId);
    await audit(tx, viewer.ctx, {
      action: 'delete',
      recordType: 'family_home_meeting',
      recordId: meetingId,
      subjectId: home.id,
    });
    return calendar(tx, viewer, home.id);
  });
}
