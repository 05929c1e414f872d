import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Outage, outageSwitch } from './outage.js';

/**
 * A stand-in for KS Fiks SvarUt REST v2 on loopback: a real HTTP server that checks each request
 * as shared/design/INTEGRATIONS.md §2 and §6 say SvarUt does, answers as SvarUt answers, and
 * keeps what it received.
 *
 * Official (developers.fiks.ks.no/tjenester/svarut/restv2; KS's OpenAPI files and client
 * ks-no/fiks-svarut-klient): the paths, the three headers (Bearer token, IntegrasjonId,
 * IntegrasjonPassord), multipart with `forsendelse` JSON first and the documents after it in the
 * order of dokumenter[] with the same file names, the field names and limits (tittel ≤ 1000,
 * mottaker.navn required, postnummer/poststed unless digital only, digitalId required when
 * digital only, konteringskode pattern, filnavn ≤ 226 / unique / no * : " \ / < > | ?, non-PDF
 * only with skalEkskluderesFraUtskrift unless digital only, at most one skalSigneres and it PDF,
 * ≤ 350 MB if it may be printed, avgivendeSystem / eksternReferanse / korrelasjonsid /
 * forsendelsestype ≤ 100), the answer {id: uuid}, ErrorMessage for errors, status-sok with
 * {forsendelseIds} → {statuser:[{id, sisteStatusEndring, status}]} and its status values.
 *
 * ASSUMED here (not found in the sources): the HTTP status for each kind of error (401 for
 * missing or wrong credentials, 403 for an account the integration has no rights on, 400 for
 * an invalid forsendelse), the wording of `message` and the `errorCode` values, that digitalId
 * is 11 digits (fødselsnummer) or 9 (organisasjonsnummer) as in v1, that a PDF must start with
 * %PDF-, and that status-sok leaves out ids it does not know.
 */

export interface MultipartPart {
  name: string | undefined;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export interface ReceivedForsendelse {
  id: string;
  kontoId: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON as it came, for the tests to inspect
  forsendelse: any;
  parts: MultipartPart[];
  status: string;
  sisteStatusEndring: string;
}

export interface SvarUtRequest {
  method: string;
  path: string;
  status: number;
  answer: string;
}

export interface SvarUtStandIn extends Outage {
  /** As SVARUT_URL. */
  url: string;
  kontoId: string;
  token: string;
  integrasjonId: string;
  integrasjonPassord: string;
  /** Every request with the HTTP status it got. */
  requests: SvarUtRequest[];
  /** Forsendelser that were accepted. */
  received: ReceivedForsendelse[];
  setStatus(id: string, status: string): void;
  /** Another SvarUt account (a second municipality's) the same token reaches, with its own integration. */
  addAccount(): { kontoId: string; integrasjonId: string; integrasjonPassord: string };
  /** Answer the next `count` requests with this HTTP status and ErrorMessage. */
  failNext(status: number, message?: string, count?: number): void;
  close(): Promise<void>;
}

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
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KONTERINGSKODE = /^[a-zA-Z0-9_\-.øæåØÆÅ]{0,20}$/;
const FORBIDDEN_IN_FILNAVN = /[*:"\\/<>|?]/;
const MAX_PRINT_BYTES = 350 * 1024 * 1024;

class Rejection extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string,
  ) {
    super(message);
  }
}
const bad = (message: string, errorCode = 'VALIDERINGSFEIL') => new Rejection(400, message, errorCode);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A strict multipart/form-data reader (RFC 7578): CRLF line ends, a closing boundary. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw bad('Multipart-body starter ikke med boundary');
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') return parts;
    if (body.subarray(position, position + 2).toString() !== '\r\n') throw bad('Ugyldig multipart-body');
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) throw bad('Ugyldig multipart-body');
    const headers = body.subarray(position, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw bad('Multipart-body mangler avsluttende boundary');
    const part: MultipartPart = {
      name: undefined,
      filename: undefined,
      contentType: undefined,
      data: body.subarray(headerEnd + 4, next),
    };
    for (const header of headers) {
      const [key, ...rest] = header.split(':');
      const value = rest.join(':').trim();
      if (key?.toLowerCase() === 'content-disposition') {
        if (!/^form-data\s*;/i.test(value)) throw bad('Del uten Content-Disposition: form-data');
        part.name = /;\s*name="([^"]*)"/i.exec(value)?.[1];
        part.filename = /;\s*filename="([^"]*)"/i.exec(value)?.[1];
      } else if (key?.toLowerCase() === 'content-type') part.contentType = value;
    }
    parts.push(part);
    position = next + 2;
  }
}

