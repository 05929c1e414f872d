// Where a sending stands: the words the server and the web app both use (no I/O here).

/** Where one household's invitation is: not sent yet, or its message's status. */
export const SENDING_STATUSES = [
  'not_sent',
  'queued',
  'sending',
  'sent',
  'delivered',
  'printed',
  'failed',
] as const;
export type SendingStatus = (typeof SENDING_STATUSES)[number];
/** A message's own status: every SendingStatus but 'not_sent' (no message yet). */
export type MessageStatus = Exclude<SendingStatus, 'not_sent'>;

/** The sending of one event: not planned, planned for a time, under way, or done. */
export const SENDING_STATES = ['not_planned', 'scheduled', 'sending', 'done'] as const;
export type SendingState = (typeof SENDING_STATES)[number];
