import type { Database } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import { type DisclosedCount, disclose } from '../../domain/disclosure.js';
import { CHECK_ITEMS } from '../../domain/programme.js';
import { stabilityFigures, stabilityYears, yearsWithPlacements } from '../../domain/stability.js';
import { staffText } from '../../i18n/staff.js';
import { forbidden, invalid, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import type { Cohorts, NewPerson, Plan, Stability, StabilityFigureId } from './contract.js';
import {
  type Access,
  cohortAttendance,
  deletePerson,
  insertCoordinator,
  insertMember,
  insertPerson,
  insertProgramme,
  programmeAccess,
  programmeName,
  programmePeople,
  programmePlan,
  programmesOfCaller,
  setCheck,
  stabilityCounts,
  updatePhase,
} from './queries.js';
import { cohortsTable, membersTable, programmeCsv, programmeXlsx, stabilityTable } from './render.js';

// A programme is seen by its coordinators (every member, as aggregates) and by staff of its member
// municipalities; for anyone else it does not exist (404, as another municipality's object).

export function listProgrammes(db: Database, ctx: TenantContext) {
  return inTenant(db, ctx, async (tx) => ({ programmes: await programmesOfCaller(tx) }));
}

async function accessOrNotFound(
  tx: Parameters<typeof programmeAccess>[0],
  programmeId: string,
): Promise<Access> {
  const access = await programmeAccess(tx, programmeId);
  if (!access) throw notFound();
  return access;
}

/** The plan: phases and checklists of every member, the groups' people. No household data. */
export function readPlan(db: Database, ctx: TenantContext, programmeId: string): Promise<Plan> {
  return inTenant(db, ctx, async (tx) => {
    const access = await accessOrNotFound(tx, programmeId);
    const members = await programmePlan(tx, programmeId);
    return {
      id: programmeId,
      name: await programmeName(tx, programmeId),
      access,
      ownMunicipality: members.some((m) => m.municipalityId === ctx.municipalityId)
        ? ctx.municipalityId
        : null,
      members,
      people: await programmePeople(tx, programmeId),
    };
  });
}

/** The caller's own municipality moves to another phase of the programme. */
export function setPhase(db: Database, ctx: TenantContext, programmeId: string, phase: number) {
  return inTenant(db, ctx, async (tx) => {
    await accessOrNotFound(tx, programmeId);
    if (!(await updatePhase(tx, programmeId, ctx.municipalityId, phase))) throw forbidden();
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'programme_phase',
      recordId: programmeId,
      details: { phase },
    });
  });
}

/** The caller's own municipality ticks (or unticks) an item of a phase's checklist. */
export function tickItem(db: Database, ctx: TenantContext, programmeId: string, item: string, done: boolean) {
  return inTenant(db, ctx, async (tx) => {
    await accessOrNotFound(tx, programmeId);
    if (!CHECK_ITEMS.includes(item)) throw notFound();
    const own = (await programmePlan(tx, programmeId)).some((m) => m.municipalityId === ctx.municipalityId);
    if (!own) throw forbidden();
    await setCheck(tx, programmeId, ctx.municipalityId, item, done, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'programme_check',
      recordId: programmeId,
      details: { item, done },
    });
  });
}

/** A coordinator adds a person to the programme's groups (professional contacts, not households). */
export function addPerson(db: Database, ctx: TenantContext, programmeId: string, person: NewPerson) {
  return inTenant(db, ctx, async (tx) => {
    if ((await accessOrNotFound(tx, programmeId)) !== 'coordinator') throw forbidden();
    const represents = person.representsMunicipality ?? null;
    if (represents !== null) {
      const members = await programmePlan(tx, programmeId);
      if (!members.some((m) => m.municipalityId === represents)) {
        throw invalid([{ field: 'representsMunicipality', rule: 'member' }]);
      }
    }
    const id = await insertPerson(tx, programmeId, person);
    await audit(tx, ctx, { action: 'create', recordType: 'programme_person', recordId: id });
    return { id };
  });
}

export function removePerson(db: Database, ctx: TenantContext, programmeId: string, personId: string) {
  return inTenant(db, ctx, async (tx) => {
    if ((await accessOrNotFound(tx, programmeId)) !== 'coordinator') throw forbidden();
    if (!(await deletePerson(tx, programmeId, personId))) throw notFound();
    await audit(tx, ctx, { action: 'delete', recordType: 'programme_person', recordId: personId });
  });
}

/**
 * Placement stability: the coordinator gets the programme pooled over its members with small
 * counts and their complements hidden; staff of a member their own municipality, exactly when
 * they are the team (events:manage), as on the café's insight page. One audit entry: aggregates read.
 */
