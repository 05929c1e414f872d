import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Outage, outageSwitch } from './outage.js';

/**
 * A stand-in for Sveve's SMS API on loopback: a real HTTP server that checks each request the
 * way shared/design/INTEGRATIONS.md §1 and §6 say Sveve does, answers the way Sveve answers,
 * and keeps what it received.
 *
 * Official (sveve.dk/apidok/send, sveve.se/apidok/send, .../dlr): the path /SMS/SendMessage,
 * GET or POST (JSON body flat, wrapped in "request", or a "messages" batch; or form
 * parameters), the parameters and their limits (user, passwd, to, msg ≤ 1071, from ≤ 11 and no
 * special characters, ref ≤ 36, f json|xml with xml the default, test), GET ≤ 6900 characters,
 * and the delivery report parameters.
 *
 * UNOFFICIAL (third-party clients only, INTEGRATIONS.md §1.3): the JSON answer shape
 * {response:{msgOkCount, stdSMSCount, ids, errors[{number, message}]}}, fatalError on HTTP 200
 * with "Feil brukernavn/passord" for bad credentials, the XML element names, HTTP 429 above 5
 * concurrent requests per account, ids in the order of the successful numbers.
 *
 * INVENTED here (not found in any source): the wording of every other error text, what a
 * test=true answer holds (the same as a real send, nothing recorded as sent), the HTTP status
 * for a too-long GET, how a number is judged invalid, and the SMS part count.
 */

export interface SveveParams {
  user?: string;
  passwd?: string;
  to?: string;
  msg?: string;
  from?: string;
  ref?: string;
  f?: string;
  test?: string;
  date_time?: string;
  [name: string]: string | undefined;
}

export interface SveveRequest {
  method: string;
  /** 'query' | 'json' | 'form' */
  form: string;
  contentType: string | undefined;
  /** One entry per message (a JSON batch has several). */
  params: SveveParams[];
  /** HTTP status of the answer. */
  status: number;
  answer: string;
}

export interface SentSms {
  id: number;
  /** The number as Sveve got it. */
  number: string;
  msg: string;
  from: string;
  ref: string | undefined;
  /** The Sveve account that sent it. */
  user: string;
}

export interface DeliveryReportInput {
  sms: SentSms;
  delivered: boolean;
  errorCode?: string;
  errorDesc?: string;
}

export interface SveveStandIn extends Outage {
  /** Base URL, as SVEVE_URL. */
  url: string;
  user: string;
  password: string;
  requests: SveveRequest[];
  /** SMS that would have gone out (not those sent with test=true, nor refused ones). */
  sent: SentSms[];
  /** Most requests that were being handled at the same time. */
  readonly maxInFlight: number;
  /** Requests answered 429 because more than 5 were in flight. */
  readonly tooMany: number;
  /** Milliseconds each request is held before the answer, so concurrency can be seen. */
  delayMs: number;
  /** Numbers (as Sveve gets them) that Sveve refuses, with its message. */
  refuse: Map<string, string>;
  /** Answer the next `count` requests with this HTTP status and body. */
  failNext(status: number, count?: number, body?: string): void;
  /** Another Sveve account (a second municipality's) the stand-in takes. */
  addAccount(user: string, password: string): void;
  /** Sends a delivery report for a sent SMS to `callbackUrl`, as Sveve does. Returns the HTTP status. */
  deliveryReport(callbackUrl: string, input: DeliveryReportInput, method?: 'GET' | 'POST'): Promise<number>;
  close(): Promise<void>;
}

/** The configuration that points Landsby's SMS channel at the stand-in. */
export const sveveEnv = (sveve: SveveStandIn) => ({
  SVEVE_URL: sveve.url,
  SVEVE_USER: sveve.user,
  SVEVE_PASSWORD: sveve.password,
});

const MAX_CONCURRENT = 5; // unofficial: sveve-dotnet readme
const MAX_GET = 6900;
const LIMITS = { msg: 1071, from: 11, ref: 36 };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A request as the stand-in records it, before its body is read. */
const requestOf = (req: IncomingMessage, form: SveveRequest['form'], status: number): SveveRequest => ({
  method: req.method ?? '',
  form,
  contentType: req.headers['content-type'],
  params: [],
  status,
  answer: '',
});

const stringify = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

