import type { Channel } from '../domain/household.js';

/**
 * The four ways an invitation or reminder reaches a household (SPEC section 2). Each channel is
 * a real integration behind one interface, Sender, with a local default so Landsby runs without
 * any provider account.
 */

/** A channel by name: the one list is the domain's (domain/household.ts CHANNELS). */
export type ChannelName = Channel;

export interface PostalAddress {
  name: string;
  line: string;
  postcode: string;
  place: string;
}

export interface OutgoingMessage {
  /** Our id for the message: the idempotency key, and the reference providers echo back. */
  id: string;
  channel: ChannelName;
  to: {
    /** The adults' names as the letter or mail addresses them ("Kari og Ola Nordmann"). */
    name: string;
    email?: string;
    /** E.164 */
    mobile?: string;
    address?: PostalAddress;
    /** Only for digital mail, only where the municipality chose it (encrypted at rest elsewhere). */
    nationalId?: string;
  };
  /** The sender's display name, e.g. "Fosterhjemstjenesten i Asker" (e-mail). */
  from?: string;
  /** The municipality's own sender settings; what is unset is the installation's (config). */
  sender?: MessageSender;
  subject: string;
  /** Plain text: the e-mail's text part, the SMS itself. */
  text: string;
  html?: string;
  /** The letter as PDF: printed, or sent as digital mail. */
  pdf?: Uint8Array;
  /** With a cid: shown inside the HTML (<img src="cid:…">) rather than as a file. */
  attachments?: { filename: string; contentType: string; content: Uint8Array | string; cid?: string }[];
}

/** The municipality's own accounts at the providers (features/sender-settings). */
export interface SvarUtAccount {
  kontoId: string;
  integrasjonId: string;
  integrasjonPassord: string;
}

export interface SveveAccount {
  user: string;
  password: string;
}

/** Who a municipality's message is from, where it set its own (features/sender-settings). */
export interface MessageSender {
  /** The e-mail sender's address, e.g. fosterhjem@asker.kommune.no. */
  emailAddress?: string;
  /** The sender shown on the phone (Sveve's `from`). */
  smsFrom?: string;
  svarut?: SvarUtAccount;
  sveve?: SveveAccount;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'printed' | 'failed';

export interface SendResult {
  status: DeliveryStatus;
  /** The provider's id for the message, to match delivery reports and status queries. */
  providerId?: string;
  /** The provider's own words when it refused, for the team to read. */
  reason?: string;
  /** A failure worth trying again later (network, 5xx, 429) rather than a refusal. */
  retryable?: boolean;
  /**
   * The provider itself is not taking messages (unreachable, 5xx, 429): every message of the
   * channel would fail the same way, so the sending waits for it rather than trying each one.
   * A passing failure of one recipient (an SMTP 4xx for one address) is retryable without it.
   */
  providerDown?: boolean;
  /**
   * A letter for the print room: kept in the database with the message when its outcome is
   * recorded (table letter_pdf), so every Landsby process can merge it into the print file.
   */
  letterPdf?: Uint8Array;
}

/** A channel's transport: sends one message and says what became of it. */
export interface Sender {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Lets go of open connections (the SMTP pool) when the app stops. */
  close?(): void;
}
