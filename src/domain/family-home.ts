/**
 * Family homes (SPEC section 5, seed 004): the kinds of follow-up and of meetings, and the rule
 * that a family counsellor follows one or two homes ("støtteperson for ett eller to familiehjem").
 */

export const FOLLOW_UP_KINDS = ['home_visit', 'call', 'meeting'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** School meetings, the responsibility group (ansvarsgruppe), leisure activities, and the rest. */
export const MEETING_KINDS = ['school', 'responsibility_group', 'leisure', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** How many homes one family counsellor follows without a team leader's override. */
export const COUNSELLOR_HOME_LIMIT = 2;

/** May a counsellor who follows `followed` homes take one more (without an override)? */
export function counsellorHasRoom(followed: number): boolean {
  return followed < COUNSELLOR_HOME_LIMIT;
}