function paramsFromObject(object: Record<string, unknown>): SveveParams {
  const params: SveveParams = {};
  for (const [key, value] of Object.entries(object)) {
    if (key !== 'messages' && key !== 'request') params[key] = stringify(value);
  }
  return params;
}

/** GSM-7 or UCS-2 parts (the usual 160/153 and 70/67 rule; Sveve's own rule was not found). */
function parts(msg: string): number {
  const gsm =
    /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/.test(msg);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return msg.length <= single ? 1 : Math.ceil(msg.length / multi);
}

/** Digits, optionally led by + or 00: a number. Anything else would be a group name. */
const isNumber = (recipient: string) => /^(\+|00)?\d+$/.test(recipient);
/** Norwegian mobile (8 digits from 4 or 9), or an international number led by + or 00. */
const isValidMobile = (n: string) => /^[49]\d{7}$/.test(n) || /^(\+|00)[1-9]\d{6,14}$/.test(n);

export async function startSveveStandIn(
  options: { user?: string; password?: string } = {},
): Promise<SveveStandIn> {
  const user = options.user ?? 'landsby';
  const password = options.password ?? 'sveve-api-password';
  const accounts = new Map([[user, password]]);
  const requests: SveveRequest[] = [];
  const sent: SentSms[] = [];
  const refuse = new Map<string, string>();
  const failures: { status: number; body: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let tooMany = 0;
  let nextId = 42824112;

  function answer(res: ServerResponse, record: SveveRequest, status: number, body: string, type: string) {
    record.status = status;
    record.answer = body;
    requests.push(record);
    res.writeHead(status, { 'content-type': type }).end(body);
  }

  function fatal(json: boolean, text: string): [string, string] {
    return json
      ? [JSON.stringify({ response: { fatalError: text } }), 'application/json;charset=utf-8']
      : [
          `<sms><response><errors><fatal>${xml(text)}</fatal></errors></response></sms>`,
          'text/xml;charset=utf-8',
        ];
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record = requestOf(req, 'query', 0);
    if (url.pathname !== '/SMS/SendMessage') return answer(res, record, 404, 'Not Found', 'text/plain');
    if (req.method !== 'GET' && req.method !== 'POST') return answer(res, record, 405, '', 'text/plain');
    if (req.method === 'GET' && (req.url ?? '').length > MAX_GET) {
      return answer(res, record, 414, 'Request-URI Too Long', 'text/plain'); // status invented
    }

    // Collect the parameters: query string, then the body in whichever documented form.
    const query: SveveParams = Object.fromEntries(url.searchParams);
    let common: SveveParams = query;
    let messages: SveveParams[] | undefined;
    if (req.method === 'POST') {
      const body = await readBody(req);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (type.startsWith('application/json') || /^\s*[{[]/.test(body)) {
        record.form = 'json';
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(body) as Record<string, unknown>;
        } catch {
          const [text, ct] = fatal(true, 'Ugyldig JSON');
          return answer(res, record, 200, text, ct);
        }
        const inner = (parsed.request ?? parsed) as Record<string, unknown>;
        common = { ...query, ...paramsFromObject(inner) };
        if (Array.isArray(inner.messages)) {
          messages = (inner.messages as Record<string, unknown>[]).map((m) => ({
            ...common,
            ...paramsFromObject(m),
          }));
        }
      } else if (body) {
        record.form = 'form';
        common = { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
      }
    }
    const all = messages ?? [common];
    record.params = all;
    const json = (common.f ?? '').toLowerCase() === 'json';

    const failure = failures.shift();
    if (failure) return answer(res, record, failure.status, failure.body, 'text/plain');

    // The account: user and password first, as a fatal error on HTTP 200.
    if (!common.user || !common.passwd) {
      const [text, ct] = fatal(json, 'Mangler brukernavn eller passord');
      return answer(res, record, 200, text, ct);
    }
    if (accounts.get(common.user) !== common.passwd) {
      const [text, ct] = fatal(json, 'Feil brukernavn/passord'); // unofficial wording, from third-party clients
      return answer(res, record, 200, text, ct);
    }
    for (const p of all) {
      const problem = !p.to
        ? 'Mangler mottaker (to)'
        : !p.msg
          ? 'Mangler meldingstekst (msg)'
          : p.msg.length > LIMITS.msg
            ? `Meldingsteksten er over ${LIMITS.msg} tegn`
            : p.from !== undefined && p.from.length > LIMITS.from
              ? `Avsender (from) er over ${LIMITS.from} tegn`
              : p.from !== undefined && !/^[\p{L}\p{N} ]*$/u.test(p.from)
                ? 'Avsender (from) kan ikke inneholde spesialtegn'
                : p.ref !== undefined && p.ref.length > LIMITS.ref
                  ? `Referanse (ref) er over ${LIMITS.ref} tegn`
                  : p.f !== undefined && !['json', 'xml'].includes(p.f.toLowerCase())
                    ? 'Ugyldig format (f)'
                    : p.test !== undefined && !['true', 'false'].includes(p.test.toLowerCase())
                      ? 'Ugyldig verdi for test'
                      : p.date_time !== undefined && !/^\d{12}$/.test(p.date_time)
                        ? 'Ugyldig date_time'
                        : undefined;
      if (problem) {
        const [text, ct] = fatal(json, problem);
        return answer(res, record, 200, text, ct);
      }
    }

    // Each number: sent, or an error for that number; the rest still go.
    const ids: number[] = [];
    const errors: { number: string; message: string }[] = [];
    let units = 0;
    for (const p of all) {
      const test = (p.test ?? '').toLowerCase() === 'true';
      for (const recipient of (p.to ?? '').split(',').map((r) => r.trim())) {
        const refusal = refuse.get(recipient);
        if (refusal) errors.push({ number: recipient, message: refusal });
        else if (!isNumber(recipient)) errors.push({ number: recipient, message: 'Ukjent gruppe' });
        else if (!isValidMobile(recipient))
          errors.push({ number: recipient, message: 'Ugyldig mobilnummer' });
        else {
          const id = nextId++;
          ids.push(id);
          units += parts(p.msg ?? '');
          if (!test)
            sent.push({
              id,
              number: recipient,
              msg: p.msg ?? '',
              from: p.from ?? '27333',
              ref: p.ref,
              user: common.user,
            });
        }
      }
    }
    const response = {
      msgOkCount: ids.length,
      stdSMSCount: units,
      ids,
      ...(errors.length ? { errors } : {}),
    };
    if (json) return answer(res, record, 200, JSON.stringify({ response }), 'application/json;charset=utf-8');
    const body =
      `<sms><response><msg_ok_count>${ids.length}</msg_ok_count><std_sms_count>${units}</std_sms_count>` +
      `<ids>${ids.map((id) => `<id>${id}</id>`).join('')}</ids>` +
      (errors.length
        ? `<errors>${errors.map((e) => `<error><number>${xml(e.number)}</number><message>${xml(e.message)}</message></error>`).join('')}</errors>`
        : '') +
      '</response></sms>';
    return answer(res, record, 200, body, 'text/xml;charset=utf-8');
  }

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const over = inFlight > MAX_CONCURRENT;
    const done = () => {
      inFlight--;
    };
    res.on('close', done);
    setTimeout(() => {
      if (over) {
        tooMany++;
        requests.push(requestOf(req, '', 429));
        req.resume();
        res.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
        return;
      }
      handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    }, standIn.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const standIn: SveveStandIn = {
    ...outageSwitch(server),
    url: `http://127.0.0.1:${port}`,
    user,
    password,
    requests,
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
    get tooMany() {
      return tooMany;
    },
    delayMs: 0,
    refuse,
    failNext(status, count = 1, body = '') {
      for (let i = 0; i < count; i++) failures.push({ status, body });
    },
    addAccount(accountUser, accountPassword) {
      accounts.set(accountUser, accountPassword);
    },
    async deliveryReport(callbackUrl, { sms, delivered, errorCode = '', errorDesc = '' }, method = 'GET') {
      // Official parameters and example (sveve.dk/apidok/dlr): number (as a Long, so the country
      // code in front and no "+"), status, id, ref, errorCode, errorDesc.
      const number = /^[49]\d{7}$/.test(sms.number) ? `47${sms.number}` : sms.number.replace(/^(\+|00)/, '');
      const params = new URLSearchParams({
        number,
        status: String(delivered),
        id: String(sms.id),
        ref: sms.ref ?? '',
        errorCode,
        errorDesc,
      });
      const response =
        method === 'GET'
          ? await fetch(`${callbackUrl}${callbackUrl.includes('?') ? '&' : '?'}${params}`)
          : await fetch(callbackUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: params.toString(),
            });
      await response.arrayBuffer();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
