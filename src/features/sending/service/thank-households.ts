import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { inQuietHours, outsideQuietHours } from '../../../domain/reminders.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { findEvent } from '../../events/index.js';
import { feedbackLinkOf } from '../../feedback/index.js';
import type { AfterCafeView } from '../contract.js';
import { noFeedbackForm, notHeld } from '../errors.js';
import { findSendingSettings } from '../queries/event.js';
import { type AfterCafeGroup, afterCafeTargets, queueByHouseholdChannel } from '../queries/follow-up.js';
import { holdReminders } from '../queries/message.js';

/**
 * After the café, when the team decides (never by itself): a thank-you with the feedback link to
 * the households checked in, and a "we missed you" to those who said they were coming, had a
 * place, and were not checked in. Once per household and message, by its channel; a walk-in
 * that was never invited has no answer link to write from and gets none.
 */

async function viewOf(deps: Deps, tx: Queryable, ctx: TenantContext, eventId: string, now: Date) {
  const event = await findEvent(tx, ctx.municipalityId, eventId);
  if (!event) throw notFound();
  const groups = {} as Record<AfterCafeGroup, { ids: string[]; households: number; sent: number }>;
  for (const group of ['thanks', 'missed'] as const) {
    const targets = await afterCafeTargets(tx, ctx.municipalityId, eventId, group);
    groups[group] = {
      ids: targets.filter((t) => !t.done).map((t) => t.id),
      households: targets.length,
      sent: targets.filter((t) => t.done).length,
    };
  }
  const feedbackUrl = await feedbackLinkOf(tx, ctx.municipalityId, eventId, deps.config.publicUrl);
  return {
    held: event.status === 'planned' && new Date(event.endsAt).getTime() <= now.getTime(),
    feedbackForm: feedbackUrl !== null,
    groups,
  };
}

const present = (view: Awaited<ReturnType<typeof viewOf>>): AfterCafeView => ({
  held: view.held,
  feedbackForm: view.feedbackForm,
  thanks: { households: view.groups.thanks.households, sent: view.groups.thanks.sent },
  missed: { households: view.groups.missed.households, sent: view.groups.missed.sent },
});

/** How many came and how many were missed, and how many of them have had their message. */
export async function getAfterCafe(deps: Deps, ctx: TenantContext, eventId: string): Promise<AfterCafeView> {
  return inTenant(deps.db, ctx, async (tx) => present(await viewOf(deps, tx, ctx, eventId, new Date())));
}

/**
 * Queues the chosen messages (the thank-you, the "we missed you" or both) to the households of
 * each group that have not had it. Asked for in quiet hours (20:00–09:00 Oslo: the evening of the
 * café), they go at 09:00.
 */
export async function sendAfterCafe(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  choice: { thanks: boolean; missed: boolean },
  now: Date = new Date(),
): Promise<AfterCafeView> {
  const at = outsideQuietHours(now);
  const { view, queued } = await inTenant(deps.db, ctx, async (tx) => {
    // The event's lock makes a double click take turns: the second finds the first's messages.
    await findSendingSettings(tx, ctx.municipalityId, eventId, true);
    const before = await viewOf(deps, tx, ctx, eventId, now);
    if (!choice.thanks && !choice.missed) throw invalid([{ field: 'thanks', rule: 'required' }]);
    if (!before.held) throw notHeld();
    if (choice.thanks && !before.feedbackForm) throw noFeedbackForm();
    const queued: Record<AfterCafeGroup, number> = { thanks: 0, missed: 0 };
    for (const group of ['thanks', 'missed'] as const) {
      if (!choice[group]) continue;
      const ids = before.groups[group].ids;
      queued[group] = await queueByHouseholdChannel(tx, ctx.municipalityId, eventId, ids, group);
      if (queued[group] > 0 && inQuietHours(now)) {
        await holdReminders(tx, ctx.municipalityId, eventId, group, at);
      }
    }
    await audit(tx, ctx, { action: 'create', recordType: 'message', details: { eventId, ...queued } });
    return { view: present(await viewOf(deps, tx, ctx, eventId, now)), queued };
  });
  if (queued.thanks + queued.missed > 0) {
    await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId }, at);
  }
  return { ...view, at: at.toISOString() };
}
