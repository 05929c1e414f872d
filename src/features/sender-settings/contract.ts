import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS } from '../../domain/household.js';
import { literals, Nullable, Text } from '../../server/schemas.js';

const Channel = literals(CHANNELS);

// The fields' own rules (domain/sender.ts checkSender) are checked by the service, so every field
// that breaks one is named at once under validation.invalid; the schema keeps to sizes.

/**
 * The municipality's sender settings as the admin sees them. A null field means the
 * installation's value (`installation`). Passwords never leave the server: an account shown here
 * has its password stored («lagret»).
 */
export const SenderSettings = Type.Object({
  senderName: Nullable(Type.String()),
  emailAddress: Nullable(Type.String()),
  smsFrom: Nullable(Type.String()),
  /** The channels the municipality uses (all four unless it chose fewer). */
  channels: Type.Array(Channel),
  svarut: Nullable(Type.Object({ kontoId: Type.String(), integrasjonId: Type.String() })),
  sveve: Nullable(Type.Object({ user: Type.String() })),
  /** What the installation sends with where the municipality has set nothing. */
  installation: Type.Object({
    senderName: Type.String(),
    emailAddress: Type.String(),
    smsFrom: Type.String(),
    /** SvarUt (SVARUT_URL) and Sveve (SVEVE_USER) are connected; else letters and SMS go to the outbox. */
    svarutConnected: Type.Boolean(),
    sveveConnected: Type.Boolean(),
  }),
});
export type SenderSettings = Static<typeof SenderSettings>;

/** What the admin saves. A password left out keeps the one stored; null removes the account. */
export const SenderSettingsInput = Type.Object({
  senderName: Nullable(Text(100)),
  emailAddress: Nullable(Text(254)),
  smsFrom: Nullable(Text(11)),
  channels: Type.Array(Channel, { maxItems: 4, uniqueItems: true }),
  svarut: Nullable(
    Type.Object({
      kontoId: Text(36),
      integrasjonId: Text(36),
      integrasjonPassord: Type.Optional(Text(500)),
    }),
  ),
  sveve: Nullable(Type.Object({ user: Text(100), password: Type.Optional(Text(500)) })),
});
export type SenderSettingsInput = Static<typeof SenderSettingsInput>;
