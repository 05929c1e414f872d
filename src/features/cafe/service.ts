import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import {
  type AudienceRule,
  computeAudience,
  DEFAULT_AUDIENCE_RULE,
  type ManualChange,
} from '../../domain/audience.js';
import {
  isIsoDate,
  isLocalTime,
  isoDate,
  todayInOslo,
  zonedDateTime,
  zonedInstant,
} from '../../domain/calendar.js';
import {
  checkSchoolHolidayRules,
  DEFAULT_SCHOOL_HOLIDAY_RULES,
  type SchoolHoliday,
  type SchoolHolidayRules,
  schoolHolidaysOf,
} from '../../domain/holidays.js';
import {
  checkCafeDate,
  type DateProblem,
  planSeason,
  SEASON_MONTHS,
  suggestVenues,
  type Term,
} from '../../domain/season.js';
import type { Deps } from '../../server/deps.js';
import { AppError, conflict, type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { lookupPlaces } from '../registry/index.js';
import * as q from './queries.js';

const cafeConflict = () => conflict('cafe.conflict');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// Venues

export interface VenueInput {
  name: string;
  address?: { line?: string | null; postcode?: string | null };
  capacity?: number | null;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
  notes?: string | null;
}

function presentVenue(row: q.VenueRow) {
  return {
    id: row.id,
    name: row.name,
    address: { line: row.addressLine, postcode: row.postcode, place: row.place },
    capacity: row.capacity,
    kitchen: row.kitchen,
    parking: row.parking,
    stepFree: row.stepFree,
    notes: row.notes,
    archived: row.archived,
    version: row.version,
    eventsHeld: Number(row.eventsHeld),
    lastUsed: row.lastUsed,
    averageAttendance: null,
  };
}

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

async function venueData(tx: Queryable, input: VenueInput): Promise<q.VenueData> {
  const errors: FieldError[] = [];
  const name = blank(input.name);
  if (!name) errors.push({ field: 'name', rule: 'required' });
  const postcode = blank(input.address?.postcode);
  if (postcode !== null && !/^[0-9]{4}$/.test(postcode))
    errors.push({ field: 'address.postcode', rule: 'postcode' });
  if (errors.length > 0) throw invalid(errors);
  const place = postcode ? ((await lookupPlaces(tx, [postcode])).get(postcode) ?? null) : null;
  return {
    name: name as string,
    addressLine: blank(input.address?.line),
    postcode,
    place,
    capacity: input.capacity ?? null,
    kitchen: input.kitchen,
    parking: input.parking,
    stepFree: input.stepFree,
    notes: blank(input.notes),
  };
}

export async function listVenues(deps: Deps, ctx: TenantContext, archived: 'false' | 'true' | 'all') {
  return inTenant(deps.db, ctx, async (tx) => ({
    venues: (await q.listVenues(tx, ctx.municipalityId, todayInOslo(), archived)).map(presentVenue),
  }));
}

async function venueOrNotFound(tx: Queryable, ctx: TenantContext, venueId: string) {
  const row = await q.findVenue(tx, ctx.municipalityId, venueId, todayInOslo());
  if (!row) throw notFound();
  return presentVenue(row);
}

export async function createVenue(deps: Deps, ctx: TenantContext, input: VenueInput) {
  return inTenant(deps.db, ctx, async (tx) => {
    const id = await q.insertVenue(tx, ctx.municipalityId, await venueData(tx, input));
    await audit(tx, ctx, { action: 'create', recordType: 'venue', recordId: id });
    return venueOrNotFound(tx, ctx, id);
  });
}

export async function updateVenue(
  deps: Deps,
  ctx: TenantContext,
  venueId: string,
  input: VenueInput,
  version: number,
) {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findVenue(tx, ctx.municipalityId, venueId, todayInOslo());
    if (!before) throw notFound();
    if (before.version !== version) throw cafeConflict();
    if (!(await q.updateVenue(tx, ctx.municipalityId, venueId, await venueData(tx, input), version)))
      throw cafeConflict();
    await audit(tx, ctx, { action: 'update', recordType: 'venue', recordId: venueId });
    return venueOrNotFound(tx, ctx, venueId);
  });
}

export async function archiveVenue(deps: Deps, ctx: TenantContext, venueId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    await venueOrNotFound(tx, ctx, venueId);
    // Archiving what is archived already (a double click) changes nothing and is no error.
    if (await q.archiveVenue(tx, ctx.municipalityId, venueId)) {
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'venue',
        recordId: venueId,
        details: { via: 'archive' },
      });
    }
    return venueOrNotFound(tx, ctx, venueId);
  });
}

// ---------------------------------------------------------------------------------------------
// School holidays

