import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import { type EndReason, gateMissing, gateOpen, roomForMember } from '../../../domain/network.js';
import { householdWords } from '../../../i18n/household/index.js';
import { sha256 } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { requireSolid } from '../../courses/index.js';
import { findHousehold } from '../../registry/index.js';
import type {
  ContactSettingsInput,
  JoinInput,
  MemberView,
  NetworkInput,
  NetworkView,
  SigningLink,
} from '../contract.js';
import {
  alreadyMember,
  badCaseworkers,
  gateClosed,
  notPending,
  notResourceFamily,
  overrideForbidden,
  tooManyMembers,
} from '../errors.js';
import * as gateQ from '../queries/gate.js';
import * as logQ from '../queries/log.js';
import * as q from '../queries/networks.js';
import { gateChildren, networkOrNotFound, networkView, ownMemberView } from './show-networks.js';

/** Creates a network around a resource family with its caseworkers (and, joint, a second municipality). */
export function createNetwork(deps: Deps, ctx: TenantContext, input: NetworkInput): Promise<NetworkView> {
  return inTenant(deps.db, ctx, (tx) => createNetworkIn(tx, ctx, input));
}

/** createNetwork in the caller's transaction (matching creates a network and its members as one). */
export async function createNetworkIn(
  tx: Queryable,
  ctx: TenantContext,
  input: NetworkInput,
): Promise<NetworkView> {
  const m = ctx.municipalityId;
  const family = await findHousehold(tx, m, input.resourceFamilyHouseholdId);
  if (family?.kind !== 'resource_family' || family.archivedAt) throw notResourceFamily();
  await requireSolid(tx, m, family.id);
  const userIds = [...new Set(input.caseworkerUserIds)];
  if ((await q.supervisorsAmong(tx, m, userIds)) !== userIds.length) throw badCaseworkers();
  const number = input.partnerMunicipalityNumber ?? null;
  const partner = number === null ? null : ((await q.municipalityByNumber(tx, number)) ?? null);
  if (number !== null && (partner === null || partner === m)) {
    throw invalid([{ field: 'partnerMunicipalityNumber', rule: partner === m ? 'own' : 'unknown' }]);
  }
  const id = randomUUID();
  await q.insertNetwork(tx, m, {
    id,
    name: input.name.trim(),
    resourceFamilyHouseholdId: family.id,
    createdBy: ctx.userId,
  });
  await q.insertNetworkMunicipality(tx, m, id, m);
  if (partner !== null) await q.insertNetworkMunicipality(tx, m, id, partner);
  await q.insertCaseworkers(tx, m, id, userIds);
  const linked = await q.linkFamilyAccounts(tx, m, id, family.id);
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'network',
    recordId: id,
    subjectId: family.id,
    details: { partnerMunicipalityId: partner, caseworkers: userIds.length, accounts: linked },
  });
  return networkView(tx, ctx, await networkOrNotFound(tx, ctx, id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function memberOrNotFound(tx: Queryable, ctx: TenantContext, networkId: string, memberId: string) {
  await networkOrNotFound(tx, ctx, networkId);
  const member = UUID.test(memberId)
    ? await q.findMember(tx, ctx.municipalityId, networkId, memberId)
    : undefined;
  if (!member) throw notFound();
  return member;
}

async function memberViewOf(tx: Queryable, ctx: TenantContext, networkId: string, memberId: string) {
  const member = await memberOrNotFound(tx, ctx, networkId, memberId);
  const household = await findHousehold(tx, ctx.municipalityId, member.householdId);
  const last = (await logQ.lastContacts(tx, ctx.municipalityId, networkId)).get(member.householdId) ?? null;
  return ownMemberView(tx, ctx, member, household?.displayName ?? '', last);
}

/** Proposes a household of the own municipality: pending until its gate is open and it joins. */
export function proposeMember(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  householdId: string,
): Promise<MemberView> {
  return inTenant(deps.db, ctx, (tx) => proposeMemberIn(tx, ctx, networkId, householdId));
}

/** proposeMember in the caller's transaction (matching's choice fills a network in one). */
export async function proposeMemberIn(
  tx: Queryable,
  ctx: TenantContext,
  networkId: string,
  householdId: string,
): Promise<MemberView> {
  const network = await networkOrNotFound(tx, ctx, networkId);
  const household = await findHousehold(tx, ctx.municipalityId, householdId);
  if (!household || household.archivedAt) throw notFound();
  if (household.id === network.resourceFamilyHouseholdId) throw alreadyMember();
  const id = randomUUID();
  const inserted = await q.insertMember(tx, ctx.municipalityId, {
    id,
    networkId,
    householdId,
    createdBy: ctx.userId,
  });
  if (!inserted) throw alreadyMember();
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'network_member',
    recordId: id,
    subjectId: householdId,
    details: { networkId },
  });
  return memberViewOf(tx, ctx, networkId, id);
}

