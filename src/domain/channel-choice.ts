import type { Channel } from './household.js';
import { clearlyDifferent, wilson } from './statistics.js';

/** What a household can be reached by: the contact data its adults have. */
export interface Reachability {
  /** Its adults' preferred channels, the first adult's first. */
  preferred: Channel[];
  hasEmail: boolean;
  hasMobile: boolean;
  /** A postal address complete enough to print: line, postcode and place. */
  hasAddress: boolean;
  /** The channels the municipality uses (its sender settings); null or absent: all four. */
  offered?: readonly Channel[] | null;
}

/** When a household has said nothing, or what it prefers cannot work: the order we try. */
const FALLBACK_ORDER: Channel[] = ['email', 'sms', 'letter', 'digital_mail'];

/** The channels the municipality uses that the household has the contact data for. Digital mail goes by postal address (SvarUt prints when it cannot deliver digitally). */
export function usableChannels(r: Reachability): Channel[] {
  return FALLBACK_ORDER.filter((channel) => {
    if (r.offered && !r.offered.includes(channel)) return false;
    if (channel === 'email') return r.hasEmail;
    if (channel === 'sms') return r.hasMobile;
    return r.hasAddress;
  });
}

/**
 * The channel one household's invitation goes by: the team's choice for this household, else
 * the team's choice for all, else the channel that has worked clearly best for households like
 * it (`suggested`, given only for households invited before that never came: see
 * `suggestChannel`), else the household's own preference, each only where the household can be
 * reached that way; else the first that works. When nothing works, the first choice is kept, so
 * the message fails with a reason the team can read and act on.
 */
export function chooseChannel(
  r: Reachability,
  choice: { household: Channel | null; all: Channel | null; suggested?: Channel | null },
): Channel {
  const usable = usableChannels(r);
  const wishes = [choice.household, choice.all, choice.suggested ?? null, ...r.preferred].filter(
    (c): c is Channel => c !== null,
  );
  // Never a channel the municipality does not use, even as the one kept to fail.
  const offered = wishes.filter((c) => !r.offered || r.offered.includes(c));
  return wishes.find((c) => usable.includes(c)) ?? usable[0] ?? offered[0] ?? r.offered?.[0] ?? 'letter';
}

/** For households of one kind: per channel, how many were invited by it and how many came after it. */
export type ChannelRecord = Partial<Record<Channel, { came: number; of: number }>>;

/**
 * The channel that has worked clearly best for households like this one, or null.
 *
 * "Households like them" are households of the same kind. For each channel, `of` counts those
 * that were invited by it while they had not come yet, and `came` those whose first visit
 * followed an invitation by it. Among the channels this household can be reached by, the one
 * with the highest share is suggested only when its 95 % Wilson interval lies wholly above the
 * interval of the channel the household would get anyway (its own preference): otherwise the
 * difference may be chance, and the household's wish stands.
 */
export function suggestChannel(r: Reachability, record: ChannelRecord | undefined): Channel | null {
  if (!record) return null;
  const usable = usableChannels(r);
  const usual = chooseChannel(r, { household: null, all: null });
  const shares = usable.flatMap((channel) => {
    const c = record[channel];
    return c && c.of > 0 ? [{ channel, share: wilson(c.came, c.of) }] : [];
  });
  const best = shares.reduce<(typeof shares)[number] | undefined>(
    (top, s) => (!top || (s.share.share ?? 0) > (top.share.share ?? 0) ? s : top),
    undefined,
  );
  if (!best || best.channel === usual) return null;
  const current = shares.find((s) => s.channel === usual)?.share ?? wilson(0, 0);
  return clearlyDifferent(best.share, current) && (best.share.share ?? 0) > (current.share ?? 0)
    ? best.channel
    : null;
}
