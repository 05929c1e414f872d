import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { addDays, isIsoDate, isLocalTime, todayInOslo, zonedInstant } from '../../../domain/calendar.js';
import {
  ageOn,
  BUDGET_PER_MEMBER_ORE,
  GATHERING_OCCASIONS,
  GATHERINGS_REQUIRED,
} from '../../../domain/network.js';
import { staffText } from '../../../i18n/staff.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import { insertEvent } from '../../events/index.js';
import type {
  Budget,
  CallBackResult,
  ContactInput,
  ContactList,
  ContactView,
  GatheringInput,
  GatheringList,
  GatheringView,
  MyNetworkView,
} from '../contract.js';
import { noteDisabled } from '../errors.js';
import * as claimQ from '../queries/claims.js';
import * as logQ from '../queries/log.js';
import * as q from '../queries/networks.js';
import { contactSettingsOf } from './edit-membership.js';

/** The resource family's network: its account's, else 404 (another network's ids answer the same). */
export async function ownNetwork(tx: Queryable, ctx: TenantContext): Promise<q.NetworkRow> {
  const networkId = ctx.userId ? await q.networkOfUser(tx, ctx.municipalityId, ctx.userId) : undefined;
  const network = networkId ? await q.findNetwork(tx, ctx.municipalityId, networkId) : undefined;
  if (!network) throw notFound();
  return network;
}

const activeMembers = (rows: q.MemberContactRow[]) => rows.filter((r) => r.joinedOn && !r.leftOn);

const thisYear = (rows: logQ.GatheringRow[], today: string) =>
  rows.filter((g) => g.status !== 'cancelled' && g.date.slice(0, 4) === today.slice(0, 4)).length;

/**
 * What the resource family sees: its member households' adults (names, phone, e-mail), address,
 * children's first names and ages; of households that left only that they left. Every household
 * shown is audited as read by the resource family.
 */
export function getMyNetwork(deps: Deps, ctx: TenantContext): Promise<MyNetworkView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const today = todayInOslo();
    const rows = await q.memberContacts(tx, network.id);
    const members = activeMembers(rows);
    const last = await logQ.lastContacts(tx, ctx.municipalityId, network.id);
    const recently = rows.filter((r) => r.leftOn && r.joinedOn && r.leftOn >= addDays(today, -90));
    await auditListRead(
      tx,
      ctx,
      'household',
      members.map((r) => r.householdId),
    );
    return {
      id: network.id,
      name: network.name,
      members: members.map((r) => ({
        householdId: r.householdId,
        name: r.displayName,
        adults: r.adults,
        address: { line: r.addressLine, postcode: r.postcode, place: r.place },
        children: r.children.map((c) => ({ firstName: c.firstName, age: ageOn(c.birthDate, today) })),
        lastContactOn: last.get(r.householdId) ?? null,
      })),
      left: recently.map((r) => ({ name: r.displayName, leftOn: r.leftOn as string })),
      caseworkers: (await q.caseworkersOf(tx, ctx.municipalityId, network.id)).map((c) => ({
        firstName: c.firstName,
        lastName: c.lastName,
      })),
      contactSettings: await contactSettingsOf(tx, ctx.municipalityId),
      gatheringsThisYear: thisYear(await logQ.gatheringsOf(tx, ctx.municipalityId, network.id), today),
      gatheringsRequired: GATHERINGS_REQUIRED,
    };
  });
}

export function listContacts(deps: Deps, ctx: TenantContext): Promise<ContactList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const names = new Map(
      (await q.memberContacts(tx, network.id)).map((r) => [r.householdId, r.displayName]),
    );
    const contacts = await logQ.contactsOf(tx, ctx.municipalityId, network.id);
    return { contacts: contacts.map((c) => ({ ...c, householdName: names.get(c.householdId) ?? '' })) };
  });
}

/** Logs a contact: 10 seconds on a phone (the date defaults to today); the same id twice logs once. */
export function logContact(deps: Deps, ctx: TenantContext, input: ContactInput): Promise<ContactView> {
  const date = input.date ?? todayInOslo();
  if (!isIsoDate(date) || date > todayInOslo()) throw invalid([{ field: 'date', rule: 'date' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const member = activeMembers(await q.memberContacts(tx, network.id)).find(
      (r) => r.householdId === input.householdId,
    );
    if (!member) throw invalid([{ field: 'householdId', rule: 'member' }]);
    if (!(await logQ.categoryExists(tx, ctx.municipalityId, input.categoryId))) {
      throw invalid([{ field: 'categoryId', rule: 'unknown' }]);
    }
    const note = input.note?.trim() || null;
    if (note && !(await logQ.noteEnabled(tx, ctx.municipalityId))) throw noteDisabled();
    const id = input.id ?? randomUUID();
    const inserted = await logQ.insertContact(tx, ctx.municipalityId, {
      id,
      networkId: network.id,
      householdId: member.householdId,
      date,
      kind: input.kind,
      categoryId: input.categoryId,
      note,
      createdBy: ctx.userId,
    });
    if (inserted) {
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'contact_log',
        recordId: id,
        subjectId: member.householdId,
        details: { networkId: network.id, kind: input.kind },
      });
    }
    const saved = (await logQ.contactsOf(tx, ctx.municipalityId, network.id)).find((c) => c.id === id);
    if (!saved) throw notFound();
    return { ...saved, householdName: member.displayName };
  });
}

