/**
 * The welcome list: households invited several times that never came, ranked by how likely a
 * personal phone call helps. First-timers are the cafés' biggest worry (the Asker experience:
 * once someone has come, they come back), and a call from the team lowers the threshold.
 *
 * The rule is meant to be read out loud to the team, so it is a plain order of groups, not a
 * weighted sum:
 *
 *   1. `never_answered` – silent every time, and every invitation reached them (nothing failed).
 *      Nobody knows whether they read anything: the call may be the first real contact.
 *   2. `contact_failed` – at least one invitation could not be delivered (wrong number, e-mail or
 *      address). The call reaches them and puts the contact data right.
 *   3. `unsure` – answered "maybe", or said they were coming and did not. They are half-way: a
 *      call can answer what held them back (the way there, not knowing anyone, the children).
 *   4. `declined` – every answer was "no". They did read and answer; a call helps least, and
 *      comes last.
 *
 * Within a group: more invitations first (invited more often, still never there), then name.
 */

/** What happened to one invitation. */
export type InvitationOutcome = 'silent' | 'failed' | 'declined' | 'maybe' | 'no_show';

/** The reason for a household's place on the list, best chance for a call first. */
export const WELCOME_REASONS = ['never_answered', 'contact_failed', 'unsure', 'declined'] as const;
export type WelcomeReason = (typeof WELCOME_REASONS)[number];

/** How a call to a household of the welcome list went. */
export const CALL_OUTCOMES = [
  'reached',
  'no_answer',
  'left_message',
  'wrong_number',
  'not_interested',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** The longest note on a call. */
export const CALL_NOTE_MAX = 500;

/** The least number of earlier invitations that puts a household on the list. */
export const WELCOME_MIN_INVITATIONS = 3;

/** One earlier invitation as the database knows it. */
export interface PastInvitation {
  /** Its answer, if any. */
  response: 'coming' | 'not_coming' | 'maybe' | null;
  /** Whether messages went and every one of them failed. */
  failed: boolean;
}

/** In short: what happened. An answer counts over a failed message (they answered anyway). */
export function outcomeOf(invitation: PastInvitation): InvitationOutcome {
  if (invitation.response === 'not_coming') return 'declined';
  if (invitation.response === 'maybe') return 'maybe';
  if (invitation.response === 'coming') return 'no_show';
  return invitation.failed ? 'failed' : 'silent';
}

/** Why the household is where it is on the list (see the rule above). */
export function reasonOf(outcomes: InvitationOutcome[]): WelcomeReason {
  if (outcomes.every((o) => o === 'silent')) return 'never_answered';
  if (outcomes.includes('failed')) return 'contact_failed';
  if (outcomes.includes('maybe') || outcomes.includes('no_show')) return 'unsure';
  return 'declined';
}

export interface WelcomeCandidate {
  id: string;
  name: string;
  invitations: PastInvitation[];
}

export interface Ranked<T extends WelcomeCandidate> {
  household: T;
  outcomes: InvitationOutcome[];
  reason: WelcomeReason;
  /** 1 = call first. */
  rank: number;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * The households to call, best chance first. Those with fewer than `WELCOME_MIN_INVITATIONS`
 * invitations are left out (the caller gives only households that never came).
 */
export function rankWelcomeList<T extends WelcomeCandidate>(
  candidates: T[],
  minInvitations = WELCOME_MIN_INVITATIONS,
): Ranked<T>[] {
  return candidates
    .filter((c) => c.invitations.length >= minInvitations)
    .map((household) => {
      const outcomes = household.invitations.map(outcomeOf);
      return { household, outcomes, reason: reasonOf(outcomes), rank: 0 };
    })
    .sort(
      (a, b) =>
        WELCOME_REASONS.indexOf(a.reason) - WELCOME_REASONS.indexOf(b.reason) ||
        b.outcomes.length - a.outcomes.length ||
        collator.compare(a.household.name, b.household.name) ||
        (a.household.id < b.household.id ? -1 : a.household.id > b.household.id ? 1 : 0),
    )
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/**
 * "Earlier" for an event: started before it, and before now. The welcome list and the channel
 * statistics (which channel worked for households like them) count earlier events the same way.
 */
export function earlierThan(startsAt: Date | string, now: Date = new Date()): Date {
  return new Date(Math.min(new Date(startsAt).getTime(), now.getTime()));
}