async function rulesOf(tx: Queryable, ctx: TenantContext): Promise<SchoolHolidayRules> {
  return (await q.findSchoolHolidayRules(tx, ctx.municipalityId)) ?? DEFAULT_SCHOOL_HOLIDAY_RULES;
}

/** The school holidays around a year: the year before and after too, for dates near new year. */
function holidaysAround(rules: SchoolHolidayRules, year: number): SchoolHoliday[] {
  return [year - 1, year, year + 1].flatMap((y) => schoolHolidaysOf(y, rules));
}

function presentHolidays(rules: SchoolHolidayRules, year: number) {
  return { rules: { ...rules, extra: [...rules.extra] }, periods: schoolHolidaysOf(year, rules) };
}

export async function getSchoolHolidays(deps: Deps, ctx: TenantContext, year: number) {
  return inTenant(deps.db, ctx, async (tx) => presentHolidays(await rulesOf(tx, ctx), year));
}

export async function saveSchoolHolidays(deps: Deps, ctx: TenantContext, rules: SchoolHolidayRules) {
  const errors = checkSchoolHolidayRules(rules);
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    await q.saveSchoolHolidayRules(tx, ctx.municipalityId, rules);
    await audit(tx, ctx, { action: 'update', recordType: 'school_holiday_rules' });
    return presentHolidays(rules, Number(todayInOslo().slice(0, 4)));
  });
}

// ---------------------------------------------------------------------------------------------
// Events

export interface EventInput {
  id?: string;
  kind?: 'cafe' | 'gathering';
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venueId?: string | null;
  capacity?: number | null;
  food: boolean;
  registration: 'none' | 'optional' | 'required';
  deadline?: string | null;
  programme?: {
    kind: q.ProgrammeItem['kind'];
    title: string;
    minutes?: number | null;
    speaker?: string | null;
  }[];
  hostUserIds?: string[];
  confirmDate?: boolean;
}

function presentEvent(row: q.EventRow, holidays: SchoolHoliday[], today: string) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    venue: row.venue,
    capacity: row.capacity,
    food: row.food,
    registration: row.registration,
    deadline: row.deadline,
    programme: row.programme,
    hosts: row.hosts,
    status: row.status,
    problems: checkCafeDate(
      { date: row.date, startTime: row.startTime, endTime: row.endTime },
      { schoolHolidays: holidays, today },
    ),
    version: row.version,
    image: row.image ? { alt: row.image.alt, updatedAt: new Date(row.image.updatedAt).toISOString() } : null,
  };
}
export type EventView = ReturnType<typeof presentEvent>;

async function presentEvents(tx: Queryable, ctx: TenantContext, rows: q.EventRow[]): Promise<EventView[]> {
  if (rows.length === 0) return [];
  const rules = await rulesOf(tx, ctx);
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

async function eventOrNotFound(tx: Queryable, ctx: TenantContext, eventId: string): Promise<q.EventRow> {
  const row = await q.findEvent(tx, ctx.municipalityId, eventId);
  if (!row) throw notFound();
  return row;
}

async function eventView(tx: Queryable, ctx: TenantContext, eventId: string): Promise<EventView> {
  const [view] = await presentEvents(tx, ctx, [await eventOrNotFound(tx, ctx, eventId)]);
  return view as EventView;
}

/** The hard date rules: never on a public holiday or in a school holiday unless confirmed. */
function blockingProblems(problems: DateProblem[]): DateProblem[] {
  return problems.filter((p) => p.code === 'public_holiday' || p.code === 'school_holiday');
}

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
  if (venueId !== null && !(await q.venueIdsExisting(tx, ctx.municipalityId, [venueId])).has(venueId)) {
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
    const year = Number(input.date.slice(0, 4));
    const problems = blockingProblems(
      checkCafeDate(input, { schoolHolidays: holidaysAround(await rulesOf(tx, ctx), year) }),
    );
    if (problems.length > 0) throw new AppError('cafe.date_not_allowed', 400, { date: input.date, problems });
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

export async function listEvents(deps: Deps, ctx: TenantContext, range: { from?: string; to?: string }) {
  const errors: FieldError[] = [];
  if (range.from !== undefined && !isIsoDate(range.from)) errors.push({ field: 'from', rule: 'date' });
  if (range.to !== undefined && !isIsoDate(range.to)) errors.push({ field: 'to', rule: 'date' });
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => ({
    events: await presentEvents(tx, ctx, await q.listEvents(tx, ctx.municipalityId, range)),
  }));
}

export async function getEvent(deps: Deps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, (tx) => eventView(tx, ctx, eventId));
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
      throw new AppError('cafe.date_taken', 409, { date: data.date });
    }
    await q.setEventHosts(tx, ctx.municipalityId, id, hosts);
    await audit(tx, ctx, { action: 'create', recordType: 'event', recordId: id });
    return { event: await eventView(tx, ctx, id), created: true };
  });
}

