/**
 * The season planner of the foster-home café (SPEC section 2, seeds 000 and 001): it proposes one
 * café evening per chosen month, keeps the dates the team has accepted or moved and says what is
 * wrong with them. The venue for each date is venue-rotation.ts's. Pure: the caller passes the
 * school holidays of its municipality, the team's decisions and today's date; nothing is read or
 * stored here. One file because the date check and the planner are one rule: the planner proposes
 * exactly the dates the check accepts, and both share the pattern and the problem codes.
 */
import {
  addDays,
  daysBetween,
  daysInMonth,
  type IsoDate,
  type IsoWeekday,
  isIsoDate,
  isLocalTime,
  isoDate,
  type LocalTime,
  weekdayOf,
  zonedInstant,
} from './calendar.js';
import {
  type PublicHolidayKey,
  publicHolidaysOn,
  type SchoolHoliday,
  type SchoolHolidayKind,
  schoolHolidayOn,
} from './holidays.js';

/**
 * Months that do not compete with holidays and busy periods (seed 001): three in spring, two in
 * autumn. A municipality may choose others.
 */
export const SEASON_MONTHS = { spring: [1, 3, 5], autumn: [9, 11] } as const;
export type Term = keyof typeof SEASON_MONTHS;
/** The terms of a café season: spring and autumn. */
export const TERMS = Object.keys(SEASON_MONTHS) as Term[];

/** How a café evening usually looks; every field can be changed per municipality. */
export interface CafePattern {
  /** Asker varied between Tuesday and Wednesday (seed 000): proposals alternate through this list */
  weekdays: readonly IsoWeekday[];
  /** early evening, 18–20, Oslo time */
  startTime: LocalTime;
  endTime: LocalTime;
  /** weeks of the month to prefer, counted from the 1st (days 1–7 are week 1, 8–14 week 2, …) */
  preferredWeeksOfMonth: readonly number[];
  /**
   * Avoid dates this close to a public holiday or a school holiday when another date is free:
   * the evening before Ascension Day or after Easter Monday many families are travelling.
   */
  holidayBufferDays: number;
  /** invitations go out 4–5 weeks ahead (seed 000); a date closer to today than this is short notice */
  leadDays: number;
}

export const DEFAULT_CAFE_PATTERN: CafePattern = {
  weekdays: [2, 3],
  startTime: '18:00',
  endTime: '20:00',
  preferredWeeksOfMonth: [2, 3, 4],
  holidayBufferDays: 1,
  leadDays: 35,
};

/** A date the team has accepted or moved: the planner keeps it as it is and checks it. */
export interface KeptDate {
  /** the caller's id, echoed in the slot */
  id?: string;
  date: IsoDate;
  /** defaults to the pattern's times */
  startTime?: LocalTime;
  endTime?: LocalTime;
  /**
   * The season month this date stands for, when the team moved it out of its month (March's café
   * moved to 2 April). Defaults to the date's own month.
   */
  forMonth?: number;
}

export interface SeasonInput {
  year: number;
  /** 1–12, e.g. SEASON_MONTHS.spring */
  months: readonly number[];
  /** the municipality's school holidays touching the year, e.g. from schoolHolidaysOf() */
  schoolHolidays: readonly SchoolHoliday[];
  pattern?: Partial<CafePattern>;
  /** dates accepted or moved by the team */
  kept?: readonly KeptDate[];
  /** months the team removed: no café, and no new proposal either */
  removedMonths?: readonly number[];
  /** weekday of the café before this season, so the alternation carries on across seasons */
  previousWeekday?: IsoWeekday | null;
  /** today in Oslo; when given, past dates are not proposed and near ones are short notice */
  today?: IsoDate | null;
}

/**
 * What is wrong with a date, as a code with its parameters for the UI to word ("faller på
 * 17. mai", "i vinterferien uke 9"). Errors break a rule of the SPEC (never on a holiday);
 * warnings go against advice; info marks a choice outside the usual pattern that is allowed.
 */
