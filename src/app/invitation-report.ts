import type { Config } from '../server/config.js';

/**
 * What the operator's commands (`npm run municipality`, `npm run programme`) print about an
 * account invitation: where it went, or how the person gets a new link. Returns the exit code.
 */
export function reportInvitation(config: Config, email: string, sent: boolean, who: string): number {
  if (sent) {
    console.log(
      config.smtpUrl
        ? `The invitation went to ${email}: the link in it sets the password (valid 7 days).`
        : `No SMTP_URL: the invitation was written to ${config.dataDir}/outbox, not sent.`,
    );
    return 0;
  }
  console.error(
    `The invitation e-mail could not be sent (check SMTP_URL). The ${who} can get a new link at ` +
      `${config.publicUrl}/glemt-passord with their e-mail address.`,
  );
  return 3;
}
