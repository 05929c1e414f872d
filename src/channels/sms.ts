import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../server/config.js';
import type { OutgoingMessage, Sender, SendResult } from './types.js';

/**
 * SMS through Sveve's HTTP API (shared/design/INTEGRATIONS.md §1), or, without SVEVE_USER, a
 * text file per SMS in DATA_DIR/outbox.
 *
 * What is official and what is not: the request parameters and their limits, and the delivery
 * report parameters, are Sveve's own documentation (the .dk/.se copies). The JSON answer
 * (`response.ids`, `response.errors[{number, message}]`, `response.fatalError` on HTTP 200), the
 * limit of 5 concurrent requests per account (HTTP 429 above it) and the host sveve.no come from
 * third-party clients only.
 */

/** Sveve's documented limits (INTEGRATIONS.md §1.2). */
const SVEVE_LIMITS = { msg: 1071, from: 11, ref: 36 } as const;

/** Sveve answers 429 above 5 concurrent requests per account (unofficial: sveve-dotnet). */
const SVEVE_MAX_CONCURRENT = 5;

export interface SmsChannelOptions {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per request (default 30 s). */
  timeoutMs?: number;
}

/**
 * E.164 as we store it → the number as Sveve takes it. Sveve is a Norwegian service: Norwegian
 * numbers go without the country code (8 digits, as the Norwegian clients send them); other
 * countries as 00 + country code + number, digits only. (Sveve's Norwegian API page is not in
 * our sources; this follows the third-party clients and the international dialling prefix.)
 */
export function toSveveNumber(e164: string): string {
  const compact = e164.replace(/[\s-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) {
    throw new Error(`Not an E.164 mobile number: "${e164}".`);
  }
  return compact.startsWith('+47') ? compact.slice(3) : `00${compact.slice(1)}`;
}

// --- The answer ---------------------------------------------------------------------------------

/** The JSON answer to f=json, as third-party clients parse it (unofficial, INTEGRATIONS.md §1.3). */
export interface SveveResponse {
  response?: {
    msgOkCount?: number;
    stdSMSCount?: number;
    ids?: number[];
    errors?: { number?: string; message?: string }[];
    fatalError?: string;
  };
}

/** Numbers compare on their last 8 digits: Sveve may echo 4791234567 for 91234567. */
const sameNumber = (a: string, b: string) => {
  const da = a.replace(/\D/g, '').replace(/^00/, '');
  const db = b.replace(/\D/g, '').replace(/^00/, '');
  return da === db || (da.length >= 8 && db.length >= 8 && da.slice(-8) === db.slice(-8));
};

/** An HTTP 200 answer from Sveve for one recipient → our result. */
export function interpretSveveResponse(body: SveveResponse, to: string): SendResult {
  const response = body.response;
  if (!response) return { status: 'failed', reason: 'Sveve answered without a response.', retryable: false };
  if (response.fatalError) {
    // Nothing was sent: bad credentials ("Feil brukernavn/passord"), a bad parameter, no credit.
    return { status: 'failed', reason: response.fatalError, retryable: false };
  }
  const error = (response.errors ?? []).find((e) => e.number === undefined || sameNumber(e.number, to));
  if (error)
    return { status: 'failed', reason: error.message || 'Sveve refused the number.', retryable: false };
  const id = (response.ids ?? []).find((i) => typeof i === 'number' && i > 0);
  if (id !== undefined) return { status: 'sent', providerId: String(id) };
  if ((response.msgOkCount ?? 0) > 0) return { status: 'sent' };
  return { status: 'failed', reason: 'Sveve accepted the request but sent no SMS.', retryable: false };
}

// --- Delivery reports ---------------------------------------------------------------------------

export interface SmsDeliveryReport {
  /** Our message id, sent as `ref`. */
  ref: string | undefined;
  /** Sveve's message id, the same value as in `ids`. */
  providerId: string | undefined;
  number: string | undefined;
  status: 'delivered' | 'failed';
  /** errorCode and errorDesc when the SMS could not be delivered. */
  reason?: string;
}

/**
 * Sveve's delivery report callback (official parameters: number, status, id, ref, errorCode,
 * errorDesc; GET query or POST form, as configured at Sveve) → who it is about and how it went.
 * Returns undefined when the parameters are not a delivery report: an incoming SMS comes to the
 * same kind of callback and has no `status` (unofficial: sveve-dotnet tells them apart so).
 */
export function parseSveveDeliveryReport(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): SmsDeliveryReport | undefined {
  const get = (name: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const one = Array.isArray(value) ? value[0] : value;
    return one === undefined || one === null || one === '' ? undefined : String(one);
  };
  const status = get('status')?.toLowerCase();
  if (status !== 'true' && status !== 'false') return undefined;
  const report: SmsDeliveryReport = {
    ref: get('ref'),
    providerId: get('id'),
    number: get('number'),
    status: status === 'true' ? 'delivered' : 'failed',
  };
  if (report.status === 'failed') {
    const code = get('errorCode');
    const desc = get('errorDesc');
    report.reason = [desc, code && `(${code})`].filter(Boolean).join(' ') || 'Not delivered.';
  }
  return report;
}

// --- Concurrency --------------------------------------------------------------------------------

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so nobody can overtake it.
      if (next) next();
      else this.active--;
    }
  }
}