export type DateProblem =
  | { code: 'invalid_date'; severity: 'error'; params: { value: string } }
  | { code: 'invalid_time'; severity: 'error'; params: { startTime: string; endTime: string } }
  | {
      code: 'public_holiday';
      severity: 'error';
      params: { date: IsoDate; holiday: PublicHolidayKey | 'other'; name: string };
    }
  | {
      code: 'school_holiday';
      severity: 'error';
      params: {
        date: IsoDate;
        kind: SchoolHolidayKind;
        start: IsoDate;
        end: IsoDate;
        week: number | null;
        label: string | null;
      };
    }
  | {
      code: 'near_public_holiday';
      severity: 'warning';
      /** days: the café's date minus the holiday's; -1 is the evening before */
      params: { holidayDate: IsoDate; holiday: PublicHolidayKey | 'other'; name: string; days: number };
    }
  | {
      code: 'near_school_holiday';
      severity: 'warning';
      /** days: negative before the holiday starts, positive after it ends */
      params: { kind: SchoolHolidayKind; start: IsoDate; end: IsoDate; week: number | null; days: number };
    }
  | { code: 'in_past'; severity: 'warning'; params: { date: IsoDate; today: IsoDate } }
  | { code: 'short_notice'; severity: 'warning'; params: { days: number; leadDays: number } }
  | {
      code: 'other_month';
      severity: 'warning';
      params: { date: IsoDate; year: number; month: number };
    }
  | { code: 'outside_season'; severity: 'warning'; params: { month: number; months: number[] } }
  | { code: 'second_in_month'; severity: 'warning'; params: { month: number } }
  | {
      code: 'unusual_weekday';
      severity: 'info';
      params: { weekday: IsoWeekday; usual: IsoWeekday[] };
    }
  | {
      code: 'unusual_time';
      severity: 'info';
      params: { startTime: LocalTime; endTime: LocalTime; usualStart: LocalTime; usualEnd: LocalTime };
    };
export type DateProblemCode = DateProblem['code'];

/** A dated café evening with its start and end as UTC instants (ISO strings). */
export interface CafeEvening {
  date: IsoDate;
  weekday: IsoWeekday;
  startTime: LocalTime;
  endTime: LocalTime;
  startsAt: string;
  endsAt: string;
}

export type SeasonSlot =
  | (CafeEvening & {
      status: 'proposed';
      month: number;
      /** soft problems the best date could not avoid (errors never occur here) */
      problems: DateProblem[];
      /** the next-best allowed dates of the month, best first, for a quick "move to" */
      alternatives: IsoDate[];
    })
  | (CafeEvening & { status: 'kept'; month: number; id: string | null; problems: DateProblem[] })
  /** a kept date that cannot be read (bad date or times) */
  | { status: 'invalid'; month: number | null; id: string | null; input: KeptDate; problems: DateProblem[] }
  | { status: 'removed'; month: number }
  | {
      status: 'none';
      month: number;
      /** no_allowed_date: every weekday of the pattern is a holiday or in a school holiday */
      reason: { code: 'no_allowed_date' | 'month_passed'; params: { year: number; month: number } };
      /** every candidate date and why it was refused */
      rejected: { date: IsoDate; problems: DateProblem[] }[];
    };

export interface SeasonPlan {
  year: number;
  /** in month order; a month with two kept dates has two slots */
  slots: SeasonSlot[];
}

export interface DateCheckContext {
  schoolHolidays: readonly SchoolHoliday[];
  pattern?: Partial<CafePattern>;
  today?: IsoDate | null;
}

function patternOf(partial: Partial<CafePattern> | undefined): CafePattern {
  return { ...DEFAULT_CAFE_PATTERN, ...partial };
}

/**
 * Every problem of one café date on its own (not the season-level ones: other month, two in a
 * month). Used for each candidate of the planner and for a date the team moves.
 */
export function checkCafeDate(
  evening: { date: IsoDate; startTime?: LocalTime; endTime?: LocalTime },
  context: DateCheckContext,
): DateProblem[] {
  const pattern = patternOf(context.pattern);
  const { date } = evening;
  if (!isIsoDate(date)) return [{ code: 'invalid_date', severity: 'error', params: { value: date } }];
  const problems: DateProblem[] = [];

  const startTime = evening.startTime ?? pattern.startTime;
  const endTime = evening.endTime ?? pattern.endTime;
  if (!isLocalTime(startTime) || !isLocalTime(endTime) || endTime <= startTime) {
    problems.push({ code: 'invalid_time', severity: 'error', params: { startTime, endTime } });
  }

  for (const holiday of publicHolidaysOn(date)) {
    problems.push({
      code: 'public_holiday',
      severity: 'error',
      params: { date, holiday: holiday.key, name: holiday.name },
    });
  }
  const school = schoolHolidayOn(date, context.schoolHolidays);
  if (school) {
    problems.push({
      code: 'school_holiday',
      severity: 'error',
      params: {
        date,
        kind: school.kind,
        start: school.start,
        end: school.end,
        week: school.week ?? null,
        label: school.label ?? null,
      },
    });
  }

  // Near a holiday: only when the date itself is free, so a date in the Easter week is "in a
  // school holiday", not also "next to Good Friday".
  if (problems.length === 0 && pattern.holidayBufferDays > 0)
    problems.push(...nearHolidays(date, context, pattern));

  if (context.today && isIsoDate(context.today)) {
    const days = daysBetween(context.today, date);
    if (days < 0)
      problems.push({ code: 'in_past', severity: 'warning', params: { date, today: context.today } });
    else if (days < pattern.leadDays) {
      problems.push({
        code: 'short_notice',
        severity: 'warning',
        params: { days, leadDays: pattern.leadDays },
      });
    }
  }

  const weekday = weekdayOf(date);
  if (!pattern.weekdays.includes(weekday)) {
    problems.push({
      code: 'unusual_weekday',
      severity: 'info',
      params: { weekday, usual: [...pattern.weekdays] },
    });
  }
  if (
    isLocalTime(startTime) &&
    isLocalTime(endTime) &&
    endTime > startTime &&
    (startTime !== pattern.startTime || endTime !== pattern.endTime)
  ) {
    problems.push({
      code: 'unusual_time',
      severity: 'info',
      params: { startTime, endTime, usualStart: pattern.startTime, usualEnd: pattern.endTime },
    });
  }
  return problems;
}