export async function updateEvent(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  input: EventInput,
  version: number,
): Promise<EventView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await eventOrNotFound(tx, ctx, eventId);
    if (before.version !== version) throw cafeConflict();
    const { data, hosts } = await eventData(tx, ctx, input, input.date !== before.date);
    try {
      if (!(await q.updateEvent(tx, ctx.municipalityId, eventId, data, version))) throw cafeConflict();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('cafe.date_taken', 409, { date: data.date });
      throw error;
    }
    await q.setEventHosts(tx, ctx.municipalityId, eventId, hosts);
    await audit(tx, ctx, { action: 'update', recordType: 'event', recordId: eventId });
    return eventView(tx, ctx, eventId);
  });
}

export async function cancelEvent(deps: Deps, ctx: TenantContext, eventId: string): Promise<EventView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOrNotFound(tx, ctx, eventId);
    // Cancelling what is cancelled already (a double click) changes nothing and is no error.
    if (await q.cancelEvent(tx, ctx.municipalityId, eventId)) {
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'event',
        recordId: eventId,
        details: { via: 'cancel' },
      });
    }
    return eventView(tx, ctx, eventId);
  });
}

export async function listHosts(deps: Deps, ctx: TenantContext) {
  return inTenant(deps.db, ctx, async (tx) => ({ hosts: await q.listHosts(tx, ctx.municipalityId) }));
}

// ---------------------------------------------------------------------------------------------
// Season plan