function checkForsendelse(
  // biome-ignore lint/suspicious/noExplicitAny: validated field by field below
  f: any,
  files: MultipartPart[],
): void {
  if (typeof f !== 'object' || f === null || Array.isArray(f))
    throw bad('forsendelse må være et JSON-objekt');
  if (typeof f.tittel !== 'string' || !f.tittel.trim()) throw bad('tittel er påkrevd');
  if (f.tittel.length > 1000) throw bad('tittel kan ikke være lengre enn 1000 tegn');
  const m = f.mottaker;
  if (typeof m !== 'object' || m === null) throw bad('mottaker er påkrevd');
  if (typeof m.navn !== 'string' || !m.navn.trim()) throw bad('mottaker.navn er påkrevd');
  const digitalOnly = f.kunDigitalLevering === true;
  if (m.digitalId !== undefined && !/^(\d{11}|\d{9})$/.test(String(m.digitalId))) {
    throw bad('mottaker.digitalId må være et fødselsnummer (11 siffer) eller organisasjonsnummer (9 siffer)');
  }
  if (digitalOnly && !m.digitalId) throw bad('mottaker.digitalId er påkrevd ved kunDigitalLevering');
  if (!digitalOnly) {
    if (!m.poststed || !String(m.poststed).trim())
      throw bad('mottaker.poststed er påkrevd når forsendelsen kan printes');
    const norwegian = !m.land || /^(no|nor|norge|noreg|norway)$/i.test(String(m.land).trim());
    if (norwegian && !/^\d{4}$/.test(String(m.postnummer ?? ''))) {
      throw bad('mottaker.postnummer (4 siffer) er påkrevd for norsk adresse når forsendelsen kan printes');
    }
  }
  for (const field of ['avgivendeSystem', 'eksternReferanse', 'korrelasjonsid', 'forsendelsestype']) {
    if (f[field] !== undefined && (typeof f[field] !== 'string' || f[field].length > 100)) {
      throw bad(`${field} kan ikke være lengre enn 100 tegn`);
    }
  }
  if (f.konteringskode !== undefined && !KONTERINGSKODE.test(String(f.konteringskode))) {
    throw bad('konteringskode må matche ^[a-zA-Z0-9_\\-.øæåØÆÅ]{0,20}$');
  }
  if (f.utskriftskonfigurasjon !== undefined) {
    const u = f.utskriftskonfigurasjon;
    for (const key of Object.keys(u ?? {})) {
      if (!['utskriftMedFarger', 'tosidig'].includes(key) || typeof u[key] !== 'boolean') {
        throw bad(`utskriftskonfigurasjon.${key} er ukjent eller ikke boolean`);
      }
    }
  }
  if (f.krevNiva4Innlogging === true && f.kryptert !== true) {
    throw bad('krevNiva4Innlogging krever krypterte dokumenter');
  }
  const dokumenter = f.dokumenter ?? [];
  if (!Array.isArray(dokumenter)) throw bad('dokumenter må være en liste');
  if (dokumenter.length === 0) throw bad('forsendelsen har ingen dokumenter'); // assumed
  const names = new Set<string>();
  let signed = 0;
  for (const [i, d] of dokumenter.entries()) {
    if (typeof d.filnavn !== 'string' || !d.filnavn) throw bad(`dokumenter[${i}].filnavn er påkrevd`);
    if (d.filnavn.length > 226) throw bad(`dokumenter[${i}].filnavn kan ikke være lengre enn 226 tegn`);
    if (FORBIDDEN_IN_FILNAVN.test(d.filnavn)) {
      throw bad(`dokumenter[${i}].filnavn kan ikke inneholde * : " \\ / < > | ?`);
    }
    if (names.has(d.filnavn)) throw bad(`dokumenter[${i}].filnavn må være unikt i forsendelsen`);
    names.add(d.filnavn);
    if (typeof d.mimeType !== 'string' || !d.mimeType) throw bad(`dokumenter[${i}].mimeType er påkrevd`);
    const pdf = d.mimeType === 'application/pdf';
    if (!pdf && !digitalOnly && d.skalEkskluderesFraUtskrift !== true) {
      throw bad(`dokumenter[${i}] er ikke application/pdf og må ha skalEkskluderesFraUtskrift=true`);
    }
    if (d.skalSigneres === true) {
      signed++;
      if (!pdf) throw bad('Bare et application/pdf-dokument kan signeres');
    }
    if (d.ekstraMetadata !== undefined) {
      if (
        !Array.isArray(d.ekstraMetadata) ||
        !d.ekstraMetadata.every(
          (e: { key?: unknown; value?: unknown }) => typeof e.key === 'string' && typeof e.value === 'string',
        )
      ) {
        throw bad(`dokumenter[${i}].ekstraMetadata må være en liste av {key, value}`);
      }
    }
    const file = files[i];
    if (!file) throw bad(`Fil mangler for dokumenter[${i}] (${d.filnavn})`);
    if (file.filename !== d.filnavn) {
      throw bad(`Fil nr. ${i + 1} heter "${file.filename}", men dokumenter[${i}].filnavn er "${d.filnavn}"`);
    }
    if (pdf && file.data.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw bad(`${d.filnavn} er ikke en PDF`);
    }
  }
  if (signed > 1) throw bad('Bare ett dokument kan signeres');
  if (files.length > dokumenter.length) throw bad('Flere filer enn dokumenter i forsendelsen');
  const total = files.reduce((sum, file) => sum + file.data.length, 0);
  if (!digitalOnly && total > MAX_PRINT_BYTES) throw bad('Filene er over 350 MB og kan ikke printes');
}