function nearHolidays(date: IsoDate, context: DateCheckContext, pattern: CafePattern): DateProblem[] {
  const problems: DateProblem[] = [];
  const buffer = pattern.holidayBufferDays;
  for (let offset = -buffer; offset <= buffer; offset++) {
    if (offset === 0) continue;
    const day = addDays(date, offset);
    for (const holiday of publicHolidaysOn(day)) {
      problems.push({
        code: 'near_public_holiday',
        severity: 'warning',
        params: { holidayDate: day, holiday: holiday.key, name: holiday.name, days: -offset },
      });
    }
  }
  for (const school of context.schoolHolidays) {
    const before = daysBetween(school.start, date); // negative: the date is before the start
    const after = daysBetween(school.end, date); // positive: the date is after the end
    const days = before < 0 && before >= -buffer ? before : after > 0 && after <= buffer ? after : null;
    if (days === null) continue;
    problems.push({
      code: 'near_school_holiday',
      severity: 'warning',
      params: { kind: school.kind, start: school.start, end: school.end, week: school.week ?? null, days },
    });
  }
  return problems;
}

function evening(date: IsoDate, startTime: LocalTime, endTime: LocalTime): CafeEvening {
  return {
    date,
    weekday: weekdayOf(date),
    startTime,
    endTime,
    startsAt: zonedInstant(date, startTime),
    endsAt: zonedInstant(date, endTime),
  };
}

const isSoft = (problem: DateProblem) => problem.severity !== 'error' && problem.code !== 'in_past';

/**
 * Proposes one café date per season month and keeps the team's own dates.
 *
 * For a month with a kept date, that date stays, with its problems. For a removed month, nothing.
 * Otherwise every date of the month on one of the pattern's weekdays is a candidate; a public
 * holiday, a school holiday or a date already past rules it out. The rest are ranked, each rule
 * deciding only among dates the rules before it leave tied:
 *   1. not right before or after a holiday;
 *   2. not short notice (invitations need 4–5 weeks);
 *   3. in one of the preferred weeks of the month (the 2nd–4th by default);
 *   4. on the weekday whose turn it is: the pattern's weekdays take turns from one café to the
 *      next (Tuesday, Wednesday, Tuesday …), so families busy one weekday can come another time;
 *   5. nearest the middle of the month;
 *   6. earliest.
 * A month left with no candidate gets a 'none' slot with the reason and every refused date.
 */
