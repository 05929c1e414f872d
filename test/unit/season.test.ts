import { describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../src/domain/calendar.js';
import {
  DEFAULT_SCHOOL_HOLIDAY_RULES,
  publicHolidaysOn,
  schoolHolidayOn,
  schoolHolidaysOf,
} from '../../src/domain/holidays.js';
import { checkCafeDate, planSeason, SEASON_MONTHS, type SeasonSlot } from '../../src/domain/season.js';
import { suggestVenues, type Venue } from '../../src/domain/venue-rotation.js';

// Winter break week 9, autumn break week 40, Easter week, Christmas, summer (the defaults).
const holidays2026 = schoolHolidaysOf(2026);
const holidays2027 = schoolHolidaysOf(2027);

const dated = (slots: SeasonSlot[]) =>
  slots.map((slot) =>
    slot.status === 'proposed' || slot.status === 'kept'
      ? {
          status: slot.status,
          month: slot.month,
          date: slot.date,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        }
      : { status: slot.status, month: slot.month },
  );

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('planning a season', () => {
  it('proposes spring 2027: Tuesday 19 Jan, Wednesday 17 Mar, Tuesday 11 May, 18–20 Oslo time', () => {
    const plan = planSeason({ year: 2027, months: SEASON_MONTHS.spring, schoolHolidays: holidays2027 });
    expect(dated(plan.slots)).toEqual([
      // Christmas break ends 2 Jan; the Tuesday nearest the middle of the month.
      {
        status: 'proposed',
        month: 1,
        date: '2027-01-19',
        startsAt: '2027-01-19T17:00:00.000Z',
        endsAt: '2027-01-19T19:00:00.000Z',
      },
      // 2–3 Mar winter break (week 9), 23–24 Mar Easter week, 30 Mar the day after Easter Monday.
      {
        status: 'proposed',
        month: 3,
        date: '2027-03-17',
        startsAt: '2027-03-17T17:00:00.000Z',
        endsAt: '2027-03-17T19:00:00.000Z',
      },
      // Summer time now; 5 May is the eve of Ascension Day, 18 May the day after 17 May/Whit Monday.
      {
        status: 'proposed',
        month: 5,
        date: '2027-05-11',
        startsAt: '2027-05-11T16:00:00.000Z',
        endsAt: '2027-05-11T18:00:00.000Z',
      },
    ]);
  });

  it('proposes autumn 2026: Tuesday 15 Sep and Wednesday 18 Nov', () => {
    const plan = planSeason({ year: 2026, months: SEASON_MONTHS.autumn, schoolHolidays: holidays2026 });
    expect(dated(plan.slots)).toEqual([
      {
        status: 'proposed',
        month: 9,
        date: '2026-09-15',
        startsAt: '2026-09-15T16:00:00.000Z',
        endsAt: '2026-09-15T18:00:00.000Z',
      },
      {
        status: 'proposed',
        month: 11,
        date: '2026-11-18',
        startsAt: '2026-11-18T17:00:00.000Z',
        endsAt: '2026-11-18T19:00:00.000Z',
      },
    ]);
  });

  it.each([
    { year: 2026, months: SEASON_MONTHS.autumn, holidays: holidays2026 },
    { year: 2027, months: SEASON_MONTHS.spring, holidays: holidays2027 },
  ])(
    'keeps every proposal of $year on a free Tuesday or Wednesday, one per month',
    ({ year, months, holidays }) => {
      const plan = planSeason({ year, months, schoolHolidays: holidays });
      expect(plan.slots.map((slot) => slot.month)).toEqual([...months]);
      for (const slot of plan.slots) {
        if (slot.status !== 'proposed') throw new Error(`month ${slot.month} has no proposal`);
        expect([2, 3]).toContain(slot.weekday);
        expect(Number(slot.date.slice(5, 7))).toBe(slot.month);
        expect([slot.startTime, slot.endTime]).toEqual(['18:00', '20:00']);
        expect(publicHolidaysOn(slot.date)).toEqual([]);
        expect(schoolHolidayOn(slot.date, holidays)).toBeNull();
        expect([9, 40]).not.toContain(isoWeekOf(slot.date).week);
        expect(slot.problems).toEqual([]);
      }
    },
  );

  it('alternates weekdays from the café before the season', () => {
    const plan = planSeason({
      year: 2026,
      months: SEASON_MONTHS.autumn,
      schoolHolidays: holidays2026,
      previousWeekday: 2,
    });
    expect(dated(plan.slots).map((slot) => 'date' in slot && slot.date)).toEqual([
      '2026-09-16',
      '2026-11-17',
    ]);
  });

  it('follows an autumn break moved to week 41', () => {
    const week41 = schoolHolidaysOf(2026, { ...DEFAULT_SCHOOL_HOLIDAY_RULES, autumnWeek: 41 });
    const plan = planSeason({ year: 2026, months: [10], schoolHolidays: week41 });
    const slot = plan.slots[0];
    expect(slot?.status).toBe('proposed');
    if (slot?.status !== 'proposed') return;
    // Week 41 is 5–9 Oct, so Tuesday 6 Oct is out; of the rest, Tuesday 13 Oct is nearest the middle.
    expect(slot.date).toBe('2026-10-13');
    expect(isoWeekOf(slot.date).week).not.toBe(41);
  });

  it('says so when a month has no allowed date, with every refused date', () => {
    const plan = planSeason({ year: 2027, months: [7], schoolHolidays: holidays2027 });
    const slot = plan.slots[0];
    expect(slot).toMatchObject({
      status: 'none',
      month: 7,
      reason: { code: 'no_allowed_date', params: { year: 2027, month: 7 } },
    });
    if (slot?.status !== 'none') return;
    // Tuesdays and Wednesdays of July 2027: 6, 7, 13, 14, 20, 21, 27, 28.
    expect(slot.rejected.map((r) => r.date.slice(8))).toEqual([
      '06',
      '07',
      '13',
      '14',
      '20',
      '21',
      '27',
      '28',
    ]);
    expect(slot.rejected.every((r) => codes(r.problems).includes('school_holiday'))).toBe(true);
  });

  it('skips months already past, and prefers a date with time for invitations over the middle', () => {
    const plan = planSeason({
      year: 2027,
      months: SEASON_MONTHS.spring,
      schoolHolidays: holidays2027,
      today: '2027-02-15',
    });
    expect(plan.slots[0]).toMatchObject({ status: 'none', reason: { code: 'month_passed' } });
    // Every free date in the 2nd–4th week of March is less than five weeks away; 31 March is not.
    expect(plan.slots[1]).toMatchObject({ status: 'proposed', date: '2027-03-31', problems: [] });
    expect(plan.slots[2]).toMatchObject({ status: 'proposed', date: '2027-05-11' });
  });

  it('proposes a date next to a holiday only when nothing else is free, and says so', () => {
    // Only Tuesdays; 2 Mar winter break, 9 and 16 Mar taken by an "extra" holiday, 23 Mar Easter.
    const holidays = [
      ...holidays2027,
      { kind: 'other' as const, start: '2027-03-08', end: '2027-03-19', label: 'skolestengt' },
    ];
    const plan = planSeason({
      year: 2027,
      months: [3],
      schoolHolidays: holidays,
      pattern: { weekdays: [2] },
    });
    expect(plan.slots[0]).toMatchObject({ status: 'proposed', date: '2027-03-30' });
    const slot = plan.slots[0];
    if (slot?.status !== 'proposed') return;
    expect(slot.problems).toEqual(
      expect.arrayContaining([
        {
          code: 'near_public_holiday',
          severity: 'warning',
          params: { holidayDate: '2027-03-29', holiday: 'easter_monday', name: 'Andre påskedag', days: 1 },
        },
        {
          code: 'near_school_holiday',
          severity: 'warning',
          params: { kind: 'easter', start: '2027-03-21', end: '2027-03-29', week: null, days: 1 },
        },
      ]),
    );
  });
});

describe("the team's own dates", () => {
  it('flags a date moved onto 17 May and keeps it', () => {
    const plan = planSeason({
      year: 2028,
      months: SEASON_MONTHS.spring,
      schoolHolidays: schoolHolidaysOf(2028),
      kept: [{ id: 'may', date: '2028-05-17' }],
    });
    const may = plan.slots.find((slot) => slot.month === 5);
    expect(may).toMatchObject({ status: 'kept', id: 'may', date: '2028-05-17', weekday: 3 });
    if (may?.status !== 'kept') return;
    expect(may.problems).toEqual([
      {
        code: 'public_holiday',
        severity: 'error',
        params: { date: '2028-05-17', holiday: 'constitution_day', name: 'Grunnlovsdagen' },
      },
    ]);
    expect(plan.slots.filter((slot) => slot.month === 5)).toHaveLength(1);
  });

  it('flags the winter break by its week, and a Thursday as allowed but unusual', () => {
    expect(checkCafeDate({ date: '2027-03-03' }, { schoolHolidays: holidays2027 })).toEqual([
      {
        code: 'school_holiday',
        severity: 'error',
        params: {
          date: '2027-03-03',
          kind: 'winter',
          start: '2027-03-01',
          end: '2027-03-05',
          week: 9,
          label: null,
        },
      },
    ]);
    expect(checkCafeDate({ date: '2027-03-11' }, { schoolHolidays: holidays2027 })).toEqual([
      { code: 'unusual_weekday', severity: 'info', params: { weekday: 4, usual: [2, 3] } },
    ]);
  });

  it('flags bad times, other times, short notice and the past', () => {
    const context = { schoolHolidays: holidays2027, today: '2027-03-01' };
    expect(
      codes(checkCafeDate({ date: '2027-03-16', startTime: '20:00', endTime: '18:00' }, context)),
    ).toEqual(['invalid_time', 'short_notice']);
    expect(checkCafeDate({ date: '2027-05-11', startTime: '17:30', endTime: '19:30' }, context)).toEqual([
      {
        code: 'unusual_time',
        severity: 'info',
        params: { startTime: '17:30', endTime: '19:30', usualStart: '18:00', usualEnd: '20:00' },
      },
    ]);
    expect(codes(checkCafeDate({ date: '2027-02-16' }, context))).toEqual(['in_past']);
    expect(codes(checkCafeDate({ date: '2027-02-30' }, context))).toEqual(['invalid_date']);
  });

  it('keeps a date moved into the next month in place of its month, and an extra month', () => {
    const plan = planSeason({
      year: 2027,
      months: SEASON_MONTHS.spring,
      schoolHolidays: holidays2027,
      kept: [
        { id: 'march', date: '2027-04-06', forMonth: 3 },
        { id: 'june', date: '2027-06-08' },
      ],
    });
    expect(dated(plan.slots)).toEqual([
      expect.objectContaining({ status: 'proposed', month: 1 }),
      expect.objectContaining({ status: 'kept', month: 3, date: '2027-04-06' }),
      expect.objectContaining({ status: 'proposed', month: 5 }),
      expect.objectContaining({ status: 'kept', month: 6, date: '2027-06-08' }),
    ]);
    expect(plan.slots[1]).toMatchObject({
      problems: [{ code: 'other_month', params: { date: '2027-04-06', year: 2027, month: 3 } }],
    });
    expect(plan.slots[3]).toMatchObject({
      problems: [{ code: 'outside_season', params: { month: 6, months: [1, 3, 5] } }],
    });
  });

  it('follows the weekday of a kept date in the alternation, drops removed months, warns of a second date', () => {
    const plan = planSeason({
      year: 2027,
      months: SEASON_MONTHS.spring,
      schoolHolidays: holidays2027,
      kept: [{ date: '2027-01-20' }, { date: '2027-01-27', startTime: '17:00', endTime: '19:00' }],
      removedMonths: [3],
    });
    expect(dated(plan.slots)).toEqual([
      expect.objectContaining({ status: 'kept', date: '2027-01-20' }),
      expect.objectContaining({ status: 'kept', date: '2027-01-27', startsAt: '2027-01-27T16:00:00.000Z' }),
      { status: 'removed', month: 3 },
      // After two Wednesdays it is Tuesday's turn.
      expect.objectContaining({ status: 'proposed', date: '2027-05-11' }),
    ]);
    expect(codes((plan.slots[1] as { problems: { code: string }[] }).problems)).toEqual([
      'unusual_time',
      'second_in_month',
    ]);
  });

  it('reports a kept date it cannot read instead of dropping it', () => {
    const plan = planSeason({
      year: 2027,
      months: [1],
      schoolHolidays: holidays2027,
      kept: [{ id: 'x', date: '27.01.2027' }],
    });
    expect(plan.slots).toEqual([
      expect.objectContaining({ status: 'proposed', month: 1 }),
      {
        status: 'invalid',
        month: null,
        id: 'x',
        input: { id: 'x', date: '27.01.2027' },
        problems: [{ code: 'invalid_date', severity: 'error', params: { value: '27.01.2027' } }],
      },
    ]);
  });
});

describe('venue rotation', () => {
  const canteen: Venue = { id: 'canteen', capacity: 40, kitchen: true, parking: true, stepFree: true };
  const library: Venue = { id: 'library', capacity: 30, kitchen: true, parking: false, stepFree: true };
  const hall: Venue = { id: 'hall', capacity: 120, kitchen: false, parking: true, stepFree: false };
  const dates = ['2027-01-19', '2027-03-17', '2027-05-11', '2027-09-14'];

  it('spreads use over the step-free venues with a kitchen, least used first', () => {
    const suggestions = suggestVenues(
      dates.map((date) => ({ date, food: true })),
      [canteen, library, hall],
      [
        { venueId: 'canteen', date: '2026-09-15' },
        { venueId: 'canteen', date: '2026-11-18' },
        { venueId: 'library', date: '2026-05-12' },
      ],
    );
    expect(suggestions.map((s) => s.venueId)).toEqual(['library', 'canteen', 'library', 'canteen']);
    expect(suggestions.every((s) => s.notes.length === 0)).toBe(true);
  });

  it('with no history, takes turns and prefers parking on a tie', () => {
    const suggestions = suggestVenues(
      dates.map((date) => ({ date })),
      [library, canteen],
    );
    expect(suggestions.map((s) => s.venueId)).toEqual(['canteen', 'library', 'canteen', 'library']);
  });

  it('never exceeds capacity, and says what it had to give up', () => {
    const [big, tooBig] = suggestVenues(
      [
        { date: '2027-03-17', expectedAttendance: 60, food: true },
        { date: '2027-05-11', expectedAttendance: 150 },
      ],
      [canteen, library, hall],
    );
    expect(big).toEqual({
      date: '2027-03-17',
      venueId: 'hall',
      notes: [
        { code: 'not_step_free', params: { venueId: 'hall' } },
        { code: 'no_kitchen', params: { venueId: 'hall' } },
      ],
    });
    expect(tooBig).toEqual({
      date: '2027-05-11',
      venueId: null,
      notes: [{ code: 'no_venue_fits', params: { expected: 150, largest: 120 } }],
    });
  });

  it('uses a venue of unknown size only when none is known to fit', () => {
    const unknown: Venue = { id: 'school', capacity: null, kitchen: true, parking: true, stepFree: true };
    const [fits, unsure] = suggestVenues(
      [
        { date: '2027-01-19', expectedAttendance: 25 },
        { date: '2027-03-17', expectedAttendance: 50 },
      ],
      [unknown, library],
    );
    expect(fits?.venueId).toBe('library');
    expect(unsure).toEqual({
      date: '2027-03-17',
      venueId: 'school',
      notes: [{ code: 'capacity_unknown', params: { venueId: 'school', expected: 50 } }],
    });
  });
});
