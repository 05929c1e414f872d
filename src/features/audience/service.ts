import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import {
  type AudienceRule,
  computeAudience,
  DEFAULT_AUDIENCE_RULE,
  type ManualChange,
} from '../../domain/audience.js';
import { HOUSEHOLD_KINDS } from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { type EventRow, eventOrNotFound } from '../events/index.js';
import type { AudienceView } from './contract.js';
import * as q from './queries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ruleOf(event: Pick<EventRow, 'audienceRule'>): AudienceRule {
  return { ...DEFAULT_AUDIENCE_RULE, ...(event.audienceRule ?? {}) };
}

async function audienceOf(tx: Queryable, municipalityId: number, eventId: string, rule: AudienceRule) {
  // A network's gathering is for its member households, wherever they live and whatever their kind.
  const members = await q.gatheringMembers(tx, municipalityId, eventId);
  if (members)
    rule = { maxTravel: Number.POSITIVE_INFINITY, care: true, oversight: true, kinds: [...HOUSEHOLD_KINDS] };
  const households = (await q.audienceHouseholds(tx, municipalityId)).filter(
    (h) => !members || members.has(h.id),
  );
  const manual = new Map<string, ManualChange>(
    (await q.listInvitees(tx, municipalityId, eventId)).map((r) => [
      r.householdId,
      { included: r.included, note: r.note },
    ]),
  );
  return computeAudience(households, rule, manual);
}

/** The households an event's invitations go to. No audit entry: the caller logs what it does with them. */
export async function invitedHouseholds(
  tx: Queryable,
  municipalityId: number,
  event: Pick<EventRow, 'id' | 'audienceRule'>,
): Promise<string[]> {
  const { entries } = await audienceOf(tx, municipalityId, event.id, ruleOf(event));
  return entries.filter((e) => e.included).map((e) => e.household.id);
}

/** The audience of an event under `rule`, audited as a list read of every household shown. */
async function audienceAnswer(
  tx: Queryable,
  ctx: TenantContext,
  eventId: string,
  rule: AudienceRule,
): Promise<AudienceView> {
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

/** The event's audience under its own rule, or under `preview` (not saved). */
export async function getAudience(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  preview?: AudienceRule,
): Promise<AudienceView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOrNotFound(tx, ctx, eventId);
    return audienceAnswer(tx, ctx, eventId, preview ?? ruleOf(event));
  });
}

export async function saveAudienceRule(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  rule: AudienceRule,
): Promise<AudienceView> {
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
): Promise<AudienceView> {
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
  const clean = note?.trim() || null;
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