export function planSeason(input: SeasonInput): SeasonPlan {
  const pattern = patternOf(input.pattern);
  const context: DateCheckContext = { schoolHolidays: input.schoolHolidays, pattern, today: input.today };
  const seasonMonths = [...new Set(input.months)].filter(isMonth).sort((a, b) => a - b);
  const removed = new Set(input.removedMonths ?? []);

  const keptByMonth = new Map<number | null, KeptDate[]>();
  for (const kept of input.kept ?? []) {
    const forMonth = isMonth(kept.forMonth) ? kept.forMonth : null;
    const month = forMonth ?? (isIsoDate(kept.date) ? Number(kept.date.slice(5, 7)) : null);
    keptByMonth.set(month, [...(keptByMonth.get(month) ?? []), kept]);
  }
  const months = [...new Set([...seasonMonths, ...keptByMonth.keys()])]
    .filter((month): month is number => month !== null)
    .sort((a, b) => a - b);

  const slots: SeasonSlot[] = [];
  // Index into pattern.weekdays of the weekday whose turn it is.
  let turn = turnAfter(pattern.weekdays, input.previousWeekday ?? null);

  for (const month of months) {
    const kept = [...(keptByMonth.get(month) ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    if (kept.length > 0) {
      kept.forEach((date, i) => {
        const slot = keptSlot(date, month, i, input.year, seasonMonths, context, pattern);
        slots.push(slot);
        if (slot.status === 'kept') turn = turnAfter(pattern.weekdays, slot.weekday, turn);
      });
      continue;
    }
    if (removed.has(month)) {
      slots.push({ status: 'removed', month });
      continue;
    }
    const slot = proposeForMonth(input.year, month, pattern.weekdays[turn], context, pattern);
    slots.push(slot);
    if (slot.status === 'proposed') turn = turnAfter(pattern.weekdays, slot.weekday, turn);
  }
  for (const kept of keptByMonth.get(null) ?? []) {
    slots.push({
      status: 'invalid',
      month: null,
      id: kept.id ?? null,
      input: kept,
      problems: checkCafeDate(kept, context),
    });
  }
  return { year: input.year, slots };
}

function isMonth(value: number | undefined): value is number {
  return Number.isInteger(value) && (value ?? 0) >= 1 && (value ?? 0) <= 12;
}

/** The index of the weekday after `previous`; if `previous` is not in the list, the next in turn. */
function turnAfter(weekdays: readonly IsoWeekday[], previous: IsoWeekday | null, current = -1): number {
  if (weekdays.length === 0) return 0;
  const index = previous === null ? -1 : weekdays.indexOf(previous);
  return ((index >= 0 ? index : current) + 1) % weekdays.length;
}

function keptSlot(
  kept: KeptDate,
  month: number,
  indexInMonth: number,
  year: number,
  seasonMonths: readonly number[],
  context: DateCheckContext,
  pattern: CafePattern,
): SeasonSlot {
  const problems = checkCafeDate(kept, context);
  if (problems.some((problem) => problem.code === 'invalid_date' || problem.code === 'invalid_time')) {
    return { status: 'invalid', month, id: kept.id ?? null, input: kept, problems };
  }
  if (kept.date.slice(0, 7) !== isoDate(year, month, 1).slice(0, 7)) {
    problems.push({ code: 'other_month', severity: 'warning', params: { date: kept.date, year, month } });
  }
  if (!seasonMonths.includes(month)) {
    problems.push({
      code: 'outside_season',
      severity: 'warning',
      params: { month, months: [...seasonMonths] },
    });
  }
  if (indexInMonth > 0) problems.push({ code: 'second_in_month', severity: 'warning', params: { month } });
  return {
    status: 'kept',
    month,
    id: kept.id ?? null,
    ...evening(kept.date, kept.startTime ?? pattern.startTime, kept.endTime ?? pattern.endTime),
    problems,
  };
}

function proposeForMonth(
  year: number,
  month: number,
  turnWeekday: IsoWeekday | undefined,
  context: DateCheckContext,
  pattern: CafePattern,
): SeasonSlot {
  const length = daysInMonth(year, month);
  const middle = (length + 1) / 2;
  const rejected: { date: IsoDate; problems: DateProblem[] }[] = [];
  const allowed: { date: IsoDate; problems: DateProblem[]; rank: number[] }[] = [];

  for (let day = 1; day <= length; day++) {
    const date = isoDate(year, month, day);
    if (!pattern.weekdays.includes(weekdayOf(date))) continue;
    const problems = checkCafeDate({ date }, context);
    const past = context.today ? date <= context.today : false;
    if (past || !problems.every(isSoft)) {
      rejected.push({ date, problems });
      continue;
    }
    const has = (...codes: DateProblemCode[]) => (problems.some((p) => codes.includes(p.code)) ? 1 : 0);
    allowed.push({
      date,
      problems,
      rank: [
        has('near_public_holiday', 'near_school_holiday'),
        has('short_notice'),
        pattern.preferredWeeksOfMonth.includes(Math.ceil(day / 7)) ? 0 : 1,
        weekdayOf(date) === turnWeekday ? 0 : 1,
        Math.abs(day - middle),
        day,
      ],
    });
  }

  if (allowed.length === 0) {
    const allPast = rejected.length > 0 && rejected.every((r) => context.today && r.date <= context.today);
    return {
      status: 'none',
      month,
      reason: { code: allPast ? 'month_passed' : 'no_allowed_date', params: { year, month } },
      rejected,
    };
  }
  allowed.sort((a, b) => compareRanks(a.rank, b.rank));
  const [best, ...rest] = allowed as [(typeof allowed)[number], ...typeof allowed];
  return {
    status: 'proposed',
    month,
    ...evening(best.date, pattern.startTime, pattern.endTime),
    problems: best.problems,
    alternatives: rest.slice(0, 3).map((candidate) => candidate.date),
  };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The hard date rules: never on a public holiday or in a school holiday unless the team confirms it. */
export function blockingProblems(problems: readonly DateProblem[]): DateProblem[] {
  return problems.filter((p) => p.code === 'public_holiday' || p.code === 'school_holiday');
}
