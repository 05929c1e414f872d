import type { EmailMessage } from '../../channels/email.js';
import type { Locale } from '../../server/messages.js';

interface AccountEmailText {
  subject: string;
  greeting: (firstName: string) => string;
  body: string;
  expires: string;
  ignore: string;
}

const INVITE: Record<Locale, AccountEmailText> = {
  nb: {
    subject: 'Du er invitert til Landsby',
    greeting: (name) => `Hei ${name}!`,
    body: 'Du har fått en brukerkonto i Landsby. Velg passord med lenken under:',
    expires: 'Lenken gjelder i 7 dager.',
    ignore: 'Hvis du ikke venter denne e-posten, kan du se bort fra den.',
  },
  nn: {
    subject: 'Du er invitert til Landsby',
    greeting: (name) => `Hei ${name}!`,
    body: 'Du har fått ein brukarkonto i Landsby. Vel passord med lenkja under:',
    expires: 'Lenkja gjeld i 7 dagar.',
    ignore: 'Om du ikkje ventar denne e-posten, kan du sjå bort frå han.',
  },
  en: {
    subject: 'You are invited to Landsby',
    greeting: (name) => `Hi ${name},`,
    body: 'You have a user account in Landsby. Choose your password with the link below:',
    expires: 'The link is valid for 7 days.',
    ignore: 'If you did not expect this e-mail, you can ignore it.',
  },
};

const RESET: Record<Locale, AccountEmailText> = {
  nb: {
    subject: 'Nytt passord i Landsby',
    greeting: (name) => `Hei ${name}!`,
    body: 'Noen ba om å tilbakestille passordet ditt i Landsby. Velg nytt passord med lenken under:',
    expires: 'Lenken gjelder i 1 time og kan brukes én gang.',
    ignore: 'Ba du ikke om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
  },
  nn: {
    subject: 'Nytt passord i Landsby',
    greeting: (name) => `Hei ${name}!`,
    body: 'Nokon bad om å tilbakestille passordet ditt i Landsby. Vel nytt passord med lenkja under:',
    expires: 'Lenkja gjeld i 1 time og kan brukast éin gong.',
    ignore: 'Bad du ikkje om dette, kan du sjå bort frå e-posten. Passordet ditt er ikkje endra.',
  },
  en: {
    subject: 'New password for Landsby',
    greeting: (name) => `Hi ${name},`,
    body: 'Someone asked to reset your Landsby password. Choose a new password with the link below:',
    expires: 'The link is valid for 1 hour and can be used once.',
    ignore: 'If you did not ask for this, ignore this e-mail. Your password has not changed.',
  },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function accountEmail(
  kind: 'invite' | 'reset',
  to: { email: string; firstName: string; locale: Locale },
  link: string,
): EmailMessage {
  const text = (kind === 'invite' ? INVITE : RESET)[to.locale];
  const greeting = text.greeting(to.firstName);
  return {
    to: to.email,
    subject: text.subject,
    text: `${greeting}\n\n${text.body}\n${link}\n\n${text.expires}\n${text.ignore}\n`,
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(text.body)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(text.expires)}<br>${escapeHtml(text.ignore)}</p>`,
  };
}
