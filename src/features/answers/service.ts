import type { Queryable } from '../../db/connection.js';
import { inTenant, inTenantOfLink, type TenantContext } from '../../db/tenant.js';
import { type AnswerInput, COMMENT_MAX, DIET_NOTE_MAX, DIETS, MAX_PERSONS } from '../../domain/answer.js';
import { type AnswerStatus, joinsLine, movesUp, statusOf } from '../../domain/answer-status.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import { findEvent } from '../events/index.js';
import { queueNotices, tokenHash } from '../sending/index.js';
import { findVenueFacts } from '../venues/index.js';
import { answerClosed, deadlinePassed, invalidAnswer, noRoom } from './errors.js';
import * as q from './queries.js';

export interface SavedAnswer {
  answer: q.AnswerRow;
  status: AnswerStatus;
  /** Place on the waiting list, 1 = next. */
  place: number | null;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The answer as typed → as stored, or 400 validation.invalid naming each field that is wrong. */
function checkAnswer(input: AnswerInput): AnswerInput {
  const errors: FieldError[] = [];
  const count = (field: 'adults' | 'children') => {
    const value = input[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_PERSONS) errors.push({ field, rule: 'range' });
    return value;
  };
  const coming = input.response === 'coming';
  const adults = coming ? count('adults') : 0;
  const children = coming ? count('children') : 0;
  if (coming && errors.length === 0 && adults + children < 1)
    errors.push({ field: 'adults', rule: 'required' });
  const diet = [...new Set(input.diet ?? [])];
  if (diet.some((d) => !DIETS.includes(d))) errors.push({ field: 'diet', rule: 'enum' });
  const dietNote = text(input.dietNote);
  if (dietNote && dietNote.length > DIET_NOTE_MAX) errors.push({ field: 'dietNote', rule: 'maxLength' });
  const comment = text(input.comment);
  if (comment && comment.length > COMMENT_MAX) errors.push({ field: 'comment', rule: 'maxLength' });
  if (!['coming', 'not_coming', 'maybe'].includes(input.response))
    errors.push({ field: 'response', rule: 'enum' });
  if (errors.length > 0) throw invalidAnswer(errors);
  return {
    response: input.response,
    adults,
    children,
    diet: coming ? diet : [],
    dietNote: coming ? dietNote : null,
    comment,
  };
}

/**
 * Moves households up from the event's waiting list, first in line first, while each fits under
 * `capacity` (domain/answer-status.ts), writes an audit entry for each (its answer's status changes),
 * and queues each a promotion notice ("you have a place"), but for `answering`: the household whose
 * own answer is being saved hears by its confirmation, and the caller audits that answer.
 * Runs in the caller's transaction with the event locked: after an answer, and when the team
 * raises the event's capacity. The caller asks the jobs to send once the transaction is done.
 * Returns the invitations that moved up, first in line first.
 */
export async function promoteWaiting(
  tx: Queryable,
  ctx: TenantContext,
  eventId: string,
  capacity: number | null,
  answering: string | null = null,
): Promise<string[]> {
  const { municipalityId } = ctx;
  const taken = await q.confirmedPersons(tx, municipalityId, eventId);
  const promoted = movesUp(await q.waitingList(tx, municipalityId, eventId), taken, capacity);
  const households = new Map(
    (await q.promote(tx, municipalityId, promoted)).map((r) => [r.invitationId, r.householdId]),
  );
  const others = promoted.filter((id) => id !== answering);
  for (const invitationId of others) {
    const householdId = households.get(invitationId) ?? null;
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { via: 'promotion', eventId, invitationId },
    });
  }
  await queueNotices(tx, municipalityId, eventId, others, 'promotion');
  return promoted;
}

async function placeOf(tx: Queryable, municipalityId: number, invitationId: string): Promise<number | null> {
  return (await q.placesInLine(tx, municipalityId, [invitationId])).get(invitationId) ?? null;
}

/**
 * These invitations' answers with their status and place in line: what the notices after an
 * answer say ("you are number 2 in line").
 */
