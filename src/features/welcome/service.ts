import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { type ChannelRecord, type Reachability, suggestChannel } from '../../domain/channel-choice.js';
import type { Channel, HouseholdKind } from '../../domain/household.js';
import { rankWelcomeList, WELCOME_MIN_INVITATIONS } from '../../domain/welcome.js';
import type { Deps } from '../../server/deps.js';
import { notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import * as q from './queries.js';

/** Calls shown per household on the list. */
const CALLS_SHOWN = 5;

/** A mobile number for people to read, as the registry shows it: «412 34 567»; abroad «+46 70 123 45 67». */
export function displayMobile(e164: string): string {
  const norwegian = /^\+47([49]\d{7})$/.exec(e164)?.[1];
  if (norwegian) return `${norwegian.slice(0, 3)} ${norwegian.slice(3, 5)} ${norwegian.slice(5)}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function call(row: q.WelcomeCallRow) {
  return {
    id: row.id,
    eventId: row.eventId,
    outcome: row.outcome,
    note: row.note,
    calledAt: new Date(row.calledAt).toISOString(),
    calledBy: row.calledBy,
  };
}

/** "Earlier" for an event: started before it, and before now. */
function earlierThan(startsAt: Date | string): Date {
  return new Date(Math.min(new Date(startsAt).getTime(), Date.now()));
}

/** The welcome list before an event (`domain/welcome.ts` says how it is ranked). */
export async function getWelcomeList(deps: Deps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const [event] = await tx.query<{ id: string; startsAt: Date | string }>(
      'SELECT id, starts_at AS "startsAt" FROM event WHERE municipality_id = $1 AND id = $2',
      [ctx.municipalityId, eventId],
    );
    if (!event) throw notFound();
    const rows = await q.neverCame(
      tx,
      ctx.municipalityId,
      earlierThan(event.startsAt),
      WELCOME_MIN_INVITATIONS,
    );
    const ranked = rankWelcomeList(rows.map((r) => ({ ...r, invitations: r.history })));
    const ids = ranked.map((r) => r.household.id);
    const contacts = new Map<string, { languages: string[]; mobile: string | null }>();
    for (const adult of await q.adultContacts(tx, ctx.municipalityId, ids)) {
      const c = contacts.get(adult.householdId) ?? { languages: [], mobile: null };
      if (!c.languages.includes(adult.language)) c.languages.push(adult.language);
      c.mobile ??= adult.mobile;
      contacts.set(adult.householdId, c);
    }
    const calls = new Map<string, ReturnType<typeof call>[]>();
    for (const row of await q.lastCalls(tx, ctx.municipalityId, ids, CALLS_SHOWN)) {
      calls.set(row.householdId, [...(calls.get(row.householdId) ?? []), call(row)]);
    }
    await auditListRead(tx, ctx, 'household', ids);
    return {
      eventId,
      minInvitations: WELCOME_MIN_INVITATIONS,
      households: ranked.map(({ household: h, outcomes, reason, rank }) => {
        const contact = contacts.get(h.id);
        const mobile = contact?.mobile ?? null;
        return {
          id: h.id,
          name: h.name,
          kind: h.kind,
          rank,
          reason,
          languages: contact?.languages ?? [],
          mobile,
          mobileDisplay: mobile ? displayMobile(mobile) : null,
          invitations: h.history.length,
          history: h.history.map((item, index) => ({
            eventId: item.eventId,
            date: item.date,
            title: item.title,
            channel: item.channel,
            outcome: outcomes[index] ?? 'silent',
          })),
          calls: calls.get(h.id) ?? [],
        };
      }),
    };
  });
}

export type WelcomeList = Awaited<ReturnType<typeof getWelcomeList>>;

/** Notes a call to a household and how it went; an 'update' of the household in the audit log. */
export async function noteCall(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
  input: { eventId?: string | null; outcome: q.CallOutcome; note?: string | null },
) {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.householdExists(tx, ctx.municipalityId, householdId))) throw notFound();
    const eventId = input.eventId ?? null;
    if (eventId && !(await q.eventExists(tx, ctx.municipalityId, eventId))) throw notFound();
    const note = input.note?.trim() ? input.note.trim() : null;
    const row = await q.insertCall(tx, ctx.municipalityId, {
      householdId,
      eventId,
      outcome: input.outcome,
      note,
      calledBy: ctx.userId,
    });
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { welcomeCall: row.id, eventId, outcome: input.outcome, note: note !== null },
    });
    return call(row);
  });
}

/**
 * For the households about to be invited: the channel that has worked clearly better for
 * households like them (`suggestChannel`), for those invited before that never came. Households
 * without a clear suggestion are not in the map.
 */
export async function suggestedChannels(
  tx: Queryable,
  municipalityId: number,
  event: { startsAt: Date | string },
  households: (Reachability & { id: string })[],
): Promise<Map<string, Channel>> {
  const result = new Map<string, Channel>();
  const before = earlierThan(event.startsAt);
  const neverCame = await q.invitedNeverCame(
    tx,
    municipalityId,
    before,
    households.map((h) => h.id),
  );
  if (neverCame.length === 0) return result;
  const records = new Map<HouseholdKind, ChannelRecord>();
  for (const row of await q.channelRecords(tx, municipalityId, before)) {
    const record = records.get(row.kind) ?? {};
    record[row.channel] = { came: row.came, of: row.of };
    records.set(row.kind, record);
  }
  const kinds = new Map(neverCame.map((h) => [h.id, h.kind]));
  for (const household of households) {
    const kind = kinds.get(household.id);
    if (!kind) continue;
    const suggestion = suggestChannel(household, records.get(kind));
    if (suggestion) result.set(household.id, suggestion);
  }
  return result;
}