export function readStability(
  db: Database,
  ctx: TenantContext,
  programmeId: string,
  team: boolean,
  what: { figure: StabilityFigureId | 'all'; format: string },
): Promise<Stability> {
  return inTenant(db, ctx, async (tx) => {
    const access = await accessOrNotFound(tx, programmeId);
    const window = stabilityYears(todayInOslo());
    const rows = await stabilityCounts(tx, programmeId, window[0] as number, window.at(-1) as number);
    const years = yearsWithPlacements(rows, window);
    const members = (await programmePlan(tx, programmeId)).filter(
      (m) => access === 'coordinator' || m.municipalityId === ctx.municipalityId,
    );
    const hide = access === 'coordinator' || !team;
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'programme_stability',
      recordId: programmeId,
      details: { figure: what.figure, format: what.format, hidden: hide },
    });
    const figures = stabilityFigures(
      rows,
      members.map((m) => m.municipalityId),
      years,
      hide,
    );
    return {
      scope: access === 'coordinator' ? 'programme' : 'municipality',
      hidden: hide,
      municipalities: members.map((m) => ({ id: m.municipalityId, name: m.name })),
      ...figures,
    };
  });
}

export async function exportStability(
  db: Database,
  ctx: TenantContext,
  programmeId: string,
  team: boolean,
  figure: StabilityFigureId,
  format: 'xlsx' | 'csv',
): Promise<Buffer | string> {
  const stability = await readStability(db, ctx, programmeId, team, { figure, format });
  const table = stabilityTable(stability, figure);
  return format === 'xlsx' ? programmeXlsx(table) : programmeCsv(table);
}

/** The plan's members table of /program as a file. */
export async function exportMembers(
  db: Database,
  ctx: TenantContext,
  programmeId: string,
  format: 'xlsx' | 'csv',
): Promise<Buffer | string> {
  const table = membersTable(await readPlan(db, ctx, programmeId));
  return format === 'xlsx'
    ? programmeXlsx(table, staffText('nb', 'programmes.export.membersNote'))
    : programmeCsv(table);
}

/** The cohorts table of /program/kull as a file: the same hidden counts as the page. */
export async function exportCohorts(
  db: Database,
  ctx: TenantContext,
  programmeId: string,
  format: 'xlsx' | 'csv',
): Promise<Buffer | string> {
  const table = cohortsTable(await readCohorts(db, ctx, programmeId));
  return format === 'xlsx'
    ? programmeXlsx(table, staffText('nb', 'programmes.export.cohortsNote'))
    : programmeCsv(table);
}

/**
 * En god start across the programme, for its coordinator only (anyone else: 404): per cohort the
 * households in it and, per session, how many were invited and how many came. Shown outside the
 * municipalities they are about, so small counts are «under 5», and per session «invited = came +
 * did not come» is a line: a small number who did not come is not left to subtraction.
 */
export function readCohorts(db: Database, ctx: TenantContext, programmeId: string): Promise<Cohorts> {
  return inTenant(db, ctx, async (tx) => {
    if ((await accessOrNotFound(tx, programmeId)) !== 'coordinator') throw notFound();
    const rows = await cohortAttendance(tx, programmeId);
    await audit(tx, ctx, { action: 'read', recordType: 'programme_cohorts', recordId: programmeId });
    const cohorts: Cohorts['cohorts'] = [];
    for (const row of rows) {
      let cohort = cohorts.at(-1);
      if (cohort?.id !== row.cohortId) {
        cohort = {
          id: row.cohortId,
          name: row.cohortName,
          startsOn: row.startsOn,
          municipalityId: row.municipalityId,
          municipality: row.municipalityName,
          members: disclose([row.members], [])[0] as DisclosedCount,
          sessions: [],
        };
        cohorts.push(cohort);
      }
      if (row.theme === null) continue;
      // Cells: came, did not come, invited; one line.
      const [attended, , invited] = disclose(
        [row.attended, row.invited - row.attended, row.invited],
        [{ total: 2, parts: [0, 1] }],
      );
      cohort.sessions.push({
        theme: row.theme,
        date: row.sessionDate ?? '',
        invited: invited as DisclosedCount,
        attended: attended as DisclosedCount,
      });
    }
    return { cohorts };
  });
}

/**
 * Sets up a programme: its member municipalities (with the phase each is in and the items it has
 * ticked), its coordinators (users with the role programme_coordinator) and the people of its
 * groups. As landsby_system: the programme is no one municipality's. For the demo and the tests;
 * an operator's script would call the same.
 */
export function createProgramme(
  db: Database,
  programme: {
    name: string;
    members: readonly { municipalityId: number; phase: number; done?: readonly string[] }[];
    coordinators: readonly string[];
    people: readonly NewPerson[];
  },
): Promise<string> {
  return asSystem(db, async (tx) => {
    const id = await insertProgramme(tx, programme.name);
    for (const member of programme.members) {
      const done = member.done ?? [];
      if (done.some((item) => !CHECK_ITEMS.includes(item)))
        throw new RangeError(`unknown checklist item in ${done}`);
      await insertMember(tx, id, { ...member, done });
    }
    for (const userId of programme.coordinators) await insertCoordinator(tx, id, userId);
    for (const person of programme.people) await insertPerson(tx, id, person);
    return id;
  });
}
