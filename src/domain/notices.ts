/**
 * The short messages that follow an invitation: the confirmation of an answer ('coming',
 * 'waiting', 'maybe', 'not_coming'), the news that a place came free ('promotion'), and
 * reminders — warmer for a household that has never been to a café ('reminder_first_time').
 * Their words, in each language, are in i18n/household.
 */
export type NoticeKind =
  | 'coming'
  | 'waiting'
  | 'maybe'
  | 'not_coming'
  | 'promotion'
  | 'reminder'
  | 'reminder_first_time';
