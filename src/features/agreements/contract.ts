import { type Static, Type } from '@sinclair/typebox';
import { AGREEMENT_STATUSES } from '../../domain/agreement.js';
import { Day, Decimal, Int, literals, Nullable, Text, Uuid, Year } from '../../server/schemas.js';

// The agreement (oppdragsavtale) of a network's resource family and the municipality's KS rates
// (docs/agreements-api.md). Money is in øre, dates are Oslo calendar days (YYYY-MM-DD).

// --- KS rates (/api/ks-rates) ----------------------------------------------------------------------

export const KsRate = Type.Object({
  year: Year,
  amountOre: Int({ minimum: 1, maximum: 100_000_000, description: 'øre per month' }),
});
export type KsRate = Static<typeof KsRate>;

export const KsRates = Type.Object({ rates: Type.Array(KsRate, { maxItems: 101 }) });
export type KsRates = Static<typeof KsRates>;

// --- The agreement (/api/networks/:networkId/agreement) ---------------------------------------------

export const AgreementParams = Type.Object({ networkId: Uuid });
export type AgreementParams = Static<typeof AgreementParams>;

export const AgreementInput = Type.Object({
  startOn: Day,
  endOn: Day,
  ksUnits: Decimal(0.25, 10, { multipleOf: 0.25, description: 'units of the KS rate, e.g. 1' }),
  expenses: Text(1000, { description: 'the expense refunds as agreed' }),
  otherArrangements: Text(1000, { description: 'comes on top of any other arrangement' }),
});
export type AgreementInput = Static<typeof AgreementInput>;

export const AgreementSigner = Type.Object({
  adultId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Nullable(Type.String()),
  linkMadeAt: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
});

export const Agreement = Type.Object({
  id: Type.String(),
  status: literals(AGREEMENT_STATUSES),
  startOn: Type.String(),
  endOn: Type.String(),
  ksUnits: Type.Number(),
  /** the KS rate of the start year, øre per month */
  ksRateOre: Type.Integer(),
  compensationOre: Type.Integer({ description: 'ksUnits × the rate, øre per month' }),
  expenses: Type.String(),
  otherArrangements: Type.String(),
  sentAt: Nullable(Type.String()),
  signers: Type.Array(AgreementSigner),
});
export type Agreement = Static<typeof Agreement>;

/** The network's current agreement (the latest), or none yet. */
export const AgreementView = Type.Object({
  networkName: Type.String(),
  resourceFamily: Type.String(),
  agreement: Nullable(Agreement),
});
export type AgreementView = Static<typeof AgreementView>;

/** Sending: the personal links, each e-mailed to the adult who has an address. */
export const AgreementSent = Type.Object({
  agreement: Agreement,
  links: Type.Array(
    Type.Object({ adultId: Type.String(), url: Type.String(), sentTo: Nullable(Type.String()) }),
  ),
});
export type AgreementSent = Static<typeof AgreementSent>;

export const AgreementSigningParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 64 }) });
export type AgreementSigningParams = Static<typeof AgreementSigningParams>;