export async function startSvarUtStandIn(): Promise<SvarUtStandIn> {
  const kontoId = randomUUID();
  const token = `maskinporten-token-${randomUUID()}`;
  const integrasjonId = randomUUID();
  const integrasjonPassord = `passord-${randomUUID()}`;
  const requests: SvarUtRequest[] = [];
  const received: ReceivedForsendelse[] = [];
  const failures: { status: number; message: string }[] = [];
  // Each account (konto) with the Fiks integration that has rights on it.
  const accounts = new Map<string, { integrasjonId: string; integrasjonPassord: string }>([
    [kontoId, { integrasjonId, integrasjonPassord }],
  ]);

  function reply(res: ServerResponse, req: IncomingMessage, status: number, body: object) {
    const text = JSON.stringify(body);
    requests.push({ method: req.method ?? '', path: req.url ?? '', status, answer: text });
    res.writeHead(status, { 'content-type': 'application/json' }).end(text);
  }

  function errorMessage(req: IncomingMessage, status: number, message: string, errorCode: string) {
    const error = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
    return {
      timestamp: Date.now(),
      status,
      error: error ?? 'Error',
      errorId: randomUUID(),
      path: req.url,
      originalPath: req.url,
      message,
      errorCode,
    };
  }

  function checkAuth(req: IncomingMessage, konto: string) {
    const authorization = req.headers.authorization;
    if (!authorization?.startsWith('Bearer '))
      throw new Rejection(401, 'Mangler Bearer-token', 'UNAUTHORIZED');
    if (authorization.slice(7) !== token)
      throw new Rejection(401, 'Ugyldig Maskinporten-token', 'UNAUTHORIZED');
    if (!req.headers.integrasjonid) throw new Rejection(401, 'Mangler header IntegrasjonId', 'UNAUTHORIZED');
    if (!req.headers.integrasjonpassord) {
      throw new Rejection(401, 'Mangler header IntegrasjonPassord', 'UNAUTHORIZED');
    }
    const integration = [...accounts.values()].find((a) => a.integrasjonId === req.headers.integrasjonid);
    if (integration?.integrasjonPassord !== req.headers.integrasjonpassord) {
      throw new Rejection(401, 'Ugyldig IntegrasjonId eller IntegrasjonPassord', 'UNAUTHORIZED');
    }
    if (accounts.get(konto) !== integration)
      throw new Rejection(403, 'Integrasjonen har ikke tilgang til kontoen', 'INGEN_TILGANG');
  }

  async function send(req: IncomingMessage, res: ServerResponse, konto: string) {
    checkAuth(req, konto);
    const contentType = req.headers['content-type'] ?? '';
    const boundary = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) throw bad('Forventet multipart/form-data');
    const parts = parseMultipart(await readBody(req), (boundary[1] ?? boundary[2]) as string);
    const [first, ...files] = parts;
    if (first?.name !== 'forsendelse') throw bad('Første del må hete "forsendelse"');
    if (first.filename !== undefined) throw bad('Delen "forsendelse" skal være JSON, ikke en fil');
    if (first.contentType && !/^application\/json/i.test(first.contentType)) {
      throw bad('Delen "forsendelse" må være application/json');
    }
    let forsendelse: unknown;
    try {
      forsendelse = JSON.parse(first.data.toString('utf8'));
    } catch {
      throw bad('Delen "forsendelse" er ikke gyldig JSON');
    }
    if (files.some((f) => f.filename === undefined)) throw bad('Dokumentdelene må ha filename');
    checkForsendelse(forsendelse, files);
    const id = randomUUID();
    received.push({
      id,
      kontoId: konto,
      headers: req.headers,
      forsendelse,
      parts,
      status: 'MOTTATT',
      sisteStatusEndring: new Date().toISOString(),
    });
    reply(res, req, 200, { id });
  }

  async function statusSok(req: IncomingMessage, res: ServerResponse, konto: string) {
    checkAuth(req, konto);
    let body: { forsendelseIds?: unknown };
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      throw bad('Ugyldig JSON');
    }
    const ids = body.forsendelseIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
      throw bad('forsendelseIds må være en liste av UUID-er');
    }
    const statuser = received
      .filter((r) => r.kontoId === konto && ids.includes(r.id))
      .map((r) => ({ id: r.id, sisteStatusEndring: r.sisteStatusEndring, status: r.status }));
    reply(res, req, 200, { statuser });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const handle = async () => {
      const failure = failures.shift();
      if (failure) {
        req.resume();
        throw new Rejection(failure.status, failure.message, failure.status >= 500 ? 'SYSTEMFEIL' : 'FEIL');
      }
      const sendPath = /^\/api\/v2\/kontoer\/([^/]+)\/forsendelser\/?$/.exec(path);
      const statusPath = /^\/api\/v2\/kontoer\/([^/]+)\/forsendelser\/status-sok$/.exec(path);
      if (req.method === 'POST' && statusPath)
        return statusSok(req, res, decodeURIComponent(statusPath[1] as string));
      if (req.method === 'POST' && sendPath) return send(req, res, decodeURIComponent(sendPath[1] as string));
      req.resume();
      throw new Rejection(404, 'Ukjent ressurs', 'NOT_FOUND');
    };
    handle().catch((error: unknown) => {
      if (error instanceof Rejection) {
        req.resume();
        reply(res, req, error.status, errorMessage(req, error.status, error.message, error.errorCode));
      } else {
        reply(res, req, 500, errorMessage(req, 500, String(error), 'SYSTEMFEIL'));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    ...outageSwitch(server),
    url: `http://127.0.0.1:${port}`,
    kontoId,
    token,
    integrasjonId,
    integrasjonPassord,
    requests,
    received,
    setStatus(id, status) {
      if (!SVARUT_STATUSES.includes(status)) throw new Error(`Not a SvarUt status: ${status}`);
      const forsendelse = received.find((r) => r.id === id);
      if (!forsendelse) throw new Error(`No forsendelse ${id}`);
      forsendelse.status = status;
      forsendelse.sisteStatusEndring = new Date().toISOString();
    },
    addAccount() {
      const account = { integrasjonId: randomUUID(), integrasjonPassord: `passord-${randomUUID()}` };
      const konto = randomUUID();
      accounts.set(konto, account);
      return { kontoId: konto, ...account };
    },
    failNext(status, message = 'Intern feil', count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, message });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
