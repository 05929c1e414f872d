import type { IsoDate } from './calendar.js';

/**
 * The agreement (oppdragsavtale) between the municipality and a resource family (seed 003): paid
 * in units of the KS rate («1 KS»), which the municipality keeps per year in kroner per month.
 */

export const AGREEMENT_STATUSES = ['draft', 'sent', 'signed', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The caseworkers hear this many days before the agreement ends. */
export const REMINDER_DAYS_BEFORE_END = 60;

/** The seed's compensation: one KS. */
export const DEFAULT_KS_UNITS = 1;

export function agreementStatus(
  agreement: { sentAt: unknown; endOn: IsoDate },
  signers: { signedAt: unknown }[],
  today: IsoDate,
): AgreementStatus {
  if (agreement.endOn < today) return 'ended';
  if (!agreement.sentAt) return 'draft';
  return signers.length > 0 && signers.every((s) => s.signedAt) ? 'signed' : 'sent';
}

/** Kroner per month in øre: the units times the rate of the start year, rounded to whole øre. */
export const compensationOre = (ksUnits: number, rateOre: number) => Math.round(ksUnits * rateOre);

/** The quarter of a calendar day: «2027 K2». */
export function quarterOf(date: IsoDate): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}