/**
 * Lets a pending household join: refused (409) while a consent or signature is missing, and past
 * five members unless a team leader overrides it with a reason (audited).
 */
export function joinMember(
  deps: Deps,
  ctx: TenantContext,
  canOverride: boolean,
  networkId: string,
  memberId: string,
  input: JoinInput,
): Promise<MemberView> {
  const joinOn = input.joinOn ?? todayInOslo();
  if (!isIsoDate(joinOn)) throw invalid([{ field: 'joinOn', rule: 'date' }]);
  if (input.override && !canOverride) throw overrideForbidden();
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const member = await memberOrNotFound(tx, ctx, networkId, memberId);
    if (member.joinedOn || member.leftOn) throw notPending();
    const people = await gateQ.gatePeople(tx, m, member.id, member.householdId);
    const signed = new Set(people.signatures.map((s) => s.adultId));
    const missing = gateMissing(
      gateChildren(people),
      people.adults.map((a) => ({ ...a, signed: signed.has(a.id) })),
      joinOn,
    );
    if (!gateOpen(missing)) throw gateClosed(missing);
    // Counted over both municipalities of a joint network; the lock keeps two joins from both fitting.
    await q.lockMembers(tx, m, networkId);
    const active = (await q.memberContacts(tx, networkId)).filter((x) => x.joinedOn && !x.leftOn).length;
    if (!roomForMember(active) && !input.override) throw tooManyMembers(5);
    const overrideReason = roomForMember(active) ? null : (input.override?.reason.trim() ?? null);
    await q.setJoined(tx, m, member.id, joinOn, overrideReason);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'network_member',
      recordId: member.id,
      subjectId: member.householdId,
      details: { change: 'joined', joinOn, ...(overrideReason ? { override: overrideReason } : {}) },
    });
    return memberViewOf(tx, ctx, networkId, member.id);
  });
}

async function endMembership(
  tx: Queryable,
  ctx: TenantContext,
  member: q.MemberRow,
  reason: EndReason,
): Promise<void> {
  await q.setLeft(tx, ctx.municipalityId, member.id, todayInOslo(), reason);
  await audit(tx, ctx, {
    action: 'update',
    recordType: 'network_member',
    recordId: member.id,
    subjectId: member.householdId,
    details: { change: 'left', reason },
  });
}

export function endMember(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  memberId: string,
  reason: EndReason,
): Promise<MemberView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const member = await memberOrNotFound(tx, ctx, networkId, memberId);
    if (!member.leftOn) await endMembership(tx, ctx, member, reason);
    return memberViewOf(tx, ctx, networkId, memberId);
  });
}

/** Records a child's consent for this membership (recording it twice keeps the first). */
export function recordConsent(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  memberId: string,
  childId: string,
): Promise<MemberView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const member = await memberOrNotFound(tx, ctx, networkId, memberId);
    if (member.leftOn) throw notPending();
    const people = await gateQ.gatePeople(tx, ctx.municipalityId, member.id, member.householdId);
    if (!people.children.some((c) => c.id === childId)) throw notFound();
    await gateQ.insertConsent(tx, ctx.municipalityId, member.id, childId, ctx.userId);
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'child_consent',
      recordId: member.id,
      subjectId: member.householdId,
      details: { childId },
    });
    return memberViewOf(tx, ctx, networkId, memberId);
  });
}

/**
 * A child withdraws its consent or an adult revokes the signature: the membership ends (the
 * resource family sees only that the household left).
 */
