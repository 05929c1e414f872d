import { inTenant, type TenantContext } from '../../db/tenant.js';
import { displayMobile } from '../../domain/phone.js';
import {
  type CallOutcome,
  earlierThan,
  rankWelcomeList,
  WELCOME_MIN_INVITATIONS,
} from '../../domain/welcome.js';
import type { Deps } from '../../server/deps.js';
import { notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import type { WelcomeCall, WelcomeList } from './contract.js';
import { presentCall } from './present.js';
import * as q from './queries.js';

/** Calls shown per household on the list. */
const CALLS_SHOWN = 5;

/** The welcome list before an event (`domain/welcome.ts` says how it is ranked). */
export async function getWelcomeList(deps: Deps, ctx: TenantContext, eventId: string): Promise<WelcomeList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const startsAt = await q.eventStart(tx, ctx.municipalityId, eventId);
    if (startsAt === undefined) throw notFound();
    const rows = await q.neverCame(tx, ctx.municipalityId, earlierThan(startsAt), WELCOME_MIN_INVITATIONS);
    const ranked = rankWelcomeList(rows.map((r) => ({ ...r, invitations: r.history })));
    const ids = ranked.map((r) => r.household.id);
    const contacts = new Map<string, { languages: string[]; mobile: string | null }>();
    for (const adult of await q.adultContacts(tx, ctx.municipalityId, ids)) {
      const c = contacts.get(adult.householdId) ?? { languages: [], mobile: null };
      if (!c.languages.includes(adult.language)) c.languages.push(adult.language);
      c.mobile ??= adult.mobile;
      contacts.set(adult.householdId, c);
    }
    const calls = new Map<string, WelcomeCall[]>();
    for (const row of await q.lastCalls(tx, ctx.municipalityId, ids, CALLS_SHOWN)) {
      calls.set(row.householdId, [...(calls.get(row.householdId) ?? []), presentCall(row)]);
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

/** Notes a call to a household and how it went; an 'update' of the household in the audit log. */
export async function noteCall(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
  input: { eventId?: string | null; outcome: CallOutcome; note?: string | null },
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
    return presentCall(row);
  });
}