/**
 * "I need to talk to the child welfare service": tells the network's caseworkers to call back.
 * Nothing of what it is about is asked or kept (the duty to report goes through a call).
 */
export async function requestCallBack(deps: Deps, ctx: TenantContext): Promise<CallBackResult> {
  const { row, caseworkers, networkName } = await inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const row = await logQ.insertCallBack(tx, ctx.municipalityId, network.id, ctx.userId);
    await audit(tx, ctx, { action: 'create', recordType: 'call_back', recordId: row.id });
    return {
      row,
      caseworkers: await q.caseworkersOf(tx, ctx.municipalityId, network.id),
      networkName: network.name,
    };
  });
  for (const caseworker of caseworkers) {
    await deps.mailer.send({
      to: caseworker.email,
      subject: staffText('nb', 'emails.callBack.subject', { network: networkName }),
      text: staffText('nb', 'emails.callBack.body', {
        network: networkName,
        url: `${deps.config.publicUrl}/nettverk`,
      }),
    });
  }
  return { notified: caseworkers.length, requestedAt: new Date(row.requestedAt).toISOString() };
}

// --- Gatherings ---------------------------------------------------------------------------------------

async function budgets(
  tx: Queryable,
  ctx: TenantContext,
  networkId: string,
  members: number,
): Promise<Budget[]> {
  const year = Number(todayInOslo().slice(0, 4));
  const result: Budget[] = [];
  for (const occasion of GATHERING_OCCASIONS) {
    const claimed = await claimQ.claimedOre(tx, ctx.municipalityId, networkId, occasion, year);
    const budgetOre = members * BUDGET_PER_MEMBER_ORE;
    result.push({ occasion, year, budgetOre, claimedOre: claimed, overBudget: claimed > budgetOre });
  }
  return result;
}

export function listGatherings(deps: Deps, ctx: TenantContext): Promise<GatheringList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    return gatheringList(tx, ctx, network.id);
  });
}

export async function gatheringList(
  tx: Queryable,
  ctx: TenantContext,
  networkId: string,
): Promise<GatheringList> {
  const rows = await logQ.gatheringsOf(tx, ctx.municipalityId, networkId);
  const members = activeMembers(await q.memberContacts(tx, networkId)).length;
  return {
    gatherings: rows,
    thisYear: thisYear(rows, todayInOslo()),
    required: GATHERINGS_REQUIRED,
    budgets: await budgets(tx, ctx, networkId, members),
  };
}

/** Plans a gathering on the event engine: an event of kind gathering with the network. */
export function planGathering(deps: Deps, ctx: TenantContext, input: GatheringInput): Promise<GatheringView> {
  const errors = [
    ...(isIsoDate(input.date) ? [] : [{ field: 'date', rule: 'date' }]),
    ...(isLocalTime(input.startTime) ? [] : [{ field: 'startTime', rule: 'time' }]),
    ...(isLocalTime(input.endTime) && input.endTime > input.startTime
      ? []
      : [{ field: 'endTime', rule: 'time' }]),
  ];
  if (errors.length) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const id = input.id ?? randomUUID();
    const created = await insertEvent(
      tx,
      ctx.municipalityId,
      id,
      {
        kind: 'gathering',
        title: input.title.trim(),
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        startsAt: zonedInstant(input.date, input.startTime),
        endsAt: zonedInstant(input.date, input.endTime),
        venueId: null,
        capacity: null,
        food: false,
        registration: 'optional',
        deadline: null,
        programme: [],
      },
      ctx.userId,
      { networkId: network.id, place: input.place.trim(), occasion: input.occasion ?? null },
    );
    if (created) {
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'event',
        recordId: id,
        details: { networkId: network.id },
      });
    }
    const row = (await logQ.gatheringsOf(tx, ctx.municipalityId, network.id)).find((g) => g.id === id);
    if (!row) throw notFound();
    return row;
  });
}
