import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import {
  checkSchoolHolidayRules,
  DEFAULT_SCHOOL_HOLIDAY_RULES,
  type SchoolHoliday,
  type SchoolHolidayRules,
  schoolHolidaysOf,
} from '../../domain/holidays.js';
import type { Deps } from '../../server/deps.js';
import { invalid } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import type { SchoolHolidays } from './contract.js';
import * as q from './queries.js';

/** The municipality's school-holiday rules; the national pattern until it saves its own. */
export async function schoolHolidayRules(tx: Queryable, municipalityId: number): Promise<SchoolHolidayRules> {
  return (await q.findSchoolHolidayRules(tx, municipalityId)) ?? DEFAULT_SCHOOL_HOLIDAY_RULES;
}

/** The school holidays around a year: the year before and after too, for dates near new year. */
export function holidaysAround(rules: SchoolHolidayRules, year: number): SchoolHoliday[] {
  return [year - 1, year, year + 1].flatMap((y) => schoolHolidaysOf(y, rules));
}

function present(rules: SchoolHolidayRules, year: number): SchoolHolidays {
  return { rules: { ...rules, extra: [...rules.extra] }, periods: schoolHolidaysOf(year, rules) };
}

export async function getSchoolHolidays(
  deps: Deps,
  ctx: TenantContext,
  year: number,
): Promise<SchoolHolidays> {
  return inTenant(deps.db, ctx, async (tx) =>
    present(await schoolHolidayRules(tx, ctx.municipalityId), year),
  );
}

export async function saveSchoolHolidays(
  deps: Deps,
  ctx: TenantContext,
  rules: SchoolHolidayRules,
): Promise<SchoolHolidays> {
  const errors = checkSchoolHolidayRules(rules);
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    await q.saveSchoolHolidayRules(tx, ctx.municipalityId, rules);
    await audit(tx, ctx, { action: 'update', recordType: 'school_holiday_rules' });
    return present(rules, Number(todayInOslo().slice(0, 4)));
  });
}