export async function answersWithStatus(tx: Queryable, municipalityId: number, invitationIds: string[]) {
  const answers = await q.answersOf(tx, municipalityId, invitationIds);
  const places = await q.placesInLine(tx, municipalityId, invitationIds);
  return answers.map((answer) => {
    const place = places.get(answer.invitationId) ?? null;
    return { ...answer, place, status: statusOf(answer.response, place) };
  });
}

/**
 * Saves a household's answer to its invitation: through its link, My page, or the team after a
 * phone call. The event is locked while the answer is taken, so the persons coming never pass
 * its capacity; a household that does not fit waits in line, and whoever fits moves up when room
 * comes free. The household is told by its channel (confirmation, promotion).
 */
export async function saveAnswer(
  deps: Deps,
  ctx: TenantContext,
  invitationId: string,
  input: AnswerInput,
  answeredBy: 'household' | 'team',
): Promise<SavedAnswer> {
  const checked = checkAnswer(input);
  const { saved, eventId } = await inTenant(deps.db, ctx, async (tx) => {
    const invitation = await q.findInvitation(tx, ctx.municipalityId, invitationId);
    if (!invitation) throw notFound();
    const event = await q.lockEvent(tx, ctx.municipalityId, invitation.eventId);
    if (!event) throw notFound();
    return takeAnswer(tx, ctx, invitation, event, checked, answeredBy);
  });
  await sendConfirmation(deps, ctx, eventId);
  return saved;
}

/**
 * The confirmation (and any promotion) is queued as messages in the answer's transaction; the
 * sending worker renders and sends them (features/sending/worker.ts), not this request.
 */
function sendConfirmation(deps: Deps, ctx: TenantContext, eventId: string): Promise<void> {
  return deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId });
}

/** Takes the answer to a locked event (see saveAnswer), in the caller's transaction. */
async function takeAnswer(
  tx: Queryable,
  ctx: TenantContext,
  invitation: q.InvitationRow,
  event: q.LockedEvent,
  checked: AnswerInput,
  answeredBy: 'household' | 'team',
): Promise<{ saved: SavedAnswer; eventId: string }> {
  const invitationId = invitation.id;
  if (event.status !== 'planned' || event.startsAt.getTime() <= Date.now()) throw answerClosed();
  // After the deadline the household asks the team, who can still note a change.
  if (answeredBy === 'household' && event.deadline && todayInOslo() > event.deadline) {
    throw deadlinePassed(event.deadline);
  }
  const before = await q.findAnswer(tx, ctx.municipalityId, invitationId);
  let waitingSince: Date | null = null;
  if (checked.response === 'coming' && event.capacity !== null) {
    const others = await q.confirmedPersons(tx, ctx.municipalityId, invitation.eventId, invitationId);
    const wasConfirmed = before?.response === 'coming' && !before.waitingSince;
    const fits = others + checked.adults + checked.children <= event.capacity;
    if (wasConfirmed && !fits) throw noRoom(Math.max(0, event.capacity - others));
    // A household already waiting keeps its place (and moves up below if it fits).
    const line = await q.waitingList(tx, ctx.municipalityId, invitation.eventId);
    const othersWaiting = line.some((w) => w.invitationId !== invitationId);
    if (joinsLine({ wasConfirmed, fits, othersWaiting })) waitingSince = before?.waitingSince ?? new Date();
  }
  const upserted = await q.upsertAnswer(
    tx,
    ctx.municipalityId,
    invitation,
    checked,
    waitingSince,
    answeredBy,
  );
  const promoted = await promoteWaiting(tx, ctx, invitation.eventId, event.capacity, invitationId);
  // Moving up changed the row just written: read it again only then.
  const answer = promoted.includes(invitationId)
    ? ((await q.findAnswer(tx, ctx.municipalityId, invitationId)) as q.AnswerRow)
    : upserted;
  await queueNotices(
    tx,
    ctx.municipalityId,
    invitation.eventId,
    [invitationId],
    `confirmation:${answer.version}`,
  );
  const others = promoted.filter((id) => id !== invitationId);
  await audit(tx, ctx, {
    action: 'update',
    recordType: 'household',
    recordId: invitation.householdId,
    subjectId: invitation.householdId,
    details: {
      eventId: invitation.eventId,
      invitationId,
      response: answer.response,
      answeredBy,
      ...(others.length > 0 ? { promoted: others.length } : {}),
    },
  });
  const withPlace = await withStatus(tx, ctx.municipalityId, answer);
  return {
    saved: { answer, status: withPlace.status, place: withPlace.place },
    eventId: invitation.eventId,
  };
}

