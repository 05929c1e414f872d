import type { Queryable } from '../../../db/connection.js';
import { type ChannelRecord, type Reachability, suggestChannel } from '../../../domain/channel-choice.js';
import type { Channel, HouseholdKind } from '../../../domain/household.js';
import { earlierThan } from '../../../domain/welcome.js';
import * as q from '../queries/channel-record.js';

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
