import { addDays, daysBetween } from './calendar.js';

/**
 * The rules of a resource-family network (SPEC section 3, seed 003): who may join (the gate),
 * when a child's consent is needed, how many members, how many gatherings, the budget.
 */

/** pending: proposed, not joined; active; consent_missing: a child has turned 15 without consent; left */
export const MEMBER_STATUSES = ['pending', 'active', 'consent_missing', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** Why a membership ended: the household left, a consent was withdrawn, a signature revoked. */
export const END_REASONS = ['left', 'consent_withdrawn', 'signature_revoked'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const CONTACT_KINDS = ['call', 'visit', 'message', 'gathering'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CLAIM_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** The two gatherings with a budget from the municipality. */
export const GATHERING_OCCASIONS = ['christmas', 'summer'] as const;
export type GatheringOccasion = (typeof GATHERING_OCCASIONS)[number];

export const MEMBER_LIMITS = { min: 3, max: 5 } as const;
export const GATHERINGS_REQUIRED = 6;
/** NOK 500 per member household for the Christmas and for the summer gathering. */
export const BUDGET_PER_MEMBER_ORE = 500_00;
/** A foster child from 15 is a party in its own case and consents itself. */
export const CONSENT_AGE = 15;
/** The caseworkers are told this many days before a member's child turns 15. */
export const CONSENT_NOTICE_DAYS = 30;

export const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

/** The version of the group confidentiality text (its words are in src/i18n/household/). */
export const CONFIDENTIALITY_TEXT_VERSION = '2025-1';

/** Whole years from a YYYY-MM-DD birth date to `day`. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface GateChild {
  id: string;
  firstName: string | null;
  birthDate: string;
  consent: boolean;
}
export interface GateAdult {
  id: string;
  firstName: string;
  lastName: string;
  signed: boolean;
}
export interface GateResult {
  children: { childId: string; firstName: string | null; age: number }[];
  adults: { adultId: string; firstName: string; lastName: string }[];
}

/**
 * What keeps a household out on `day`: every child aged 15 or more that day without a consent,
 * every adult without a signature. Both lists empty: the gate is open.
 */
export function gateMissing(
  children: readonly GateChild[],
  adults: readonly GateAdult[],
  day: string,
): GateResult {
  return {
    children: children
      .filter((c) => !c.consent && ageOn(c.birthDate, day) >= CONSENT_AGE)
      .map((c) => ({ childId: c.id, firstName: c.firstName, age: ageOn(c.birthDate, day) })),
    adults: adults
      .filter((a) => !a.signed)
      .map((a) => ({ adultId: a.id, firstName: a.firstName, lastName: a.lastName })),
  };
}

export const gateOpen = (missing: GateResult) => missing.children.length === 0 && missing.adults.length === 0;

/** The day a child born on `birthDate` turns 15 (29 February: 1 March in a common year). */
export function turns15On(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + CONSENT_AGE;
  const candidate = `${year}${birthDate.slice(4)}`;
  return ageOn(birthDate, candidate) >= CONSENT_AGE && !Number.isNaN(Date.parse(candidate))
    ? candidate
    : addDays(`${year}-02-28`, 1);
}

/** A consent task is open from a month before the 15th birthday until the consent is recorded. */
export function consentTaskOpen(birthDate: string, consent: boolean, today: string): boolean {
  return !consent && daysBetween(today, turns15On(birthDate)) <= CONSENT_NOTICE_DAYS;
}

/** An active member whose child has turned 15 without consent shows "consent missing". */
export function activeStatus(children: readonly GateChild[], today: string): 'active' | 'consent_missing' {
  return children.some((c) => !c.consent && ageOn(c.birthDate, today) >= CONSENT_AGE)
    ? 'consent_missing'
    : 'active';
}

/** Whether one more member is within 3–5; beyond it only a team leader's override lets it in. */
export const roomForMember = (activeMembers: number) => activeMembers < MEMBER_LIMITS.max;

/** The occasion's budget: NOK 500 per active member household. */
export const budgetOre = (activeMembers: number) => activeMembers * BUDGET_PER_MEMBER_ORE;

/** The receipt's type from its first bytes (the header can lie); null when it is none of the three. */
export function receiptType(bytes: Uint8Array): ReceiptType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  return null;
}
