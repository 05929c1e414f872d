import type { Queryable } from '../../../db/connection.js';
import type { TenantContext } from '../../../db/tenant.js';
import { inTenant } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import {
  activeStatus,
  ageOn,
  consentTaskOpen,
  GATHERINGS_REQUIRED,
  type GateChild,
  gateMissing,
  MEMBER_LIMITS,
  type MemberStatus,
  turns15On,
} from '../../../domain/network.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { auditListRead } from '../../audit/index.js';
import type { ConsentTask, MemberView, NetworkList, NetworkSummary, NetworkView } from '../contract.js';
import * as claimQ from '../queries/claims.js';
import * as gateQ from '../queries/gate.js';
import * as logQ from '../queries/log.js';
import * as q from '../queries/networks.js';

/** The gate's children of a membership: a consent counts when recorded and not withdrawn. */
export function gateChildren(people: gateQ.GatePeople): GateChild[] {
  const consented = new Set(people.consents.map((c) => c.childId));
  return people.children.map((c) => ({ ...c, consent: consented.has(c.id) }));
}

function statusOf(member: q.MemberRow, children: readonly GateChild[], today: string): MemberStatus {
  if (member.leftOn) return 'left';
  if (!member.joinedOn) return 'pending';
  return activeStatus(children, today);
}

/** One of the municipality's own memberships with its gate, as the team sees it. */
export async function ownMemberView(
  tx: Queryable,
  ctx: TenantContext,
  member: q.MemberRow,
  name: string,
  lastContactOn: string | null,
  today = todayInOslo(),
): Promise<MemberView> {
  const people = await gateQ.gatePeople(tx, ctx.municipalityId, member.id, member.householdId);
  const children = gateChildren(people);
  const signatures = new Map(people.signatures.map((s) => [s.adultId, s]));
  const consents = new Map(people.consents.map((c) => [c.childId, c.recordedAt]));
  // Before joining the gate is checked on today; after, a child who has turned 15 since needs one too.
  const missing = gateMissing(
    children,
    people.adults.map((a) => ({ ...a, signed: signatures.has(a.id) })),
    today,
  );
  return {
    id: member.id,
    householdId: member.householdId,
    name,
    municipalityId: member.municipalityId,
    own: true,
    status: statusOf(member, children, today),
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    endReason: member.endReason,
    overrideReason: member.overrideReason,
    adults: people.adults.map((a) => {
      const s = signatures.get(a.id);
      return {
        ...a,
        signature: s
          ? { signedAt: new Date(s.signedAt).toISOString(), textVersion: s.textVersion, via: s.via }
          : null,
      };
    }),
    children: children.map((c) => {
      const recorded = consents.get(c.id);
      const turns = turns15On(c.birthDate);
      return {
        id: c.id,
        firstName: c.firstName,
        age: ageOn(c.birthDate, today),
        turns15On: turns > today ? turns : null,
        consentRecordedAt: recorded ? new Date(recorded).toISOString() : null,
        consentNeeded: ageOn(c.birthDate, today) >= 15,
      };
    }),
    missing,
    lastContactOn,
  };
}

/** Another municipality's member of a joint network: only what a member sees. */
function sharedMemberView(row: q.MemberContactRow, lastContactOn: string | null, today: string): MemberView {
  return {
    id: row.memberId,
    householdId: row.householdId,
    name: row.displayName,
    municipalityId: row.municipalityId,
    own: false,
    status: row.leftOn ? 'left' : row.joinedOn ? 'active' : 'pending',
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    endReason: null,
    overrideReason: null,
    adults: row.adults.map((a, i) => ({ id: `${row.memberId}-${i}`, ...a, signature: null })),
    children: row.children.map((c, i) => ({
      id: `${row.memberId}-${i}`,
      firstName: c.firstName,
      age: ageOn(c.birthDate, today),
      turns15On: null,
      consentRecordedAt: null,
      consentNeeded: false,
    })),
    missing: { children: [], adults: [] },
    lastContactOn,
  };
}

const thisYear = (gatherings: logQ.GatheringRow[], today: string) =>
  gatherings.filter((g) => g.status !== 'cancelled' && g.date.slice(0, 4) === today.slice(0, 4)).length;

const isMember = (status: MemberStatus) => status === 'active' || status === 'consent_missing';

