import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';

/** How each channel is doing for the municipality: failing since when, with what answer, next probe. */

export interface ChannelTrouble {
  channel: ChannelName;
  failingSince: Date;
  lastAnswer: string | null;
  nextProbeAt: Date;
}

/** The municipality's channels that are failing now. */
export async function failingChannels(tx: Queryable, municipalityId: number): Promise<ChannelTrouble[]> {
  const rows = await tx.query<ChannelTrouble>(
    `SELECT channel, failing_since AS "failingSince", last_answer AS "lastAnswer", next_probe_at AS "nextProbeAt"
     FROM channel_health WHERE municipality_id = $1 AND failing_since IS NOT NULL ORDER BY channel`,
    [municipalityId],
  );
  return rows.map((r) => ({
    ...r,
    failingSince: new Date(r.failingSince),
    nextProbeAt: new Date(r.nextProbeAt),
  }));
}

/**
 * The failing channels whose probe is due and for which the event has a message waiting, each
 * with its next probe moved on by `probeSeconds` in the same statement: of several workers, one
 * probes a channel at a time.
 */
export async function takeProbes(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  now: Date,
  probeSeconds: number,
): Promise<ChannelName[]> {
  const rows = await tx.query<{ channel: ChannelName }>(
    `UPDATE channel_health h SET next_probe_at = $3::timestamptz + make_interval(secs => $4)
     WHERE h.municipality_id = $1 AND h.failing_since IS NOT NULL AND h.next_probe_at <= $3
       AND EXISTS (SELECT 1 FROM message m WHERE m.municipality_id = $1 AND m.event_id = $2
                     AND m.channel = h.channel AND m.status IN ('queued', 'sending'))
     RETURNING h.channel`,
    [municipalityId, eventId, now, probeSeconds],
  );
  return rows.map((r) => r.channel);
}

/**
 * The provider of `channel` is not taking messages: failing from now if it was not already, with
 * its answer, probed again in `probeSeconds`. Returns true when it was working until now.
 */
export async function markFailing(
  tx: Queryable,
  municipalityId: number,
  channel: ChannelName,
  answer: string,
  now: Date,
  probeSeconds: number,
): Promise<boolean> {
  const still = await tx.query(
    `UPDATE channel_health SET last_failure_at = $3, last_answer = $4,
       next_probe_at = $3::timestamptz + make_interval(secs => $5)
     WHERE municipality_id = $1 AND channel = $2 AND failing_since IS NOT NULL
     RETURNING channel`,
    [municipalityId, channel, now, answer, probeSeconds],
  );
  if (still.length > 0) return false;
  // ON CONFLICT … WHERE takes the row's lock and looks again: of two workers, one starts it.
  const started = await tx.query(
    `INSERT INTO channel_health (municipality_id, channel, failing_since, last_failure_at, last_answer, next_probe_at)
     VALUES ($1, $2, $3, $3, $4, $3::timestamptz + make_interval(secs => $5))
     ON CONFLICT (municipality_id, channel) DO UPDATE SET failing_since = EXCLUDED.failing_since,
       last_failure_at = EXCLUDED.last_failure_at, last_answer = EXCLUDED.last_answer,
       next_probe_at = EXCLUDED.next_probe_at
     WHERE channel_health.failing_since IS NULL
     RETURNING channel`,
    [municipalityId, channel, now, answer, probeSeconds],
  );
  return started.length > 0;
}

/**
 * A message went through on `channel`: it works again. Returns since when it had been failing,
 * or undefined when it was not failing (or another worker saw it recover first).
 */
export async function markWorking(
  tx: Queryable,
  municipalityId: number,
  channel: ChannelName,
): Promise<Date | undefined> {
  const [row] = await tx.query<{ failingSince: Date | null }>(
    `SELECT failing_since AS "failingSince" FROM channel_health
     WHERE municipality_id = $1 AND channel = $2 FOR UPDATE`,
    [municipalityId, channel],
  );
  if (!row?.failingSince) return undefined;
  await tx.query(
    `UPDATE channel_health SET failing_since = NULL, next_probe_at = NULL
     WHERE municipality_id = $1 AND channel = $2`,
    [municipalityId, channel],
  );
  return new Date(row.failingSince);
}
