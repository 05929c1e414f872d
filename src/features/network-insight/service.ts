import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import { BUDGET_PER_MEMBER_ORE, GATHERING_OCCASIONS, GATHERINGS_REQUIRED } from '../../domain/network.js';
import { nextTalkDue } from '../../domain/supervision.js';
import type { Deps } from '../../server/deps.js';
import { notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { figureCsv, figureXlsx } from '../insight/index.js';
import type { BudgetInput, BudgetView, NetworkFigureId, NetworkInsight } from './contract.js';
import * as q from './queries.js';
import { networkFigureTable } from './render.js';

/** The months of `year` counted by `today`: all twelve of a past year, none of a future one. */
export function monthsCounted(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 12;
  return year > thisYear ? 0 : Number(today.slice(5, 7));
}

/**
 * Supervision kept on time in a year: each talk of the year is on time when held by the day the
 * talk before it (or the network's start) made due, at the network's interval now.
 */
export function supervisionKept(row: q.SupervisionRow, from: string, to: string, today: string) {
  let due = nextTalkDue(null, row.startedOn, row.intervalDays);
  let talks = 0;
  let onTime = 0;
  for (const held of row.heldOn) {
    if (held >= from && held <= to) {
      talks += 1;
      if (held <= due) onTime += 1;
    }
    due = nextTalkDue(held, row.startedOn, row.intervalDays);
  }
  return {
    talks,
    onTime,
    share: talks === 0 ? null : Math.round((onTime / talks) * 1000) / 1000,
    nextDue: due,
    overdue: due < today,
  };
}

/**
 * The figures of /innsikt/nettverk for one year, for the municipality's own networks. A network
 * without a budget set for the year is measured against the seed's allowance: NOK 500 per member
 * household for the Christmas and for the summer gathering.
 */
export function readNetworkInsight(deps: Deps, ctx: TenantContext, year?: number): Promise<NetworkInsight> {
  const today = todayInOslo();
  const y = year ?? Number(today.slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const networks = await q.ownNetworks(tx, m);
    const members = await q.membersDuring(tx, m, from, to);
    const contacts = await q.contactsPerMonth(tx, m, from, to);
    const gatherings = new Map((await q.gatherings(tx, m, from, to, today)).map((g) => [g.networkId, g]));
    const claims = new Map((await q.claimSums(tx, m, from, to)).map((c) => [c.networkId, c]));
    const budgets = new Map((await q.budgets(tx, m, y)).map((b) => [b.networkId, b.amountOre]));
    const talks = new Map((await q.supervision(tx, m)).map((s) => [s.networkId, s]));
    const counted = monthsCounted(y, today);
    await auditListRead(tx, ctx, 'household', [...new Set(members.map((r) => r.householdId))]);
    return {
      year: y,
      monthsCounted: counted,
      networks: networks.map((network) => {
        const own = members.filter((r) => r.networkId === network.id);
        const set = budgets.get(network.id);
        const budgetOre = set ?? own.length * BUDGET_PER_MEMBER_ORE * GATHERING_OCCASIONS.length;
        const claim = claims.get(network.id);
        const approvedOre = claim?.approvedOre ?? 0;
        return {
          id: network.id,
          name: network.name,
          members: own.map((member) => {
            const months = Array.from(
              { length: 12 },
              (_, i) =>
                contacts.find(
                  (c) =>
                    c.networkId === network.id && c.householdId === member.householdId && c.month === i + 1,
                )?.contacts ?? 0,
            );
            const total = months.reduce((sum, n) => sum + n, 0);
            return {
              householdId: member.householdId,
              name: member.name,
              months,
              total,
              perMonth: counted === 0 ? null : Math.round((total / counted) * 10) / 10,
            };
          }),
          gatherings: {
            held: gatherings.get(network.id)?.held ?? 0,
            planned: gatherings.get(network.id)?.planned ?? 0,
            required: GATHERINGS_REQUIRED,
          },
          budget: {
            budgetOre,
            source: set === undefined ? ('seed' as const) : ('set' as const),
            approvedOre,
            submittedOre: claim?.submittedOre ?? 0,
            used: budgetOre === 0 ? null : Math.round((approvedOre / budgetOre) * 1000) / 1000,
          },
          supervision: supervisionKept(
            talks.get(network.id) ?? {
              networkId: network.id,
              startedOn: today,
              intervalDays: 14,
              heldOn: [],
            },
            from,
            to,
            today,
          ),
        };
      }),
    };
  });
}

/** One figure of the page as a spreadsheet or CSV (the same table the page shows). */
export async function exportNetworkFigure(
  deps: Deps,
  ctx: TenantContext,
  year: number | undefined,
  figure: NetworkFigureId,
  format: 'csv' | 'xlsx',
): Promise<{ year: number; body: string | Buffer }> {
  const insight = await readNetworkInsight(deps, ctx, year);
  const table = networkFigureTable(insight, figure);
  const body =
    format === 'csv'
      ? figureCsv(table)
      : await figureXlsx(table, { from: `${insight.year}-01-01`, to: `${insight.year}-12-31` }, table.note);
  return { year: insight.year, body };
}

/** Sets a network's budget for a year (the owner municipality's network only). */
export function setNetworkBudget(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  input: BudgetInput,
): Promise<BudgetView> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.ownsNetwork(tx, ctx.municipalityId, networkId))) throw notFound();
    const amountOre = input.amountKr * 100;
    await q.setBudget(tx, ctx.municipalityId, networkId, input.year, amountOre, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'network',
      recordId: networkId,
      details: { change: 'budget', year: input.year, amountOre },
    });
    return { networkId, year: input.year, amountOre };
  });
}