/** The whole network as the team sees it; every member household shown is audited as read. */
export async function networkView(
  tx: Queryable,
  ctx: TenantContext,
  network: q.NetworkRow,
): Promise<NetworkView> {
  const today = todayInOslo();
  const m = ctx.municipalityId;
  const [shared, own, lastContacts, gatherings, callBacks] = await Promise.all([
    q.memberContacts(tx, network.id),
    q.ownMembers(tx, m, network.id),
    logQ.lastContacts(tx, m, network.id),
    logQ.gatheringsOf(tx, m, network.id),
    logQ.callBacksOf(tx, m, network.id),
  ]);
  const names = new Map(shared.map((s) => [s.memberId, s.displayName]));
  const members: MemberView[] = [];
  for (const member of own) {
    const name = names.get(member.id) ?? '';
    members.push(
      await ownMemberView(tx, ctx, member, name, lastContacts.get(member.householdId) ?? null, today),
    );
  }
  for (const row of shared) {
    if (row.municipalityId === m) continue;
    members.push(sharedMemberView(row, lastContacts.get(row.householdId) ?? null, today));
  }
  members.sort(
    (a, b) => Number(a.status === 'left') - Number(b.status === 'left') || a.name.localeCompare(b.name),
  );
  const consentTasks: ConsentTask[] = [];
  for (const member of members) {
    if (!member.own || !isMember(member.status)) continue;
    const people = await gateQ.gatePeople(tx, m, member.id, member.householdId);
    for (const child of gateChildren(people)) {
      if (consentTaskOpen(child.birthDate, child.consent, today)) {
        consentTasks.push({
          memberId: member.id,
          householdName: member.name,
          childId: child.id,
          childFirstName: child.firstName,
          turns15On: turns15On(child.birthDate),
        });
      }
    }
  }
  await auditListRead(
    tx,
    ctx,
    'household',
    members.map((x) => x.householdId),
  );
  return {
    id: network.id,
    name: network.name,
    ownerMunicipalityId: network.municipalityId,
    resourceFamily: {
      householdId: network.resourceFamilyHouseholdId,
      name: network.resourceFamilyName ?? '',
    },
    municipalities: await q.networkMunicipalities(tx, network.id),
    caseworkers: (await q.caseworkersOf(tx, m, network.id)).map(({ email: _e, ...c }) => c),
    members,
    memberCount: members.filter((x) => isMember(x.status)).length,
    memberLimits: { min: MEMBER_LIMITS.min, max: MEMBER_LIMITS.max },
    gatheringsThisYear: thisYear(gatherings, today),
    gatheringsRequired: GATHERINGS_REQUIRED,
    consentTasks,
    callBacks: callBacks.map((c) => ({
      id: c.id,
      requestedAt: new Date(c.requestedAt).toISOString(),
      doneAt: c.doneAt ? new Date(c.doneAt).toISOString() : null,
    })),
    resourceFamilyUsers: await q.networkUsers(tx, m, network.id),
    resourceFamilyCandidates: await q.resourceFamilyCandidates(tx, m, network.id),
  };
}

export async function networkOrNotFound(tx: Queryable, ctx: TenantContext, networkId: string) {
  const network = await q.findNetwork(tx, ctx.municipalityId, networkId);
  if (!network) throw notFound();
  return network;
}

export function getNetwork(deps: Deps, ctx: TenantContext, networkId: string): Promise<NetworkView> {
  return inTenant(deps.db, ctx, async (tx) =>
    networkView(tx, ctx, await networkOrNotFound(tx, ctx, networkId)),
  );
}

/** All the municipality's networks with what the team follows up. */
export function listNetworks(deps: Deps, ctx: TenantContext): Promise<NetworkList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const networks: NetworkSummary[] = [];
    const claims = await claimQ.claimsOf(tx, ctx.municipalityId, { status: 'submitted' });
    for (const network of await q.networksOf(tx, ctx.municipalityId)) {
      const view = await networkView(tx, ctx, network);
      networks.push({
        id: view.id,
        name: view.name,
        resourceFamily: view.resourceFamily,
        municipalities: view.municipalities,
        caseworkers: view.caseworkers,
        members: view.members
          .filter((x) => x.status !== 'left')
          .map((x) => ({
            id: x.id,
            householdId: x.householdId,
            name: x.name,
            municipalityId: x.municipalityId,
            status: x.status,
            lastContactOn: x.lastContactOn,
          })),
        memberCount: view.memberCount,
        gatheringsThisYear: view.gatheringsThisYear,
        gatheringsRequired: view.gatheringsRequired,
        openConsentTasks: view.consentTasks.length,
        claimsToApprove: claims.filter((c) => c.networkId === view.id).length,
        callBacksOpen: view.callBacks.filter((c) => !c.doneAt).length,
      });
    }
    return { networks };
  });
}
