import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, SvarUtConfig } from '../server/config.js';
import {
  buildForsendelse,
  type DigitalMailSettings,
  forsendelseMultipart,
  mapSvarUtStatus,
  refuse,
  type SvarUtStatusResult,
} from './svarut.js';
import type { Sender, SvarUtAccount } from './types.js';

/**
 * Digital mail through KS Fiks SvarUt, REST v2 (shared/design/INTEGRATIONS.md §2; the message
 * format is svarut.ts).
 * SvarUt itself routes each letter to the citizen's digital mailbox, to Altinn, or to print;
 * Landsby sends the identity number (when the municipality chose digital mail) and always the
 * postal address. Without SVARUT_URL the letter's PDF is written to DATA_DIR/outbox.
 *
 * Authentication: a Maskinporten access token (scope ks:fiks) as Bearer plus the Fiks
 * integration's IntegrasjonId / IntegrasjonPassord. The token comes from the Maskinporten client
 * (src/channels/maskinporten.ts, passed as `getToken` by src/channels/index.ts) when
 * MASKINPORTEN_* is set, else from the fixed SVARUT_TOKEN (for testing).
 */

/** SvarUt's ErrorMessage {message, errorCode, error, status, …} → words for the team. */
function svarUtReason(status: number, text: string): string {
  try {
    const error = JSON.parse(text) as { message?: string; error?: string; errorCode?: string };
    const words = error.message || error.error;
    if (words) return `SvarUt: ${words}${error.errorCode ? ` (${error.errorCode})` : ''}`;
  } catch {
    // not JSON: fall through
  }
  return `SvarUt answered HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

const retryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

/** Thrown by `queryStatus` when SvarUt does not answer with statuses. */
export class SvarUtError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface DigitalMailChannel extends Sender {
  /**
   * SvarUt's status-sok for our providerIds; ids SvarUt does not know are left out. `account`: the
   * municipality's own SvarUt account the letters were sent with (default: the installation's).
   */
  queryStatus(ids: string[], account?: SvarUtAccount): Promise<SvarUtStatusResult[]>;
}

export interface DigitalMailOptions {
  fetch?: typeof fetch;
  /** Default 16 minutes, as KS recommends for sending. */
  timeoutMs?: number;
  /** The Maskinporten access token; default: SVARUT_TOKEN from the configuration. */
  getToken?: () => Promise<string>;
  avgivendeSystem?: string;
  utskriftskonfigurasjon?: { utskriftMedFarger: boolean; tosidig: boolean };
}

export function createDigitalMailChannel(
  config: Pick<Config, 'svarut' | 'svarutPrintFallback' | 'dataDir'>,
  options: DigitalMailOptions = {},
): DigitalMailChannel {
  const settings: DigitalMailSettings = {
    printFallback: config.svarutPrintFallback,
    konteringskode: config.svarut?.konteringskode,
    avgivendeSystem: options.avgivendeSystem,
    utskriftskonfigurasjon: options.utskriftskonfigurasjon,
  };
  if (!config.svarut) return localDigitalMailChannel(config.dataDir, settings);
  const svarut: SvarUtConfig = config.svarut;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 16 * 60_000;
  const getToken = options.getToken ?? (async () => svarut.token);
  // A municipality may send with its own SvarUt account (features/sender-settings), reached
  // through the installation's SVARUT_URL and Maskinporten token; else the installation's account.
  const baseOf = (account: SvarUtAccount) =>
    `${svarut.url}/api/v2/kontoer/${encodeURIComponent(account.kontoId)}/forsendelser/`;

  const headers = async (account: SvarUtAccount, contentType: string) => ({
    Authorization: `Bearer ${await getToken()}`,
    IntegrasjonId: account.integrasjonId,
    IntegrasjonPassord: account.integrasjonPassord,
    'Content-Type': contentType,
    Accept: 'application/json',
  });

  return {
    name: 'digital_mail',
    async send(message) {
      const built = buildForsendelse(message, settings);
      if ('status' in built) return built;
      const { contentType, body } = forsendelseMultipart(built.forsendelse, built.documents);
      const account = message.sender?.svarut ?? svarut;
      let response: Response;
      let text: string;
      try {
        response = await doFetch(baseOf(account), {
          method: 'POST',
          headers: await headers(account, contentType),
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        return {
          status: 'failed',
          reason: `SvarUt could not be reached: ${(error as Error).cause ?? (error as Error).message}`,
          retryable: true,
          providerDown: true,
        };
      }
      if (response.status !== 200) {
        return {
          status: 'failed',
          reason: svarUtReason(response.status, text),
          retryable: retryableStatus(response.status),
          // Every passing answer from SvarUt (5xx, 429, 408) is about SvarUt, not the letter.
          ...(retryableStatus(response.status) ? { providerDown: true } : {}),
        };
      }
      try {
        const { id } = JSON.parse(text) as { id?: unknown };
        if (typeof id === 'string' && id) return { status: 'sent', providerId: id };
      } catch {
        // fall through
      }
      // Not retried: SvarUt may have taken the letter, and a second copy is worse than a question.
      return refuse(`SvarUt answered 200 without a forsendelse id: ${text.slice(0, 200)}`);
    },

    async queryStatus(ids, account = svarut) {
      if (ids.length === 0) return [];
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${baseOf(account)}status-sok`, {
          method: 'POST',
          headers: await headers(account, 'application/json'),
          body: JSON.stringify({ forsendelseIds: ids }),
          signal: AbortSignal.timeout(60_000),
        });
        text = await response.text();
      } catch (error) {
        throw new SvarUtError(
          `SvarUt could not be reached: ${(error as Error).cause ?? (error as Error).message}`,
          true,
        );
      }
      if (response.status !== 200) {
        throw new SvarUtError(svarUtReason(response.status, text), retryableStatus(response.status));
      }
      let statuser: { id: string; status: string; sisteStatusEndring?: string }[];
      try {
        statuser = (JSON.parse(text) as { statuser: typeof statuser }).statuser;
        if (!Array.isArray(statuser)) throw new Error('no statuser');
      } catch {
        throw new SvarUtError(`SvarUt's status answer is not understood: ${text.slice(0, 200)}`, false);
      }
      return statuser.map((s) => ({
        id: s.id,
        sisteStatusEndring: s.sisteStatusEndring,
        ...mapSvarUtStatus(s.status),
      }));
    },
  };
}

/**
 * Without SvarUt each letter's PDF becomes DATA_DIR/outbox/digital-<time>-<id>.pdf. The identity
 * number is not written anywhere.
 */
function localDigitalMailChannel(dataDir: string, settings: DigitalMailSettings): DigitalMailChannel {
  const outbox = join(dataDir, 'outbox');
  return {
    name: 'digital_mail',
    async send(message) {
      const built = buildForsendelse(message, settings);
      if ('status' in built) return built;
      mkdirSync(outbox, { recursive: true });
      const name = `digital-${new Date().toISOString().replace(/[:.]/g, '-')}-${message.id.replace(/[^\w-]/g, '')}.pdf`;
      // biome-ignore lint/style/noNonNullAssertion: buildForsendelse refuses a message without a PDF
      await writeFile(join(outbox, name), message.pdf!);
      return { status: 'sent', providerId: name };
    },
    async queryStatus(ids) {
      // The local outbox has nothing more to tell: the letter stays "sent".
      return ids.map((id) => ({ id, sisteStatusEndring: undefined, ...mapSvarUtStatus('MOTTATT') }));
    },
  };
}
