import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { isIsoDate, todayInOslo } from '../../domain/calendar.js';
import { staffText } from '../../i18n/staff.js';
import type { Deps } from '../../server/deps.js';
import { invalid, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import type {
  AttendanceInput,
  JointMeeting,
  JointMeetingInput,
  JointMeetingList,
  JointMeetingView,
} from './contract.js';
import { meetingPassed, nobodyToInvite } from './errors.js';
import * as q from './queries.js';

// The quarterly joint meeting: one municipality plans it and names the others; each invites and
// records its own people. What another municipality's people are is never read here: the counts
// table is all a municipality gets of them (and row-level security keeps it so underneath).

const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

function present(ctx: TenantContext, row: q.MeetingRow): JointMeeting {
  return {
    id: row.id,
    date: row.date,
    startTime: row.startTime,
    link: row.link,
    plannedBy: { id: row.municipalityId, name: row.plannedByName },
    ownPlan: row.municipalityId === ctx.municipalityId,
    participants: row.participants.map((p) => ({
      municipality: { id: p.id, name: p.name },
      invited: p.invited,
      attended: p.attended,
    })),
  };
}

async function meetingOrNotFound(tx: Queryable, ctx: TenantContext, id: string) {
  const row = await q.findMeeting(tx, ctx.municipalityId, id);
  if (!row) throw notFound();
  return row;
}

async function viewOf(tx: Queryable, ctx: TenantContext, row: q.MeetingRow): Promise<JointMeetingView> {
  const invitees = await q.inviteesOf(tx, ctx.municipalityId, row.id);
  await audit(tx, ctx, {
    action: 'read',
    recordType: 'joint_meeting',
    recordId: row.id,
    details: { invitees: invitees.length },
  });
  return { meeting: present(ctx, row), invitees };
}

export function listMeetings(deps: Deps, ctx: TenantContext): Promise<JointMeetingList> {
  return inTenant(deps.db, ctx, async (tx) => ({
    meetings: (await q.meetingsOf(tx, ctx.municipalityId)).map((row) => present(ctx, row)),
  }));
}

/** Plans a meeting: the own municipality takes part whether it is named or not. */
export function planMeeting(deps: Deps, ctx: TenantContext, input: JointMeetingInput): Promise<JointMeeting> {
  if (!isIsoDate(input.date)) throw invalid([{ field: 'date', rule: 'date' }]);
  if (input.date < todayInOslo()) throw invalid([{ field: 'date', rule: 'past' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const numbers = [...new Set(input.municipalityNumbers)];
    const others = await q.municipalitiesByNumber(tx, numbers);
    if (others.length !== numbers.length) throw invalid([{ field: 'municipalityNumbers', rule: 'unknown' }]);
    const ids = [...new Set([ctx.municipalityId, ...others])];
    const id = randomUUID();
    await q.insertMeeting(tx, ctx.municipalityId, {
      id,
      date: input.date,
      startTime: input.startTime,
      link: input.link.trim(),
      municipalityIds: ids,
      createdBy: ctx.userId,
    });
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'joint_meeting',
      recordId: id,
      details: { municipalities: ids },
    });
    return present(ctx, await meetingOrNotFound(tx, ctx, id));
  });
}

export function getMeeting(deps: Deps, ctx: TenantContext, meetingId: string): Promise<JointMeetingView> {
  return inTenant(deps.db, ctx, async (tx) => viewOf(tx, ctx, await meetingOrNotFound(tx, ctx, meetingId)));
}

/**
 * Invites the municipality's own resource families' accounts and network caseworkers who are not
 * invited yet, each by e-mail with the link; again later, only those added since.
 */
export async function inviteOwnPeople(
  deps: Deps,
  ctx: TenantContext,
  meetingId: string,
): Promise<JointMeetingView> {
  const { view, mails } = await inTenant(deps.db, ctx, async (tx) => {
    const row = await meetingOrNotFound(tx, ctx, meetingId);
    if (row.date < todayInOslo()) throw meetingPassed();
    const people = await q.peopleToInvite(tx, ctx.municipalityId);
    if (people.length === 0) throw nobodyToInvite();
    const added = await q.insertInvitees(tx, ctx.municipalityId, meetingId, people);
    await q.refreshCount(tx, ctx.municipalityId, meetingId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'joint_meeting',
      recordId: meetingId,
      details: { change: 'invited', added: added.length },
    });
    const fresh = await meetingOrNotFound(tx, ctx, meetingId);
    return { view: await viewOf(tx, ctx, fresh), mails: added };
  });
  const { meeting } = view;
  const names = meeting.participants.map((p) => p.municipality.name).join(', ');
  for (const to of mails) {
    const values = {
      name: to.firstName,
      date: day(meeting.date),
      time: meeting.startTime,
      link: meeting.link,
      municipalities: names,
    };
    await deps.mailer.send({
      to: to.email,
      subject: staffText(to.locale, 'jointMeetings.email.subject', values),
      text: staffText(to.locale, 'jointMeetings.email.body', values),
    });
  }
  return view;
}

/** Records who of the own invitees came; the others see the new count only. */
export function recordAttendance(
  deps: Deps,
  ctx: TenantContext,
  meetingId: string,
  input: AttendanceInput,
): Promise<JointMeetingView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await meetingOrNotFound(tx, ctx, meetingId);
    await q.setAttendance(tx, ctx.municipalityId, meetingId, input.attended);
    await q.refreshCount(tx, ctx.municipalityId, meetingId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'joint_meeting',
      recordId: meetingId,
      details: { change: 'attendance', attended: input.attended.length },
    });
    return viewOf(tx, ctx, await meetingOrNotFound(tx, ctx, meetingId));
  });
}
