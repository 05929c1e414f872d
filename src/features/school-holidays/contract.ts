import { type Static, Type } from '@sinclair/typebox';
import { SCHOOL_HOLIDAY_KINDS } from '../../domain/holidays.js';
import { literals, Nullable } from '../../server/schemas.js';

// Dates are checked by the service (domain/holidays.ts checkSchoolHolidayRules), so every problem
// is reported at once.
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const MonthDayRange = Nullable(
  Type.Object({ start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) }),
);

export const SchoolHolidayPeriod = Type.Object({
  kind: literals(SCHOOL_HOLIDAY_KINDS),
  start: Day,
  end: Day,
  week: Type.Optional(Type.Integer({ minimum: 1, maximum: 53 })),
  label: Type.Optional(Type.String({ maxLength: 100 })),
});
export type SchoolHolidayPeriod = Static<typeof SchoolHolidayPeriod>;

/** The municipality's rules (domain/holidays.ts SchoolHolidayRules): the weeks and dates of its breaks. */
export const SchoolHolidayRules = Type.Object({
  winterWeek: Nullable(Type.Integer({ minimum: 1, maximum: 53 })),
  autumnWeek: Nullable(Type.Integer({ minimum: 1, maximum: 53 })),
  easter: Type.Boolean(),
  christmas: MonthDayRange,
  summer: MonthDayRange,
  extra: Type.Array(SchoolHolidayPeriod, { maxItems: 50 }),
});
export type SchoolHolidayRules = Static<typeof SchoolHolidayRules>;

/** The rules and the periods they give in one year. */
export const SchoolHolidays = Type.Object({
  rules: SchoolHolidayRules,
  periods: Type.Array(SchoolHolidayPeriod),
});
export type SchoolHolidays = Static<typeof SchoolHolidays>;

export const SchoolHolidaysQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type SchoolHolidaysQuery = Static<typeof SchoolHolidaysQuery>;
