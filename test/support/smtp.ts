import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type Outage, outageSwitch } from './outage.js';

export interface TestSmtp extends Outage {
  url: string;
  messages: ParsedMail[];
  /** Milliseconds each message is held before the server accepts it, so a send can be caught midway. */
  delayMs: number;
  /**
   * Holds every message that arrives from now on (the sender waits, nothing is kept) until the
   * returned release() is called: a mail server that stalls, so a sending is caught midway.
   */
  hold(): () => void;
  /** Resolves with the first message to `to` that arrives (or has arrived). */
  waitFor(to: string): Promise<ParsedMail>;
  close(): Promise<void>;
}

const addressesOf = (mail: ParsedMail) =>
  [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address?.toLowerCase()) : []));

/** A real SMTP server on loopback that keeps what it receives, parsed. */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const waiting: { to: string; resolve: (m: ParsedMail) => void }[] = [];
  let held: Promise<void> | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await held;
          messages.push(mail);
          for (const w of [...waiting]) {
            if (addressesOf(mail).includes(w.to)) {
              waiting.splice(waiting.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          setTimeout(callback, smtp.delayMs);
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const smtp: TestSmtp = {
    ...outageSwitch(server.server),
    url: `smtp://127.0.0.1:${port}`,
    messages,
    delayMs: 0,
    hold() {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
    waitFor(to) {
      const found = messages.find((m) => addressesOf(m).includes(to.toLowerCase()));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ to: to.toLowerCase(), resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return smtp;
}
