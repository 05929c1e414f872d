import type { Channel } from './household.js';

/** What a household can be reached by: the contact data its adults have. */
export interface Reachability {
  /** Its adults' preferred channels, the first adult's first. */
  preferred: Channel[];
  hasEmail: boolean;
  hasMobile: boolean;
  /** A postal address complete enough to print: line, postcode and place. */
  hasAddress: boolean;
}

/** When a household has said nothing, or what it prefers cannot work: the order we try. */
const FALLBACK_ORDER: Channel[] = ['email', 'sms', 'letter', 'digital_mail'];

/** The channels the household has the contact data for. Digital mail goes by postal address (SvarUt prints when it cannot deliver digitally). */
export function usableChannels(r: Reachability): Channel[] {
  return FALLBACK_ORDER.filter((channel) => {
    if (channel === 'email') return r.hasEmail;
    if (channel === 'sms') return r.hasMobile;
    return r.hasAddress;
  });
}

/**
 * The channel one household's invitation goes by: the team's choice for this household, else
 * the team's choice for all, else the household's own preference, each only where the household
 * can be reached that way; else the first that works. When nothing works, the first choice is
 * kept, so the message fails with a reason the team can read and act on.
 */
export function chooseChannel(
  r: Reachability,
  choice: { household: Channel | null; all: Channel | null },
): Channel {
  const usable = usableChannels(r);
  const wishes = [choice.household, choice.all, ...r.preferred].filter((c): c is Channel => c !== null);
  return wishes.find((c) => usable.includes(c)) ?? usable[0] ?? wishes[0] ?? 'letter';
}