/** One limit per Sveve account in this process, however many channels are created for it. */
const accountLimits = new Map<string, Semaphore>();
function accountLimit(url: string, user: string): Semaphore {
  const key = `${url} ${user}`;
  let semaphore = accountLimits.get(key);
  if (!semaphore) {
    semaphore = new Semaphore(SVEVE_MAX_CONCURRENT);
    accountLimits.set(key, semaphore);
  }
  return semaphore;
}

// --- The channel --------------------------------------------------------------------------------

function refuse(reason: string): SendResult {
  return { status: 'failed', reason, retryable: false };
}

/** Checks that need no provider: a refusal here is the same refusal Sveve would give. */
function precheck(message: OutgoingMessage): SendResult | string {
  if (!message.to.mobile) return refuse('The household has no mobile number.');
  let to: string;
  try {
    to = toSveveNumber(message.to.mobile);
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (!message.text.trim()) return refuse('The SMS is empty.');
  if (message.text.length > SVEVE_LIMITS.msg) {
    return refuse(`The SMS is ${message.text.length} characters; Sveve takes at most ${SVEVE_LIMITS.msg}.`);
  }
  if (message.id.length > SVEVE_LIMITS.ref) {
    return refuse(`The message id is longer than Sveve's ${SVEVE_LIMITS.ref}-character reference.`);
  }
  return to;
}

export function createSmsChannel(
  config: Pick<Config, 'sveve' | 'smsFrom' | 'dataDir'>,
  options: SmsChannelOptions = {},
): Sender {
  const sveve = config.sveve;
  if (!sveve) return localSmsChannel(config);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const endpoint = `${sveve.url}/SMS/SendMessage`;

  return {
    name: 'sms',
    async send(message) {
      const to = precheck(message);
      if (typeof to !== 'string') return to;
      // The municipality's own Sveve account and sender where it set them (features/sender-settings).
      const account = message.sender?.sveve ?? sveve;
      // POST with a JSON body: Sveve's documented "option 1" (all parameters supported).
      const body = JSON.stringify({
        user: account.user,
        passwd: account.password,
        to,
        msg: message.text,
        from: message.sender?.smsFrom ?? config.smsFrom,
        ref: message.id,
        f: 'json',
        test: sveve.test,
      });
      return accountLimit(sveve.url, account.user).run(async () => {
        let response: Response;
        let text: string;
        try {
          response = await doFetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          text = await response.text();
        } catch (error) {
          return {
            status: 'failed',
            reason: `Sveve could not be reached: ${(error as Error).cause ?? (error as Error).message}`,
            retryable: true,
            providerDown: true,
          };
        }
        if (response.status === 429) {
          return {
            status: 'failed',
            reason: 'Sveve: too many requests at once (HTTP 429).',
            retryable: true,
            providerDown: true,
          };
        }
        if (response.status >= 500 || response.status === 408) {
          return {
            status: 'failed',
            reason: `Sveve answered HTTP ${response.status}.`,
            retryable: true,
            providerDown: true,
          };
        }
        if (response.status !== 200) {
          return refuse(`Sveve answered HTTP ${response.status}: ${text.slice(0, 200)}`);
        }
        let parsed: SveveResponse;
        try {
          parsed = JSON.parse(text) as SveveResponse;
        } catch {
          // Not retried: we cannot tell whether the SMS went out, and twice is worse than once.
          return refuse(`Sveve gave an answer that is not JSON: ${text.slice(0, 200)}`);
        }
        return interpretSveveResponse(parsed, to);
      });
    },
  };
}

/** Without a Sveve account each SMS becomes DATA_DIR/outbox/sms-<time>-<id>.txt. */
function localSmsChannel(config: Pick<Config, 'smsFrom' | 'dataDir'>): Sender {
  const outbox = join(config.dataDir, 'outbox');
  return {
    name: 'sms',
    async send(message) {
      const to = precheck(message);
      if (typeof to !== 'string') return to;
      mkdirSync(outbox, { recursive: true });
      const name = `sms-${new Date().toISOString().replace(/[:.]/g, '-')}-${message.id.replace(/[^\w-]/g, '')}.txt`;
      const content = `From: ${message.sender?.smsFrom ?? config.smsFrom}\nTo: ${message.to.mobile}\nRef: ${message.id}\n\n${message.text}\n`;
      await writeFile(join(outbox, name), content, 'utf8');
      return { status: 'sent', providerId: name };
    },
  };
}
