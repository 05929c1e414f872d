import type { Queryable } from '../../../db/connection.js';
import type { Channel, HouseholdKind } from '../../../domain/household.js';
import { PAST_EVENTS } from '../../welcome/index.js';

/**
 * Channel statistics: which channel has worked for households like these (the suggested channel,
 * domain/channel-choice.ts). Events count as "earlier" as on the welcome list (PAST_EVENTS).
 */
export interface ChannelRecordRow {
  kind: HouseholdKind;
  channel: Channel;
  /** households of the kind invited by the channel while they had not come yet */
  of: number;
  /** of those, the ones whose first visit followed an invitation by the channel */
  came: number;
}

/**
 * Per kind of household and channel: how many households were reached by an invitation by that
 * channel before or at their first visit, and how many came first after one. The channel of an
 * invitation is that of its latest message that did not fail; failed invitations reached no one.
 */
export function channelRecords(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<ChannelRecordRow[]> {
  return tx.query<ChannelRecordRow>(
    `WITH ${PAST_EVENTS},
     reached AS (
       SELECT DISTINCT ON (i.id) i.household_id, p.starts_at, m.channel
       FROM invitation i JOIN past p ON p.id = i.event_id
       JOIN message m ON m.invitation_id = i.id AND m.purpose = 'invitation' AND m.status <> 'failed'
       WHERE i.municipality_id = $1 AND i.household_id IS NOT NULL
       ORDER BY i.id, m.created_at DESC),
     first_visit AS (
       SELECT a.household_id, min(p.starts_at) AS starts_at
       FROM attendance a JOIN past p ON p.id = a.event_id
       WHERE a.municipality_id = $1 AND a.present
       GROUP BY a.household_id)
     SELECT h.kind, r.channel, count(DISTINCT r.household_id)::int AS of,
       count(DISTINCT r.household_id) FILTER (WHERE r.starts_at = f.starts_at)::int AS came
     FROM reached r
     JOIN household h ON h.id = r.household_id AND h.municipality_id = $1
     LEFT JOIN first_visit f ON f.household_id = r.household_id
     WHERE f.starts_at IS NULL OR r.starts_at <= f.starts_at
     GROUP BY h.kind, r.channel`,
    [municipalityId, before],
  );
}

/** Of the given households: those invited to an earlier event that never came, with their kind. */
export function invitedNeverCame(
  tx: Queryable,
  municipalityId: number,
  before: Date,
  householdIds: string[],
): Promise<{ id: string; kind: HouseholdKind }[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return tx.query(
    `WITH ${PAST_EVENTS}
     SELECT h.id, h.kind FROM household h
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])
       AND EXISTS (SELECT 1 FROM invitation i JOIN past p ON p.id = i.event_id WHERE i.household_id = h.id)
       AND NOT EXISTS (SELECT 1 FROM attendance a
         WHERE a.municipality_id = $1 AND a.household_id = h.id AND a.present)`,
    [municipalityId, before, householdIds],
  );
}
