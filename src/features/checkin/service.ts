import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { zonedDateTime } from '../../domain/calendar.js';
import type { FieldError } from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { checkHouseholds, writeHousehold } from '../registry/index.js';
import type { AttendanceHousehold as Household, TapInput, WalkInInput } from './contract.js';
import { presentHousehold } from './present.js';
import * as q from './queries.js';

/** A phone whose clock runs ahead may not put a tap beyond the taps of the others: at most this far. */
const FUTURE_SLACK_MS = 5 * 60_000;

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * The counts at the top of the page. Expected: households that said they are coming and are not on
 * the waiting list, plus every household that is here without having said so (a walk-in, a "maybe"),
 * so "12 of 30" never reads "31 of 30".
 */
function countsOf(households: Household[]) {
  let checkedIn = 0;
  let adults = 0;
  let children = 0;
  let expected = 0;
  for (const h of households) {
    const coming = h.response === 'coming' && !h.waiting;
    if (coming || h.present) expected++;
    if (!h.present) continue;
    checkedIn++;
    adults += h.adults;
    children += h.children;
  }
  return { checkedIn, adults, children, expected };
}

async function view(tx: Queryable, municipalityId: number, eventId: string) {
  const rows = await q.attendanceRows(tx, municipalityId, eventId);
  const households = rows.map(presentHousehold).sort((a, b) => collator.compare(a.name, b.name));
  return { households, counts: countsOf(households) };
}

/** The evening's households as the check-in counts them: the team's overview reads its figures from them. */
export async function eveningAttendance(tx: Queryable, municipalityId: number, eventId: string) {
  return (await view(tx, municipalityId, eventId)).households;
}

/** The event's date and start time as the team reads them: in Oslo. */
function startOf(instant: Date): { date: string; startTime: string } {
  const { date, time } = zonedDateTime(instant);
  return { date, startTime: time };
}

async function eventOf(tx: Queryable, ctx: TenantContext, eventId: string, lock = false) {
  const event = await q.findEvent(tx, ctx.municipalityId, eventId, lock);
  if (!event) throw notFound();
  return event;
}

/** The attendance list of the evening: every invited household and every walk-in, by name, with the counts. */
export async function getAttendance(deps: Deps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOf(tx, ctx, eventId);
    const { households, counts } = await view(tx, ctx.municipalityId, eventId);
    await auditListRead(
      tx,
      ctx,
      'household',
      households.map((h) => h.id),
    );
    return {
      event: { id: event.id, title: event.title, ...startOf(event.startsAt) },
      households,
      counts,
    };
  });
}

/** A tap's moment: the phone's clock, but never more than a few minutes ahead of ours. */
function tapMoment(tappedAt: string | undefined, now = Date.now()): Date {
  const at = tappedAt ? Date.parse(tappedAt) : now;
  if (Number.isNaN(at)) throw invalid([{ field: 'tappedAt', rule: 'format' }]);
  return new Date(Math.min(at, now + FUTURE_SLACK_MS));
}

/**
 * Writes one tap in the caller's transaction (the event locked): the same tap id again changes
 * nothing, a tap older than the stored one changes nothing (the later tap wins). Audited when
 * something changed.
 */
async function applyTap(
  tx: Queryable,
  ctx: TenantContext,
  eventId: string,
  tap: { tapId: string; householdId: string; present: boolean; adults?: number; children?: number },
  tappedAt: Date,
  walkIn: boolean,
): Promise<void> {
  if (!(await q.householdExists(tx, ctx.municipalityId, tap.householdId))) throw notFound();
  const stored = await q.findAttendance(tx, ctx.municipalityId, eventId, tap.householdId);
  if (stored?.lastTap === tap.tapId) return;
  const invited = await q.isInvited(tx, ctx.municipalityId, eventId, tap.householdId);
  const next: q.Tap = {
    tapId: tap.tapId,
    householdId: tap.householdId,
    present: tap.present,
    // Numbers not given keep what was counted before (or the answer's, when nothing was).
    adults: tap.adults ?? stored?.adults ?? null,
    children: tap.children ?? stored?.children ?? null,
    walkIn: walkIn || !invited,
    tappedAt,
  };
  if (!(await q.saveTap(tx, ctx.municipalityId, eventId, next, ctx.userId))) return;
  const changed =
    !stored ||
    stored.present !== next.present ||
    stored.adults !== next.adults ||
    stored.children !== next.children ||
    stored.walkIn !== (stored.walkIn || next.walkIn);
  if (!changed) return;
  await audit(tx, ctx, {
    action: 'update',
    recordType: 'attendance',
    recordId: eventId,
    subjectId: tap.householdId,
    details: {
      present: next.present,
      adults: next.adults,
      children: next.children,
      walkIn: stored?.walkIn || next.walkIn,
      tapId: tap.tapId,
      tappedAt: tappedAt.toISOString(),
    },
  });
}

async function answerFor(tx: Queryable, ctx: TenantContext, eventId: string, householdId: string) {
  const { households, counts } = await view(tx, ctx.municipalityId, eventId);
  const household = households.find((h) => h.id === householdId);
  if (!household) throw notFound();
  return { household, counts };
}

function assertOpen(event: q.CheckinEvent) {
  if (event.status !== 'planned') throw new AppError('checkin.event_cancelled', 409);
}

/** One tap on the evening's list: checked in or not (and how many came). Idempotent per tap id. */
export async function tap(deps: Deps, ctx: TenantContext, eventId: string, input: TapInput) {
  const tappedAt = tapMoment(input.tappedAt);
  return inTenant(deps.db, ctx, async (tx) => {
    assertOpen(await eventOf(tx, ctx, eventId, true));
    await applyTap(tx, ctx, eventId, input, tappedAt, false);
    return answerFor(tx, ctx, eventId, input.householdId);
  });
}

/** Registry field names of a new household's errors, as the walk-in form names them. */
function walkInErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    const match = /^adults\.0\.(firstName|lastName|mobile)$/.exec(error.field);
    return match ? { ...error, field: `newHousehold.${match[1]}` } : error;
  });
}

/**
 * Someone who came without answering: a household of the registry, or a new one kept minimal (one
 * adult), made through the registry's one write path with the tap id as its id, so a retry finds
 * it instead of making another. Checked in as a walk-in.
 */
export async function walkIn(deps: Deps, ctx: TenantContext, eventId: string, input: WalkInInput) {
  const tappedAt = tapMoment(input.tappedAt);
  return inTenant(deps.db, ctx, async (tx) => {
    assertOpen(await eventOf(tx, ctx, eventId, true));
    let householdId: string;
    if ('householdId' in input) {
      householdId = input.householdId;
    } else {
      householdId = input.tapId;
      if (!(await q.householdExists(tx, ctx.municipalityId, householdId))) {
        const [checked] = await checkHouseholds(tx, ctx.municipalityId, [
          {
            id: householdId,
            // The registry needs a kind and a relation; a family at a foster-home café is most
            // likely a foster home in the municipality's care. The team corrects it later.
            kind: 'foster',
            relation: 'care',
            adults: [
              {
                firstName: input.newHousehold.firstName,
                lastName: input.newHousehold.lastName,
                mobile: input.newHousehold.mobile ?? null,
              },
            ],
          },
        ]);
        if (!checked?.household) throw invalid(walkInErrors(checked?.errors ?? []));
        await writeHousehold(tx, ctx, checked.household, null, 'create');
      }
    }
    await applyTap(tx, ctx, eventId, { tapId: input.tapId, householdId, present: true }, tappedAt, true);
    return answerFor(tx, ctx, eventId, householdId);
  });
}
