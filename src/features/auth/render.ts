import type { EmailMessage } from '../../channels/email.js';
import { escapeHtml } from '../../domain/template.js';
import type { Locale } from '../../i18n/staff.js';
import { staffText } from '../../i18n/staff.js';

/**
 * The e-mails Landsby sends to staff about their account: the invitation to choose a password
 * and the password reset. Their words are in the staff catalogues (emails.invitation.*,
 * emails.passwordReset.*), in the user's own language.
 */

export function accountEmail(
  kind: 'invite' | 'reset',
  to: { email: string; firstName: string; locale: Locale },
  link: string,
): EmailMessage {
  const text = (part: string) =>
    staffText(to.locale, `emails.${kind === 'invite' ? 'invitation' : 'passwordReset'}.${part}`, {
      name: to.firstName,
    });
  const greeting = text('greeting');
  const body = text('body');
  const expires = text('expires');
  const ignore = text('ignore');
  return {
    to: to.email,
    subject: text('subject'),
    text: `${greeting}\n\n${body}\n${link}\n\n${expires}\n${ignore}\n`,
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(expires)}<br>${escapeHtml(ignore)}</p>`,
  };
}