export function withdraw(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  memberId: string,
  who: { childId?: string; adultId?: string },
): Promise<MemberView> {
  if (Boolean(who.childId) === Boolean(who.adultId)) throw invalid([{ field: 'childId', rule: 'one_of' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const member = await memberOrNotFound(tx, ctx, networkId, memberId);
    const done = who.childId
      ? await gateQ.withdrawConsent(tx, m, member.id, who.childId)
      : await gateQ.revokeSignature(tx, m, member.id, who.adultId as string);
    if (!done) throw notFound();
    await audit(tx, ctx, {
      action: 'update',
      recordType: who.childId ? 'child_consent' : 'confidentiality_signature',
      recordId: member.id,
      subjectId: member.householdId,
      details: { change: 'withdrawn', ...who },
    });
    if (!member.leftOn && member.joinedOn) {
      await endMembership(tx, ctx, member, who.childId ? 'consent_withdrawn' : 'signature_revoked');
    }
    return memberViewOf(tx, ctx, networkId, memberId);
  });
}

/** 128 random bits, URL-safe: 22 characters. */
export const SIGNING_TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const newSigningToken = () => randomBytes(16).toString('base64url');
export const signingUrl = (deps: Deps, token: string) => `${deps.config.publicUrl}/taushetsplikt/${token}`;

/** A fresh personal signing link for an adult of a pending or active membership; `send` e-mails it. */
export async function signingLink(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  memberId: string,
  input: { adultId: string; send?: boolean },
): Promise<SigningLink> {
  const token = newSigningToken();
  const { adult, networkName } = await inTenant(deps.db, ctx, async (tx) => {
    const network = await networkOrNotFound(tx, ctx, networkId);
    const member = await memberOrNotFound(tx, ctx, networkId, memberId);
    if (member.leftOn) throw notPending();
    const people = await gateQ.gatePeople(tx, ctx.municipalityId, member.id, member.householdId);
    const found = people.adults.find((a) => a.id === input.adultId);
    if (!found) throw notFound();
    await gateQ.insertSigningLink(tx, ctx.municipalityId, {
      memberId,
      adultId: found.id,
      tokenHash: sha256(token),
    });
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'signing_link',
      recordId: member.id,
      subjectId: member.householdId,
      details: { adultId: found.id, sent: Boolean(input.send && found.email) },
    });
    return { adult: found, networkName: network.name };
  });
  const url = signingUrl(deps, token);
  if (input.send && adult.email) {
    const words = householdWords('nb').confidentiality;
    if (words) {
      await deps.mailer.send({
        to: adult.email,
        subject: words.emailSubject,
        text: `${words.emailGreeting.replace('{fornavn}', adult.firstName)}\n\n${words.emailBody.replace('{nettverk}', networkName)}\n\n${url}\n`,
      });
    }
  }
  return { url, sentTo: input.send && adult.email ? adult.email : null };
}

/** The municipality's contact categories and whether the note field is on. */
export function getContactSettings(deps: Deps, ctx: TenantContext) {
  return inTenant(deps.db, ctx, (tx) => contactSettingsOf(tx, ctx.municipalityId));
}

/** The categories; a municipality without any gets the default list the first time it asks. */
export async function contactSettingsOf(tx: Queryable, municipalityId: number) {
  let categories = await logQ.contactCategories(tx, municipalityId);
  if (categories.length === 0) {
    await logQ.saveContactSettings(
      tx,
      municipalityId,
      DEFAULT_CATEGORIES.map((label) => ({ id: randomUUID(), label })),
      false,
    );
    categories = await logQ.contactCategories(tx, municipalityId);
  }
  return { categories, noteEnabled: await logQ.noteEnabled(tx, municipalityId) };
}

/** The seed's examples: advice, practical help, babysitting, just a chat. */
const DEFAULT_CATEGORIES = ['Råd', 'Praktisk hjelp', 'Barnevakt', 'Bare en prat'];

export function saveContactSettings(deps: Deps, ctx: TenantContext, input: ContactSettingsInput) {
  return inTenant(deps.db, ctx, async (tx) => {
    await logQ.saveContactSettings(
      tx,
      ctx.municipalityId,
      input.categories.map((c) => ({ id: c.id ?? randomUUID(), label: c.label.trim() })),
      input.noteEnabled,
    );
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'network_settings',
      details: { categories: input.categories.length, noteEnabled: input.noteEnabled },
    });
    return contactSettingsOf(tx, ctx.municipalityId);
  });
}

export function markCallBackDone(deps: Deps, ctx: TenantContext, networkId: string, callBackId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    await networkOrNotFound(tx, ctx, networkId);
    if (
      !UUID.test(callBackId) ||
      !(await logQ.setCallBackDone(tx, ctx.municipalityId, networkId, callBackId, ctx.userId))
    )
      throw notFound();
    await audit(tx, ctx, { action: 'update', recordType: 'call_back', recordId: callBackId });
  });
}

/** Gives a user account with the resource-family role access to the network (and only to it). */
export function linkResourceFamilyUser(deps: Deps, ctx: TenantContext, networkId: string, userId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    await networkOrNotFound(tx, ctx, networkId);
    if (!UUID.test(userId) || !(await q.isResourceFamilyUser(tx, ctx.municipalityId, userId)))
      throw notFound();
    await q.insertNetworkUser(tx, ctx.municipalityId, networkId, userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'user',
      recordId: userId,
      subjectId: userId,
      details: { networkId },
    });
    return networkView(tx, ctx, await networkOrNotFound(tx, ctx, networkId));
  });
}
