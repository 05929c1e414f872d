import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, SvarUtConfig } from '../server/config.js';
import type { Channel, DeliveryStatus, OutgoingMessage, SendResult } from './types.js';

/**
 * Digital mail through KS Fiks SvarUt, REST v2 (shared/design/INTEGRATIONS.md §2; KS's OpenAPI
 * files forsendelse-send-api-v2.json and forsendelse-status-api-v1.json, which describes v2).
 * SvarUt itself routes each letter to the citizen's digital mailbox, to Altinn, or to print;
 * Landsby sends the identity number (when the municipality chose digital mail) and always the
 * postal address. Without SVARUT_URL the letter's PDF is written to DATA_DIR/outbox.
 *
 * Authentication: a Maskinporten access token (scope ks:fiks) as Bearer plus the Fiks
 * integration's IntegrasjonId / IntegrasjonPassord. The token comes from the Maskinporten client
 * (src/channels/maskinporten.ts, passed as `getToken` by src/channels/index.ts) when
 * MASKINPORTEN_* is set, else from the fixed SVARUT_TOKEN (for testing).
 */

/** The v2 `forsendelse` JSON, the fields Landsby uses, with SvarUt's own names. */
export interface SvarUtForsendelse {
  tittel: string;
  mottaker: {
    navn: string;
    digitalId?: string;
    adresselinje1?: string;
    adresselinje2?: string;
    adresselinje3?: string;
    postnummer?: string;
    poststed?: string;
    land?: string;
  };
  avgivendeSystem: string;
  konteringskode?: string;
  kunDigitalLevering: boolean;
  krevNiva4Innlogging: boolean;
  utskriftskonfigurasjon: { utskriftMedFarger: boolean; tosidig: boolean };
  dokumenter: {
    filnavn: string;
    mimeType: string;
    skalSigneres: boolean;
    ekstraMetadata?: { key: string; value: string }[];
  }[];
  eksternReferanse: string;
}

/** SvarUt's status values, v1/v2 (v3 adds SLETTET and SENDT_NHN). */
export const SVARUT_STATUSES = [
  'MOTTATT',
  'AKSEPTERT',
  'AVVIST',
  'VARSLET',
  'LEST',
  'SENDT_PRINT',
  'PRINTET',
  'MANUELT_HANDTERT',
  'SENDT_DIGITALT',
  'SENDT_SDP',
  'LEVERT_SDP',
  'KLAR_FOR_MOTTAK',
  'IKKE_LEVERT',
] as const;
export type SvarUtStatus = (typeof SVARUT_STATUSES)[number];

export interface SvarUtStatusResult {
  /** SvarUt's forsendelse id (our providerId). */
  id: string;
  /** SvarUt's own status word, for the team to see. */
  svarUtStatus: string;
  sisteStatusEndring: string | undefined;
  status: DeliveryStatus;
  reason?: string;
  /** No further change is expected: stop asking. */
  final: boolean;
}

/**
 * SvarUt status → ours (meanings from KS's status descriptions, INTEGRATIONS.md §2.5).
 * In progress stays 'sent'; read or handed to the digital mailbox is 'delivered'; the print
 * route is 'printed' once the print receipt has come (SENDT_PRINT is still on its way).
 */
export function mapSvarUtStatus(status: string): Omit<SvarUtStatusResult, 'id' | 'sisteStatusEndring'> {
  const result = (s: DeliveryStatus, final: boolean, reason?: string) => ({
    svarUtStatus: status,
    status: s,
    final,
    ...(reason ? { reason } : {}),
  });
  switch (status) {
    case 'MOTTATT': // received, id assigned
    case 'AKSEPTERT': // validated, letter built
    case 'KLAR_FOR_MOTTAK': // waiting for an organisation's SvarInn
    case 'VARSLET': // in Altinn, recipient notified, not yet read
    case 'SENDT_SDP': // sent to Digipost/e-Boks, no receipt yet
    case 'SENDT_PRINT': // handed to the print vendor
    case 'SENDT_NHN': // v3
      return result('sent', false);
    case 'LEVERT_SDP': // receipt from the digital mailbox
    case 'LEST': // downloaded by the recipient
      return result('delivered', true);
    case 'SENDT_DIGITALT': // digital only, read deadline passed, stays digital
      return result('delivered', true);
    case 'PRINTET':
      return result('printed', true);
    case 'AVVIST':
      return result(
        'failed',
        true,
        'SvarUt rejected the letter (AVVIST): validation or file generation failed.',
      );
    case 'IKKE_LEVERT':
      return result('failed', true, 'Digital only, and SvarUt could not deliver it digitally (IKKE_LEVERT).');
    case 'MANUELT_HANDTERT':
      return result(
        'failed',
        true,
        'Closed by hand in SvarUt (MANUELT_HANDTERT); ask the SvarUt administrator what happened to it.',
      );
    case 'SLETTET': // v3
      return result('failed', true, 'Deleted in SvarUt (SLETTET).');
    default:
      // A status added later: keep it visible, never move backwards.
      return result('sent', false);
  }
}

