import { randomBytes } from 'node:crypto';
import type { DeliveryStatus, OutgoingMessage, SendResult } from './types.js';

/**
 * KS Fiks SvarUt's message format, REST v2 (KS's OpenAPI files forsendelse-send-api-v2.json and
 * forsendelse-status-api-v1.json): the `forsendelse` JSON made from an outgoing letter, its
 * multipart body, SvarUt's file-name rules, and what SvarUt's status words mean for a message.
 * The transport is digital-mail.ts.
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

export function refuse(reason: string): SendResult {
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
