import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';
import { CLAIMED, type ClaimedMessage, type GaveUp } from './message.js';

/**
 * Messages held back by a failing provider: the probe that tries one of a failing channel, the
 * messages a batch did not try after all, sending them at once when the channel works again, and
 * giving up those whose time ran out.
 */

/**
 * The probe of a failing channel: one waiting message of the event on it, whatever its own
 * back-off says (the one that has waited longest), to see whether the provider is back.
 */
export function claimProbe(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  leaseSeconds: number,
  channel: ChannelName,
): Promise<ClaimedMessage[]> {
  return tx.query<ClaimedMessage>(
    `UPDATE message SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
     WHERE id IN (
       SELECT id FROM message WHERE municipality_id = $1 AND event_id = $2 AND channel = $4
         AND (status = 'queued' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $3)))
       ORDER BY not_before, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     ${CLAIMED}`,
    [municipalityId, eventId, leaseSeconds, channel],
  );
}

/** Claimed messages not sent after all (their channel turned out to be failing): back in the queue, untried. */
export async function releaseMessages(
  tx: Queryable,
  municipalityId: number,
  messageIds: string[],
): Promise<void> {
  if (messageIds.length === 0) return;
  await tx.query(
    `UPDATE message SET status = 'queued', attempts = greatest(attempts - 1, 0), claimed_at = NULL, updated_at = now()
     WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND status = 'sending'`,
    [municipalityId, messageIds],
  );
}

/**
 * The channel works again: its messages that wait for a retry go now, not after their back-off
 * (they waited for the provider, not for themselves). Every event of the municipality.
 */
export async function resumeChannel(
  tx: Queryable,
  municipalityId: number,
  channel: ChannelName,
  now: Date,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE message SET not_before = $3, updated_at = now()
     WHERE municipality_id = $1 AND channel = $2 AND status = 'queued' AND not_before > $3
       AND failing_since IS NOT NULL
     RETURNING id`,
    [municipalityId, channel, now],
  );
  return rows.length;
}

/**
 * Marks failed the event's waiting messages whose time has run out while a provider failed (the
 * message's own passing failure, or its channel failing): the event has started, the answer
 * deadline has passed (invitations and reminders: they ask for an answer), or they have been
 * failing `retryHours` already (one never tried: since it was queued or its channel began
 * failing, whichever came later). Returns how many, by why.
 */
export async function giveUpExpired(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  now: Date,
  retryHours: number,
): Promise<{ gaveUp: GaveUp; count: number }[]> {
  return tx.query(
    `WITH expired AS (
       SELECT m.id,
         CASE WHEN e.starts_at <= $3 THEN 'event_started'
              WHEN (m.purpose = 'invitation' OR m.purpose LIKE 'reminder:%') AND e.deadline IS NOT NULL
                AND $3 >= (e.deadline + 1)::timestamp AT TIME ZONE 'Europe/Oslo' THEN 'deadline'
              WHEN COALESCE(m.failing_since, greatest(h.failing_since, m.created_at)) <= $3::timestamptz - make_interval(hours => $4)
                THEN 'retry_time'
         END AS gave_up
       FROM message m
       JOIN event e ON e.id = m.event_id AND e.municipality_id = m.municipality_id
       LEFT JOIN channel_health h ON h.municipality_id = m.municipality_id AND h.channel = m.channel
       WHERE m.municipality_id = $1 AND m.event_id = $2 AND m.status = 'queued'
         AND (m.failing_since IS NOT NULL OR h.failing_since IS NOT NULL)
       FOR UPDATE OF m SKIP LOCKED),
     given AS (
       UPDATE message m SET status = 'failed', gave_up = x.gave_up, claimed_at = NULL, updated_at = now()
       FROM expired x WHERE m.id = x.id AND x.gave_up IS NOT NULL
       RETURNING m.gave_up)
     SELECT gave_up AS "gaveUp", count(*)::int AS count FROM given GROUP BY gave_up ORDER BY gave_up`,
    [municipalityId, eventId, now, retryHours],
  );
}

/** The event's messages given up because their time ran out, by why (one notice for the team). */
export function gaveUpCounts(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ gaveUp: GaveUp; count: number }[]> {
  return tx.query(
    `SELECT gave_up AS "gaveUp", count(*)::int AS count FROM message
     WHERE municipality_id = $1 AND event_id = $2 AND status = 'failed' AND gave_up IS NOT NULL
     GROUP BY gave_up ORDER BY gave_up`,
    [municipalityId, eventId],
  );
}

/** The event's messages waiting to go, by channel. */
export async function waitingByChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<Map<ChannelName, number>> {
  const rows = await tx.query<{ channel: ChannelName; count: number }>(
    `SELECT channel, count(*)::int AS count FROM message
     WHERE municipality_id = $1 AND event_id = $2 AND status IN ('queued', 'sending') GROUP BY channel`,
    [municipalityId, eventId],
  );
  return new Map(rows.map((r) => [r.channel, r.count]));
}