/** SvarUt's file name rules: ≤ 226 characters, none of * : " \ / < > | ? (and no control characters). */
export function svarUtFilename(title: string, extension = '.pdf'): string {
  const base =
    title
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[*:"\\/<>|?\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .trim() || 'brev';
  return `${base}${extension}`;
}

export interface DigitalMailSettings {
  printFallback: boolean;
  konteringskode?: string;
  /** Default 'Landsby'. */
  avgivendeSystem?: string;
  /** Default: black and white, one-sided. */
  utskriftskonfigurasjon?: { utskriftMedFarger: boolean; tosidig: boolean };
}

function refuse(reason: string): SendResult {
  return { status: 'failed', reason, retryable: false };
}

interface Document {
  filnavn: string;
  content: Uint8Array;
}

/** The forsendelse JSON and its documents, or why it cannot be sent. */
export function buildForsendelse(
  message: OutgoingMessage,
  settings: DigitalMailSettings,
): { forsendelse: SvarUtForsendelse; documents: Document[] } | SendResult {
  if (!message.pdf || message.pdf.byteLength === 0) return refuse('The letter has no PDF.');
  const name = message.to.name.trim() || message.to.address?.name.trim();
  if (!name) return refuse('The letter has no recipient name.');
  const nationalId = message.to.nationalId?.replace(/\s/g, '');
  if (nationalId !== undefined && !/^\d{11}$/.test(nationalId)) {
    return refuse('The national identity number must be 11 digits.');
  }
  const address = message.to.address;
  if (settings.printFallback && !address?.line.trim()) {
    return refuse('SvarUt may print this letter, so it needs a postal address.');
  }
  if (!settings.printFallback && !nationalId) {
    return refuse('Digital-only delivery (SVARUT_PRINT_FALLBACK=false) needs the national identity number.');
  }
  const title = message.subject.trim();
  if (!title) return refuse('The letter has no title.');
  if (title.length > 1000) return refuse('The title is longer than SvarUt allows (1000 characters).');

  const documents: Document[] = [{ filnavn: svarUtFilename(title), content: message.pdf }];
  // Further PDFs go along; other types are left out, since only PDF can be printed.
  for (const attachment of message.attachments ?? []) {
    if (attachment.contentType !== 'application/pdf' || typeof attachment.content === 'string') continue;
    let filnavn = svarUtFilename(attachment.filename.replace(/\.pdf$/i, ''));
    for (let n = 2; documents.some((d) => d.filnavn === filnavn); n++) {
      filnavn = svarUtFilename(`${attachment.filename.replace(/\.pdf$/i, '')} ${n}`);
    }
    documents.push({ filnavn, content: attachment.content });
  }

  const mottaker: SvarUtForsendelse['mottaker'] = { navn: name };
  if (nationalId) mottaker.digitalId = nationalId;
  if (address) {
    const lines = address.line
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines[0]) mottaker.adresselinje1 = lines[0];
    if (lines[1]) mottaker.adresselinje2 = lines[1];
    if (lines[2]) mottaker.adresselinje3 = lines.slice(2).join(', ');
    mottaker.postnummer = address.postcode.trim();
    mottaker.poststed = address.place.trim();
  }
  const forsendelse: SvarUtForsendelse = {
    tittel: title,
    mottaker,
    avgivendeSystem: settings.avgivendeSystem ?? 'Landsby',
    ...(settings.konteringskode ? { konteringskode: settings.konteringskode } : {}),
    kunDigitalLevering: !settings.printFallback,
    krevNiva4Innlogging: false,
    utskriftskonfigurasjon: settings.utskriftskonfigurasjon ?? { utskriftMedFarger: false, tosidig: false },
    dokumenter: documents.map((d) => ({
      filnavn: d.filnavn,
      mimeType: 'application/pdf',
      skalSigneres: false,
    })),
    eksternReferanse: message.id,
  };
  return { forsendelse, documents };
}

/** multipart/form-data: `forsendelse` (JSON) first, then one `filer` part per document, in order. */
export function forsendelseMultipart(
  forsendelse: SvarUtForsendelse,
  documents: Document[],
): { contentType: string; body: Uint8Array<ArrayBuffer> } {
  const boundary = `----landsby-${randomBytes(12).toString('hex')}`;
  // Quotes and line breaks cannot occur in filnavn (SvarUt forbids them; svarUtFilename removes them).
  const quoted = (value: string) => value.replace(/["\r\n]/g, '_');
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="forsendelse"\r\n` +
        `Content-Type: application/json;charset=UTF-8\r\n\r\n${JSON.stringify(forsendelse)}\r\n`,
      'utf8',
    ),
  ];
  for (const document of documents) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="filer"; filename="${quoted(document.filnavn)}"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
        'utf8',
      ),
      Buffer.from(document.content.buffer, document.content.byteOffset, document.content.byteLength),
      Buffer.from('\r\n', 'utf8'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  const body = Buffer.concat(chunks);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
  };
}

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

export interface DigitalMailChannel extends Channel {
  /** SvarUt's status-sok for our providerIds; ids SvarUt does not know are left out. */
  queryStatus(ids: string[]): Promise<SvarUtStatusResult[]>;
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
  const base = `${svarut.url}/api/v2/kontoer/${encodeURIComponent(svarut.kontoId)}/forsendelser/`;

  const headers = async (contentType: string) => ({
    Authorization: `Bearer ${await getToken()}`,
    IntegrasjonId: svarut.integrasjonId,
    IntegrasjonPassord: svarut.integrasjonPassord,
    'Content-Type': contentType,
    Accept: 'application/json',
  });

  return {
    name: 'digital_mail',
    async send(message) {
      const built = buildForsendelse(message, settings);
      if ('status' in built) return built;
      const { contentType, body } = forsendelseMultipart(built.forsendelse, built.documents);
      let response: Response;
      let text: string;
      try {
        response = await doFetch(base, {
          method: 'POST',
          headers: await headers(contentType),
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        return {
          status: 'failed',
          reason: `SvarUt could not be reached: ${(error as Error).cause ?? (error as Error).message}`,
          retryable: true,
        };
      }
      if (response.status !== 200) {
        return {
          status: 'failed',
          reason: svarUtReason(response.status, text),
          retryable: retryableStatus(response.status),
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

    async queryStatus(ids) {
      if (ids.length === 0) return [];
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${base}status-sok`, {
          method: 'POST',
          headers: await headers('application/json'),
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
