import { randomUUID } from 'node:crypto';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { isIsoDate, isoDate, todayInOslo, zonedInstant } from '../../domain/calendar.js';
import { DEFAULT_CAFE_PATTERN, planSeason, SEASON_MONTHS, type Term } from '../../domain/season.js';
import { suggestVenues } from '../../domain/venue-rotation.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, invalid } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import {
  type EventData,
  eventOrNotFound,
  eventsBetween,
  eventViews,
  findCafeOn,
  insertEvent,
  refuseBlockedDate,
} from '../events/index.js';
import { holidaysAround, schoolHolidayRules } from '../school-holidays/index.js';
import { listVenueFacts, venueIdsExisting, venueUses } from '../venues/index.js';
import type { SeasonAccepted, SeasonPlan } from './contract.js';

/**
 * The cafés of a season: the dates already planned in its months kept, a date proposed for each
 * other month (never in a school holiday or on a public holiday), and a venue suggested for each
 * proposed date so the venues take turns.
 */
export async function seasonPlan(
  deps: Deps,
  ctx: TenantContext,
  season: Term,
  year: number,
): Promise<SeasonPlan> {
  return inTenant(deps.db, ctx, async (tx) => {
    const months: readonly number[] = SEASON_MONTHS[season];
    const rules = await schoolHolidayRules(tx, ctx.municipalityId);
    // Only cafés make the season: a gathering or an En god start session on a day is no café.
    const events = (
      await eventsBetween(tx, ctx.municipalityId, {
        from: `${year}-${String(Math.min(...months)).padStart(2, '0')}-01`,
        to: isoDate(year, Math.max(...months) + 1, 0),
      })
    ).filter(
      (e) => e.kind === 'cafe' && e.status === 'planned' && months.includes(Number(e.date.slice(5, 7))),
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    const plan = planSeason({
      year,
      months,
      schoolHolidays: holidaysAround(rules, year),
      kept: events.map((e) => ({ id: e.id, date: e.date, startTime: e.startTime, endTime: e.endTime })),
      today: todayInOslo(),
    });
    const proposed = plan.slots.flatMap((slot) => (slot.status === 'proposed' ? [slot.date] : []));
    const venues = (await listVenueFacts(tx, ctx.municipalityId, 'false')).map((v) => ({
      id: v.id,
      capacity: v.capacity,
      kitchen: v.kitchen,
      parking: v.parking,
      stepFree: v.stepFree,
    }));
    const suggestions = new Map(
      suggestVenues(
        proposed.map((date) => ({ date, food: true })),
        venues,
        await venueUses(tx, ctx.municipalityId),
      ).map((s) => [s.date, s.venueId]),
    );
    return {
      season,
      year,
      slots: plan.slots.map((slot) => {
        switch (slot.status) {
          case 'proposed':
            return {
              month: slot.month,
              status: slot.status,
              date: slot.date,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              venueId: suggestions.get(slot.date) ?? null,
              problems: slot.problems,
              alternatives: slot.alternatives,
            };
          case 'kept':
            return {
              month: slot.month,
              status: slot.status,
              date: slot.date,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              eventId: slot.id ?? undefined,
              venueId: (slot.id && byId.get(slot.id)?.venue?.id) || null,
              problems: slot.problems,
            };
          case 'invalid':
            return {
              month: slot.month ?? 0,
              status: slot.status,
              eventId: slot.id ?? undefined,
              problems: slot.problems,
            };
          case 'removed':
            return { month: slot.month, status: slot.status, problems: [] };
          default:
            return { month: slot.month, status: slot.status, problems: [], reason: slot.reason.code };
        }
      }),
    };
  });
}

/** A season's café as accepted from the plan: the team fills in the rest on the event page. */
function seasonCafe(date: string, venueId: string | null): EventData {
  const { startTime, endTime } = DEFAULT_CAFE_PATTERN;
  return {
    kind: 'cafe',
    title: 'Fosterhjemskafé',
    date,
    startTime,
    endTime,
    startsAt: zonedInstant(date, startTime),
    endsAt: zonedInstant(date, endTime),
    venueId,
    capacity: null,
    food: true,
    registration: 'optional',
    deadline: null,
    programme: [],
  };
}

/**
 * Creates one café per accepted date, all or nothing: a date on a public holiday or in a school
 * holiday refuses the whole request. A date that already has a planned café (a double click, or
 * two people accepting at once) gives that café back instead of a second one.
 */
export async function acceptSeason(
  deps: Deps,
  ctx: TenantContext,
  dates: { date: string; venueId?: string | null }[],
): Promise<SeasonAccepted> {
  const unique = [...new Map(dates.map((d) => [d.date, d])).values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const errors: FieldError[] = [];
  dates.forEach((d, i) => {
    if (!isIsoDate(d.date)) errors.push({ field: `dates.${i}.date`, rule: 'date' });
  });
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    const rules = await schoolHolidayRules(tx, ctx.municipalityId);
    for (const { date } of unique) refuseBlockedDate({ date }, rules);
    const venueIds = unique.flatMap((d) => (d.venueId ? [d.venueId] : []));
    const known = await venueIdsExisting(tx, ctx.municipalityId, venueIds);
    dates.forEach((d, i) => {
      if (d.venueId && !known.has(d.venueId)) errors.push({ field: `dates.${i}.venueId`, rule: 'unknown' });
    });
    if (errors.length > 0) throw invalid(errors);

    const ids: string[] = [];
    for (const { date, venueId } of unique) {
      const existing = await findCafeOn(tx, ctx.municipalityId, date);
      if (existing) {
        ids.push(existing);
        continue;
      }
      const id = randomUUID();
      if (await insertEvent(tx, ctx.municipalityId, id, seasonCafe(date, venueId ?? null), ctx.userId)) {
        await audit(tx, ctx, {
          action: 'create',
          recordType: 'event',
          recordId: id,
          details: { via: 'season_plan' },
        });
        ids.push(id);
      } else {
        // Another transaction planned a café on the date meanwhile: that one stands.
        const winner = await findCafeOn(tx, ctx.municipalityId, date);
        if (winner) ids.push(winner);
      }
    }
    const rows = await Promise.all(ids.map((id) => eventOrNotFound(tx, ctx, id)));
    return { events: await eventViews(tx, ctx, rows) };
  });
}