async function withStatus(tx: Queryable, municipalityId: number, answer: q.AnswerRow) {
  // Only an answer that waits has a place in line.
  const place = answer.waitingSince ? await placeOf(tx, municipalityId, answer.invitationId) : null;
  return { ...answer, status: statusOf(answer.response, place), place };
}

// --- The household's answer page ----------------------------------------------------------------------

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** Finds, as landsby_system, the invitation an answer link names; nothing for a link that is wrong. */
function linkFinder(token: string, ip: string | null) {
  return async (tx: Queryable) => {
    if (!TOKEN.test(token)) return undefined;
    const found = await q.invitationByTokenHash(tx, tokenHash(token));
    if (!found) return undefined;
    const ctx: TenantContext = { municipalityId: found.municipalityId, userId: null, ip };
    return { ctx, key: found.invitationId };
  };
}

/**
 * What the answer page shows: the event, its venue and hosts, the household's first names and
 * its answer. undefined when the link is wrong, the household erased or the event over. One
 * transaction, the link's lookup included.
 */
export async function answerPageData(deps: Deps, token: string, ip: string | null) {
  return inTenantOfLink(deps.db, linkFinder(token, ip), async (tx, { ctx, key }) => {
    const invitation = await q.invitationForPage(tx, ctx.municipalityId, key);
    if (!invitation?.householdId) return undefined;
    const event = await findEvent(tx, ctx.municipalityId, invitation.eventId);
    if (!event || new Date(event.endsAt).getTime() < Date.now()) return undefined;
    const venue = event.venue ? await findVenueFacts(tx, ctx.municipalityId, event.venue.id) : undefined;
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'household',
      recordId: invitation.householdId,
      subjectId: invitation.householdId,
      details: { via: 'answer_page', eventId: event.id },
    });
    const { deadline } = event;
    const answer = invitation.answer
      ? await withStatus(tx, ctx.municipalityId, invitation.answer)
      : undefined;
    const open = event.status === 'planned' && new Date(event.startsAt).getTime() > Date.now();
    return {
      ctx,
      invitation,
      event,
      venue: venue
        ? { name: venue.name, addressLine: venue.addressLine, postcode: venue.postcode, place: venue.place }
        : null,
      names: invitation.names,
      answer,
      open,
      // A household on the waiting list has no place to put in its calendar until it gets one
      // (as its confirmation has no calendar file); nor has one that said no.
      calendar: open && answer?.status !== 'waiting' && answer?.status !== 'not_coming',
      deadlinePassed: deadline !== null && todayInOslo() > deadline,
    };
  });
}

export type AnswerPageData = NonNullable<Awaited<ReturnType<typeof answerPageData>>>;

/**
 * Saves the answer a household sends from its link (see saveAnswer), in one transaction with
 * the link's lookup. false when the link opens nothing (wrong, household erased, event over),
 * as for answerPageData.
 */
export async function saveAnswerByLink(
  deps: Deps,
  token: string,
  ip: string | null,
  input: AnswerInput,
): Promise<boolean> {
  const done = await inTenantOfLink(deps.db, linkFinder(token, ip), async (tx, { ctx, key }) => {
    const invitation = await q.findInvitation(tx, ctx.municipalityId, key);
    if (!invitation?.householdId) return undefined;
    const event = await q.lockEvent(tx, ctx.municipalityId, invitation.eventId);
    if (!event || event.endsAt.getTime() < Date.now()) return undefined;
    const { eventId } = await takeAnswer(tx, ctx, invitation, event, checkAnswer(input), 'household');
    return { ctx, eventId };
  });
  if (!done) return false;
  await sendConfirmation(deps, done.ctx, done.eventId);
  return true;
}
