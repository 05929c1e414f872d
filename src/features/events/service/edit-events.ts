import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { isIsoDate, isLocalTime, zonedInstant } from '../../../domain/calendar.js';
import type { Deps } from '../../../server/deps.js';
import { type FieldError, invalid } from '../../../server/errors.js';
import { promoteWaiting } from '../../answers/index.js';
import { audit } from '../../audit/index.js';
import { followHostSession } from '../../good-start/index.js';
import { schoolHolidayRules } from '../../school-holidays/index.js';
import { queueCancellation } from '../../sending/index.js';
import { venueIdsExisting } from '../../venues/index.js';
import type { EventInput, EventView } from '../contract.js';
import { dateTaken, eventChanged } from '../errors.js';
import * as q from '../queries.js';
import { refuseBlockedDate } from './check-date.js';
import { eventOrNotFound, eventView } from './show-events.js';

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Checks an event form: every problem at once; then the date against the calendar. */
async function eventData(
  tx: Queryable,
  ctx: TenantContext,
  input: EventInput,
  dateChanged: boolean,
): Promise<{ data: q.EventData; hosts: string[] }> {
  const errors: FieldError[] = [];
  const title = blank(input.title);
  if (!title) errors.push({ field: 'title', rule: 'required' });
  if (!isIsoDate(input.date)) errors.push({ field: 'date', rule: 'date' });
  if (!isLocalTime(input.startTime)) errors.push({ field: 'startTime', rule: 'time' });
  if (!isLocalTime(input.endTime)) errors.push({ field: 'endTime', rule: 'time' });
  else if (isLocalTime(input.startTime) && input.endTime <= input.startTime)
    errors.push({ field: 'endTime', rule: 'after_start' });
  const deadline = blank(input.deadline);
  if (deadline !== null && !isIsoDate(deadline)) errors.push({ field: 'deadline', rule: 'date' });
  else if (deadline !== null && isIsoDate(input.date) && deadline >= input.date)
    errors.push({ field: 'deadline', rule: 'before_date' });
  if (input.registration === 'required' && deadline === null)
    errors.push({ field: 'deadline', rule: 'required' });
  const programme = (input.programme ?? []).map((item, i) => {
    const itemTitle = blank(item.title);
    if (!itemTitle) errors.push({ field: `programme.${i}.title`, rule: 'required' });
    return {
      kind: item.kind,
      title: itemTitle ?? '',
      minutes: item.minutes ?? null,
      speaker: blank(item.speaker),
    };
  });
  const venueId = input.venueId ?? null;
  if (venueId !== null && !(await venueIdsExisting(tx, ctx.municipalityId, [venueId])).has(venueId)) {
    errors.push({ field: 'venueId', rule: 'unknown' });
  }
  const hosts = [...new Set(input.hostUserIds ?? [])];
  if (hosts.length > 0) {
    const staff = new Set((await q.listHosts(tx, ctx.municipalityId)).map((s) => s.id));
    hosts.forEach((id, i) => {
      if (!staff.has(id)) errors.push({ field: `hostUserIds.${i}`, rule: 'host' });
    });
  }
  if (errors.length > 0) throw invalid(errors);

  if (dateChanged && !input.confirmDate) {
    refuseBlockedDate(input, await schoolHolidayRules(tx, ctx.municipalityId));
  }
  return {
    data: {
      kind: input.kind ?? 'cafe',
      title: title as string,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      startsAt: zonedInstant(input.date, input.startTime),
      endsAt: zonedInstant(input.date, input.endTime),
      venueId,
      capacity: input.capacity ?? null,
      food: input.food,
      registration: input.registration,
      deadline,
      programme,
    },
    hosts,
  };
}