export async function seasonPlan(deps: Deps, ctx: TenantContext, season: Term, year: number) {
  return inTenant(deps.db, ctx, async (tx) => {
    const months: readonly number[] = SEASON_MONTHS[season];
    const rules = await rulesOf(tx, ctx);
    const events = (
      await q.listEvents(tx, ctx.municipalityId, {
        from: `${year}-${String(Math.min(...months)).padStart(2, '0')}-01`,
        to: isoDate(year, Math.max(...months) + 1, 0),
      })
    ).filter((e) => e.status === 'planned' && months.includes(Number(e.date.slice(5, 7))));
    const byId = new Map(events.map((e) => [e.id, e]));
    const plan = planSeason({
      year,
      months,
      schoolHolidays: holidaysAround(rules, year),
      kept: events.map((e) => ({ id: e.id, date: e.date, startTime: e.startTime, endTime: e.endTime })),
      today: todayInOslo(),
    });
    const proposed = plan.slots.flatMap((slot) => (slot.status === 'proposed' ? [slot.date] : []));
    const venues = (await q.listVenues(tx, ctx.municipalityId, todayInOslo(), 'false')).map((v) => ({
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
        await q.venueUses(tx, ctx.municipalityId),
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

/**
 * Creates one café per accepted date, all or nothing: a date on a public holiday or in a school
 * holiday refuses the whole request. A date that already has a planned café (a double click, or
 * two people accepting at once) gives that café back instead of a second one.
 */
export async function acceptSeason(
  deps: Deps,
  ctx: TenantContext,
  dates: { date: string; venueId?: string | null }[],
): Promise<{ events: EventView[] }> {
  const unique = [...new Map(dates.map((d) => [d.date, d])).values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const errors: FieldError[] = [];
  dates.forEach((d, i) => {
    if (!isIsoDate(d.date)) errors.push({ field: `dates.${i}.date`, rule: 'date' });
  });
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    const rules = await rulesOf(tx, ctx);
    for (const { date } of unique) {
      const problems = blockingProblems(
        checkCafeDate({ date }, { schoolHolidays: holidaysAround(rules, Number(date.slice(0, 4))) }),
      );
      if (problems.length > 0) throw new AppError('cafe.date_not_allowed', 400, { date, problems });
    }
    const venueIds = unique.flatMap((d) => (d.venueId ? [d.venueId] : []));
    const known = await q.venueIdsExisting(tx, ctx.municipalityId, venueIds);
    dates.forEach((d, i) => {
      if (d.venueId && !known.has(d.venueId)) errors.push({ field: `dates.${i}.venueId`, rule: 'unknown' });
    });
    if (errors.length > 0) throw invalid(errors);

    const ids: string[] = [];
    for (const { date, venueId } of unique) {
      const existing = await q.findCafeOn(tx, ctx.municipalityId, date);
      if (existing) {
        ids.push(existing);
        continue;
      }
      const id = randomUUID();
      const data: q.EventData = {
        kind: 'cafe',
        title: 'Fosterhjemskafé',
        date,
        startTime: '18:00',
        endTime: '20:00',
        startsAt: zonedInstant(date, '18:00'),
        endsAt: zonedInstant(date, '20:00'),
        venueId: venueId ?? null,
        capacity: null,
        food: true,
        registration: 'optional',
        deadline: null,
        programme: [],
      };
      if (await q.insertEvent(tx, ctx.municipalityId, id, data, ctx.userId)) {
        await audit(tx, ctx, {
          action: 'create',
          recordType: 'event',
          recordId: id,
          details: { via: 'season_plan' },
        });
        ids.push(id);
      } else {
        // Another transaction planned a café on the date meanwhile: that one stands.
        const winner = await q.findCafeOn(tx, ctx.municipalityId, date);
        if (winner) ids.push(winner);
      }
    }
    const rows = await Promise.all(ids.map((id) => eventOrNotFound(tx, ctx, id)));
    return { events: await presentEvents(tx, ctx, rows) };
  });
}

// ---------------------------------------------------------------------------------------------
// Audience

function ruleOf(row: q.EventRow): AudienceRule {
  return { ...DEFAULT_AUDIENCE_RULE, ...(row.audienceRule ?? {}) };
}

async function audienceOf(tx: Queryable, municipalityId: number, eventId: string, rule: AudienceRule) {
  const households = await q.audienceHouseholds(tx, municipalityId);
  const manual = new Map<string, ManualChange>(
    (await q.listInvitees(tx, municipalityId, eventId)).map((r) => [
      r.householdId,
      { included: r.included, note: r.note },
    ]),
  );
  return computeAudience(households, rule, manual);
}

/** The households an event's invitations go to. No audit entry: the caller logs what it does with them. */
export async function invitedHouseholds(tx: Queryable, municipalityId: number, event: q.EventRow) {
  const { entries } = await audienceOf(tx, municipalityId, event.id, ruleOf(event));
  return entries.filter((e) => e.included).map((e) => e.household.id);
}

/** The audience of an event under `rule`, audited as a list read of every household shown. */
async function audienceAnswer(tx: Queryable, ctx: TenantContext, eventId: string, rule: AudienceRule) {
  const { count, entries } = await audienceOf(tx, ctx.municipalityId, eventId, rule);
  await auditListRead(
    tx,
    ctx,
    'household',
    entries.map((e) => e.household.id),
  );
  return {
    rule,
    count,
    households: entries.map((e) => ({
      id: e.household.id,
      name: e.household.name,
      kind: e.household.kind,
      relation: e.household.relation,
      travelMinutes: e.household.travelMinutes,
      languages: e.household.languages,
      included: e.included,
      source: e.source,
      note: e.note,
    })),
  };
}

export async function getAudience(deps: Deps, ctx: TenantContext, eventId: string, preview?: AudienceRule) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOrNotFound(tx, ctx, eventId);
    return audienceAnswer(tx, ctx, eventId, preview ?? ruleOf(event));
  });
}

export async function saveAudienceRule(deps: Deps, ctx: TenantContext, eventId: string, rule: AudienceRule) {
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOrNotFound(tx, ctx, eventId);
    const clean: AudienceRule = {
      maxTravel: rule.maxTravel,
      care: rule.care,
      oversight: rule.oversight,
      kinds: [...new Set(rule.kinds)],
    };
    await q.setAudienceRule(tx, ctx.municipalityId, eventId, clean);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { via: 'audience_rule' },
    });
    return audienceAnswer(tx, ctx, eventId, clean);
  });
}

async function inviteeTarget(tx: Queryable, ctx: TenantContext, eventId: string, householdId: string) {
  const event = await eventOrNotFound(tx, ctx, eventId);
  if (!UUID.test(householdId) || !(await q.householdIsActive(tx, ctx.municipalityId, householdId))) {
    throw notFound();
  }
  return event;
}

export async function setInvitee(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  included: boolean,
) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await inviteeTarget(tx, ctx, eventId, householdId);
    await q.setInviteeIncluded(tx, ctx.municipalityId, eventId, householdId, included);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event_invitee',
      recordId: eventId,
      subjectId: householdId,
      details: { included },
    });
    return audienceAnswer(tx, ctx, eventId, ruleOf(event));
  });
}

export async function setInviteeNote(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  note: string | null,
): Promise<void> {
  const clean = blank(note);
  if (clean !== null && (clean.length > 140 || /[\r\n]/.test(clean))) {
    throw invalid([{ field: 'note', rule: clean.length > 140 ? 'max_length' : 'one_line' }]);
  }
  await inTenant(deps.db, ctx, async (tx) => {
    await inviteeTarget(tx, ctx, eventId, householdId);
    await q.setInviteeNote(tx, ctx.municipalityId, eventId, householdId, clean);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event_invitee',
      recordId: eventId,
      subjectId: householdId,
      details: { via: 'note' },
    });
  });
}
