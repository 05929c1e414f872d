import type { EmailMessage } from '../../channels/email.js';
import { staffText } from '../../i18n/staff.js';
import type { DueReminder } from './queries.js';

/**
 * The reminder the day before, in the participant's language: what, when and where, and a link
 * to the home's page. No names of the family or the youths: the link shows them after login.
 */
export function reminderEmail(due: DueReminder, publicUrl: string): EmailMessage {
  const values = {
    name: due.firstName,
    kind: staffText(due.locale, `familyHomes.meetings.kinds.${due.kind}`),
    time: due.startTime,
    place: due.place,
    url: new URL(`/familiehjem/${due.householdId}`, publicUrl).toString(),
  };
  return {
    to: due.email,
    subject: staffText(due.locale, 'familyHomes.meetings.reminder.subject', values),
    text: `${staffText(due.locale, 'familyHomes.meetings.reminder.body', values)}\n`,
  };
}
