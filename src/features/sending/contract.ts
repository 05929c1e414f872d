import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS } from '../../domain/household.js';
import { REMINDER_DAYS, REMINDER_GROUPS } from '../../domain/reminders.js';
import { SENDING_STATES, SENDING_STATUSES } from '../../domain/sending.js';
import { Instant, literals, Nullable, Text, Uuid } from '../../server/schemas.js';

const ChannelName = literals(CHANNELS);

/** Why a message was given up: the event started, the answer deadline passed, the retry time ran out. */
export const GAVE_UP_REASONS = ['event_started', 'deadline', 'retry_time'] as const;
const GaveUpReason = literals(GAVE_UP_REASONS);

export const SendingParams = Type.Object({ eventId: Uuid });
// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
export const SendingHouseholdParams = Type.Object({
  eventId: Uuid,
  householdId: Type.String({ maxLength: 64 }),
});

export const SendingQuery = Type.Object({ households: Type.Optional(Type.Boolean()) });

const CountFields = {
  households: Type.Integer(),
  not_sent: Type.Integer(),
  queued: Type.Integer(),
  sending: Type.Integer(),
  sent: Type.Integer(),
  delivered: Type.Integer(),
  printed: Type.Integer(),
  failed: Type.Integer(),
};
export const SendingCounts = Type.Object(CountFields);
export type SendingCounts = Static<typeof SendingCounts>;

/** One household on the sending page: its channel (chosen or by the rule), what it can use, how it went. */
export const SendingHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: ChannelName,
  choice: Nullable(ChannelName),
  usable: Type.Array(ChannelName),
  status: literals(SENDING_STATUSES),
  reason: Nullable(Type.String()),
  /** Set when its provider kept failing until its time ran out. */
  gaveUp: Nullable(GaveUpReason),
  sentAt: Nullable(Type.String()),
});
export type SendingHousehold = Static<typeof SendingHousehold>;

/** The sending of an event's invitations: state, counts per status and channel, each household. */
export const SendingView = Type.Object({
  eventId: Type.String(),
  sendAt: Nullable(Type.String({ format: 'date-time' })),
  defaultSendAt: Type.String({ format: 'date-time' }),
  state: literals(SENDING_STATES),
  channel: Nullable(ChannelName),
  counts: SendingCounts,
  byChannel: Type.Array(Type.Object({ channel: ChannelName, ...CountFields })),
  households: Type.Array(SendingHousehold),
  lettersToPrint: Type.Integer(),
  /**
   * The channels failing now that have messages of this event waiting: since when, the
   * provider's last answer (without addresses or numbers), how many wait. Landsby keeps trying.
   */
  trouble: Type.Array(
    Type.Object({
      channel: ChannelName,
      since: Type.String({ format: 'date-time' }),
      lastAnswer: Nullable(Type.String()),
      waiting: Type.Integer(),
    }),
  ),
  /** Messages given up because their time ran out while their provider failed, by why: one notice. */
  gaveUp: Type.Array(Type.Object({ reason: GaveUpReason, count: Type.Integer() })),
});
export type SendingView = Static<typeof SendingView>;

export const ScheduleBody = Type.Object({ sendAt: Nullable(Instant) });
export type ScheduleBody = Static<typeof ScheduleBody>;

/** The channel for every household, or for one (null: back to the rule). */
export const ChannelBody = Type.Object({ channel: Nullable(ChannelName) });
export type ChannelBody = Static<typeof ChannelBody>;

export const RetryBody = Type.Object({
  householdId: Type.Optional(Uuid),
  channel: Type.Optional(ChannelName),
});
export type RetryBody = Static<typeof RetryBody>;

/** When the reminders go: days before the event, at 10:00 Oslo (empty: none). */
export const ReminderDaysBody = Type.Object(
  {
    days: Type.Array(Type.Unsafe<number>({ type: 'integer', enum: [...REMINDER_DAYS] }), { maxItems: 9 }),
  },
  { additionalProperties: false },
);
export type ReminderDaysBody = Static<typeof ReminderDaysBody>;

export const ReminderDays = Type.Object({ reminders: Type.Array(Type.Integer()) });
export type ReminderDays = Static<typeof ReminderDays>;

export const RemindNowBody = Type.Object(
  { group: literals(REMINDER_GROUPS) },
  { additionalProperties: false },
);
export type RemindNowBody = Static<typeof RemindNowBody>;

/** How many households the reminder was queued for, and when it goes (09:00 if asked in quiet hours). */
export const RemindNowResult = Type.Object({
  queued: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
});
export type RemindNowResult = Static<typeof RemindNowResult>;

/** The letters for the print room: one PDF. */
export const LettersPdf = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

export const DeliveryReportParams = Type.Object({ key: Type.String({ maxLength: 200 }) });
/** The fields of Sveve's delivery report (INTEGRATIONS.md §1.4); any others it sends are ignored. */
const ReportField = Type.Optional(Text(500));
export const DeliveryReportQuery = Type.Object({
  id: ReportField,
  number: ReportField,
  status: ReportField,
  ref: ReportField,
  errorCode: ReportField,
  errorDesc: ReportField,
});
export const DeliveryReportReply = Type.Object({ ok: Type.Boolean() });

/** After the café: who came (the thank-you) and who said they were coming and did not (the "we missed you"). */
const AfterCafeGroupView = Type.Object({
  /** invited households in the group */
  households: Type.Integer(),
  /** of those, households the message is queued or sent to */
  sent: Type.Integer(),
});

export const AfterCafeView = Type.Object({
  /** the café has ended and is not cancelled: the messages can go */
  held: Type.Boolean(),
  /** the café's feedback form is saved: the thank-you links to it */
  feedbackForm: Type.Boolean(),
  thanks: AfterCafeGroupView,
  missed: AfterCafeGroupView,
  /** when the messages go (quiet hours 20:00–09:00 Oslo hold them until 09:00); set after sending */
  at: Type.Optional(Type.String()),
});
export type AfterCafeView = Static<typeof AfterCafeView>;

export const AfterCafeBody = Type.Object({
  thanks: Type.Boolean({ description: 'the thank-you, with the feedback link, to the households that came' }),
  missed: Type.Boolean({ description: '"we missed you" to the households that said yes and did not come' }),
});
export type AfterCafeBody = Static<typeof AfterCafeBody>;
