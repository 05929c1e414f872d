/**
 * The short messages that follow an invitation: the confirmation of an answer ('coming',
 * 'waiting', 'maybe', 'not_coming'), the news that a place came free ('promotion'),
 * reminders — warmer for a household that has never been to a café ('reminder_first_time') —,
 * the news that the café is cancelled ('cancelled'), and after it a thank-you to those who came
 * (with the feedback link) and a "we missed you" to those who said they would come and did not;
 * and En god start's evaluation questionnaire before the first session and after the last, with
 * one reminder to those who have not answered.
 * Their words, in each language, are in i18n/household.
 */
export type NoticeKind =
  | 'coming'
  | 'waiting'
  | 'maybe'
  | 'not_coming'
  | 'promotion'
  | 'reminder'
  | 'reminder_first_time'
  | 'cancelled'
  | 'thanks'
  | 'missed'
  | 'questionnaire_before'
  | 'questionnaire_after'
  | 'questionnaire_reminder';