/** Creates an event; the same client-made id twice (a double click) gives the first one back. */
export async function createEvent(
  deps: Deps,
  ctx: TenantContext,
  input: EventInput,
): Promise<{ event: EventView; created: boolean }> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (input.id && (await q.findEvent(tx, ctx.municipalityId, input.id))) {
      return { event: await eventView(tx, ctx, input.id), created: false };
    }
    const { data, hosts } = await eventData(tx, ctx, input, true);
    const id = input.id ?? randomUUID();
    if (!(await q.insertEvent(tx, ctx.municipalityId, id, data, ctx.userId))) {
      // The other click's transaction committed the same id while this one waited: return that.
      if (input.id && (await q.findEvent(tx, ctx.municipalityId, id))) {
        return { event: await eventView(tx, ctx, id), created: false };
      }
      throw dateTaken(data.date);
    }
    await q.setEventHosts(tx, ctx.municipalityId, id, hosts);
    await audit(tx, ctx, { action: 'create', recordType: 'event', recordId: id });
    return { event: await eventView(tx, ctx, id), created: true };
  });
}

/** More room than before: a limit where there was one is raised, or taken away. */
const raises = (before: number | null, after: number | null) =>
  before !== null && (after === null || after > before);

/**
 * Replaces an event. When its capacity rises while households wait for a place, those who now fit
 * move up in the order they joined the line and are told ("you have a place"), in the same
 * transaction: the updated event row stays locked until it ends, so no answer slips in between.
 */
export async function updateEvent(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  input: EventInput,
  version: number,
): Promise<EventView> {
  const { view, promoted } = await inTenant(deps.db, ctx, async (tx) => {
    const before = await eventOrNotFound(tx, ctx, eventId);
    if (before.version !== version) throw eventChanged();
    const { data, hosts } = await eventData(tx, ctx, input, input.date !== before.date);
    // The form sends no kind for an En god start session: editing one keeps it a session.
    if (!input.kind) data.kind = before.kind;
    try {
      if (!(await q.updateEvent(tx, ctx.municipalityId, eventId, data, version))) throw eventChanged();
    } catch (error) {
      if (isUniqueViolation(error)) throw dateTaken(data.date);
      throw error;
    }
    await q.setEventHosts(tx, ctx.municipalityId, eventId, hosts);
    // A joint En god start cohort's host session moved: the partners' sessions move with it.
    await followHostSession(tx, eventId);
    // Answers close when the event begins or is cancelled: nobody moves up after that.
    const open = before.status === 'planned' && new Date(data.startsAt).getTime() > Date.now();
    const moved =
      open && raises(before.capacity, data.capacity)
        ? await promoteWaiting(tx, ctx, eventId, data.capacity)
        : [];
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      ...(moved.length > 0 ? { details: { promoted: moved.length } } : {}),
    });
    return { view: await eventView(tx, ctx, eventId), promoted: moved.length };
  });
  // The promotion notices go out now.
  if (promoted > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId });
  return view;
}

/**
 * Cancels an event; the households that were to hear of it are told by their channel (sending/
 * queueCancellation), in the same transaction, and the sending starts once it has committed.
 */
export async function cancelEvent(deps: Deps, ctx: TenantContext, eventId: string): Promise<EventView> {
  const { view, notices, partners } = await inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOrNotFound(tx, ctx, eventId);
    // Cancelling what is cancelled already (a double click) changes nothing and is no error.
    if (!(await q.cancelEvent(tx, ctx.municipalityId, eventId))) {
      return { view: await eventView(tx, ctx, eventId), notices: 0, partners: [] };
    }
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { via: 'cancel' },
    });
    const notices = await queueCancellation(tx, ctx, event);
    // A joint En god start cohort's host session: the partners' sessions are cancelled with it,
    // and a job in each partner's tenant tells its households once this has committed.
    const partners = (await followHostSession(tx, eventId)).filter((p) => p.cancelled);
    return { view: await eventView(tx, ctx, eventId), notices, partners };
  });
  if (notices > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId });
  for (const { municipalityId, eventId: partnerEvent } of partners)
    await deps.jobs.tellCohortCancellation({ municipalityId, eventId: partnerEvent });
  return view;
}
