import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../server/config.js';
import type { OutgoingMessage, Sender, SendResult } from './types.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The system's own e-mail: login links, password resets, invitations to colleagues. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>;

/** SMTP when SMTP_URL is set; without it (a laptop, the demo) nodemailer builds the message only. */
function transportOf(config: MailConfig) {
  return config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
}

/** Without SMTP_URL each message is written as an .eml file to DATA_DIR/outbox, whole or not at all. */
async function keepInOutbox(config: MailConfig, name: string, message: Buffer): Promise<void> {
  const outbox = join(config.dataDir, 'outbox');
  mkdirSync(outbox, { recursive: true });
  const path = join(outbox, name);
  await writeFile(`${path}.part`, message);
  await rename(`${path}.part`, path);
}

export function createMailer(config: MailConfig): Mailer {
  const transport = transportOf(config);
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.mailFrom, ...message });
      if (!config.smtpUrl) {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[<>@]/g, '')}.eml`;
        await keepInOutbox(config, name, (info as unknown as { message: Buffer }).message);
      }
    },
  };
}

/** SMTP_URL with a pool of `connections` kept open (nodemailer reads options from the query). */
function pooledSmtpUrl(url: string, connections: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set('pool', 'true');
  parsed.searchParams.set('maxConnections', String(connections));
  return parsed.toString();
}

/** "Landsby <noreply@kommune.no>" → noreply@kommune.no */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/**
 * Our message id as the e-mail's Message-ID: sending the same message again after a crash
 * gives the same Message-ID, which mail systems use to recognise a copy.
 */
function messageIdOf(config: Pick<Config, 'mailFrom'>, id: string): string {
  const domain = addressOf(config.mailFrom).split('@')[1] || 'landsby.local';
  return `<${id}@${domain}>`;
}

/**
 * An SMTP failure → our result: 5xx is a refusal; 4xx, timeouts and lost connections are worth
 * another try. A 4xx for the recipient (greylisting, a full mailbox) is that address's trouble;
 * anything else means the server is not taking mail.
 */
export function smtpFailure(error: unknown): SendResult {
  const e = error as {
    responseCode?: number;
    response?: string;
    code?: string;
    command?: string;
    message?: string;
  };
  const reason = (e.response || e.message || 'SMTP error').slice(0, 500);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return { status: 'failed', reason, retryable: false };
  }
  if (e.code === 'EENVELOPE' && !e.responseCode) return { status: 'failed', reason, retryable: false };
  const recipient = e.code === 'EENVELOPE' || /^RCPT/i.test(e.command ?? '');
  return { status: 'failed', reason, retryable: true, providerDown: !recipient };
}

/**
 * Invitations and reminders by e-mail: HTML and text parts, attachments (the .ics), the team as
 * sender name. Over SMTP it keeps a pool of open connections, one per message sent at a time:
 * a new connection per message costs more than the message itself.
 */
export function createEmailChannel(config: MailConfig & Pick<Config, 'sendConcurrency'>): Sender {
  const transport = config.smtpUrl
    ? nodemailer.createTransport(pooledSmtpUrl(config.smtpUrl, config.sendConcurrency))
    : transportOf(config);
  const address = addressOf(config.mailFrom);
  return {
    name: 'email',
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!message.to.email) {
        return { status: 'failed', reason: 'The household has no e-mail address.', retryable: false };
      }
      const messageId = messageIdOf(config, message.id);
      try {
        const info = await transport.sendMail({
          // The municipality's own address where it set one (features/sender-settings).
          from: message.from
            ? { name: message.from, address: message.sender?.emailAddress ?? address }
            : config.mailFrom,
          to: { name: message.to.name, address: message.to.email },
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId,
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
            ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
          })),
        });
        if (!config.smtpUrl) {
          await keepInOutbox(
            config,
            `email-${message.id.replace(/[^\w-]/g, '')}.eml`,
            (info as unknown as { message: Buffer }).message,
          );
        }
        return { status: 'sent', providerId: messageId };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
