import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import type { SchoolHoliday } from '../../../domain/holidays.js';
import type { Deps } from '../../../server/deps.js';
import { type FieldError, invalid, notFound } from '../../../server/errors.js';
import { holidaysAround, schoolHolidayRules } from '../../school-holidays/index.js';
import type { EventList, EventListQuery, EventView, HostList } from '../contract.js';
import { presentEvent } from '../present.js';
import * as q from '../queries.js';

/** The event, or 404 when the municipality has none by that id. */
export async function eventOrNotFound(
  tx: Queryable,
  ctx: TenantContext,
  eventId: string,
): Promise<q.EventRow> {
  const row = await q.findEvent(tx, ctx.municipalityId, eventId);
  if (!row) throw notFound();
  return row;
}

/** The events as the API shows them: the school holidays of each year are worked out once. */
export async function eventViews(
  tx: Queryable,
  ctx: TenantContext,
  rows: q.EventRow[],
): Promise<EventView[]> {
  if (rows.length === 0) return [];
  const rules = await schoolHolidayRules(tx, ctx.municipalityId);
  const today = todayInOslo();
  const byYear = new Map<number, SchoolHoliday[]>();
  return rows.map((row) => {
    const year = Number(row.date.slice(0, 4));
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = holidaysAround(rules, year);
      byYear.set(year, holidays);
    }
    return presentEvent(row, holidays, today);
  });
}

export async function eventView(tx: Queryable, ctx: TenantContext, eventId: string): Promise<EventView> {
  const [view] = await eventViews(tx, ctx, [await eventOrNotFound(tx, ctx, eventId)]);
  return view as EventView;
}

export async function listEvents(deps: Deps, ctx: TenantContext, range: EventListQuery): Promise<EventList> {
  const errors: FieldError[] = [];
  if (range.from !== undefined && !isIsoDate(range.from)) errors.push({ field: 'from', rule: 'date' });
  if (range.to !== undefined && !isIsoDate(range.to)) errors.push({ field: 'to', rule: 'date' });
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => ({
    events: await eventViews(tx, ctx, await q.eventsBetween(tx, ctx.municipalityId, range)),
  }));
}

export async function getEvent(deps: Deps, ctx: TenantContext, eventId: string): Promise<EventView> {
  return inTenant(deps.db, ctx, (tx) => eventView(tx, ctx, eventId));
}

export async function listHosts(deps: Deps, ctx: TenantContext): Promise<HostList> {
  return inTenant(deps.db, ctx, async (tx) => ({ hosts: await q.listHosts(tx, ctx.municipalityId) }));
}
