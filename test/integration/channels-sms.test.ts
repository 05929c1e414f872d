import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSmsChannel,
  interpretSveveResponse,
  parseSveveDeliveryReport,
  toSveveNumber,
} from '../../src/channels/sms.js';
import type { OutgoingMessage } from '../../src/channels/types.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { type SveveStandIn, startSveveStandIn } from '../support/sveve-stand-in.js';

// The stand-in checks requests as Sveve documents them; the JSON answer it gives (ids, errors,
// fatalError on HTTP 200) and the limit of 5 concurrent requests come from third-party clients
// only (unofficial, INTEGRATIONS.md §1.3), see test/support/sveve-stand-in.ts.

const sms = (
  overrides: Partial<OutgoingMessage['to']> = {},
  text = 'Velkommen til fosterhjemskafé tirsdag 18:00! Svar: https://landsby.test/s/abc',
): OutgoingMessage => ({
  id: randomUUID(),
  channel: 'sms',
  to: { name: 'Kari Nordmann', mobile: '+4791234567', ...overrides },
  subject: 'Invitasjon',
  text,
});

let sveve: SveveStandIn;
let dataDir: string;

const channelFor = (
  standIn: SveveStandIn,
  extra: Partial<{ password: string; test: boolean; url: string }> = {},
) =>
  createSmsChannel(
    {
      sveve: { url: standIn.url, user: standIn.user, password: standIn.password, test: false, ...extra },
      smsFrom: 'Landsby',
      dataDir,
    },
    { timeoutMs: 5_000 },
  );

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'landsby-sms-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
beforeEach(async () => {
  sveve = await startSveveStandIn();
});
afterEach(async () => {
  await sveve.close();
});

describe('SMS through Sveve', () => {
  it('sends with the right parameters and our message id as ref', async () => {
    const message = sms();
    const result = await channelFor(sveve).send(message);

    expect(result).toEqual({ status: 'sent', providerId: String(sveve.sent[0]?.id) });
    expect(sveve.requests).toHaveLength(1);
    const request = sveve.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.form).toBe('json');
    expect(request?.params[0]).toMatchObject({
      user: sveve.user,
      passwd: sveve.password,
      to: '91234567',
      msg: message.text,
      from: 'Landsby',
      ref: message.id,
      f: 'json',
      test: 'false',
    });
    expect(sveve.sent).toEqual([
      {
        id: expect.any(Number),
        number: '91234567',
        msg: message.text,
        from: 'Landsby',
        ref: message.id,
        user: sveve.user,
      },
    ]);
  });

  it('sends numbers outside Norway with 00 and the country code', async () => {
    const result = await channelFor(sveve).send(sms({ mobile: '+46701234567' }));
    expect(result.status).toBe('sent');
    expect(sveve.sent[0]?.number).toBe('0046701234567');
  });

  it('in test mode asks Sveve to validate only: nothing goes out', async () => {
    const result = await channelFor(sveve, { test: true }).send(sms());
    expect(result.status).toBe('sent');
    expect(sveve.requests[0]?.params[0]?.test).toBe('true');
    expect(sveve.sent).toHaveLength(0);
  });

  it('a refused number fails with the provider’s reason, not to be retried', async () => {
    sveve.refuse.set('41234567', 'Nummeret er reservert mot SMS');
    const result = await channelFor(sveve).send(sms({ mobile: '+4741234567' }));
    expect(result).toEqual({ status: 'failed', reason: 'Nummeret er reservert mot SMS', retryable: false });
    expect(sveve.sent).toHaveLength(0);
  });

  it('a number Sveve does not take (a landline) fails with Sveve’s reason', async () => {
    const result = await channelFor(sveve).send(sms({ mobile: '+4722334455' }));
    expect(result).toMatchObject({ status: 'failed', reason: 'Ugyldig mobilnummer', retryable: false });
  });

  it('bad credentials (fatalError on HTTP 200) fail, not sent', async () => {
    const result = await channelFor(sveve, { password: 'wrong' }).send(sms());
    expect(sveve.requests[0]?.status).toBe(200);
    expect(result).toEqual({ status: 'failed', reason: 'Feil brukernavn/passord', retryable: false });
    expect(sveve.sent).toHaveLength(0);
  });

  it('HTTP 429 and 5xx are failures worth retrying', async () => {
    sveve.failNext(429);
    sveve.failNext(503);
    const channel = channelFor(sveve);
    expect(await channel.send(sms())).toMatchObject({
      status: 'failed',
      retryable: true,
      reason: expect.stringMatching(/429/),
    });
    expect(await channel.send(sms())).toMatchObject({
      status: 'failed',
      retryable: true,
      reason: expect.stringMatching(/503/),
    });
    expect(sveve.sent).toHaveLength(0);
    expect((await channel.send(sms())).status).toBe('sent');
  });

  it('a closed port is a failure worth retrying', async () => {
    const closed = await startSveveStandIn();
    await closed.close();
    const result = await channelFor(closed).send(sms());
    expect(result).toMatchObject({
      status: 'failed',
      retryable: true,
      reason: expect.stringMatching(/could not be reached/),
    });
  });

  it('never has more than 5 requests in flight to one account', async () => {
    sveve.delayMs = 40;
    const channel = channelFor(sveve);
    const messages = Array.from({ length: 20 }, () => sms());
    const results = await Promise.all(messages.map((m) => channel.send(m)));

    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(sveve.maxInFlight).toBe(5);
    expect(sveve.tooMany).toBe(0);
    expect(sveve.sent.map((s) => s.ref).sort()).toEqual(messages.map((m) => m.id).sort());
  });

  it('shares the limit between channels for the same account', async () => {
    sveve.delayMs = 30;
    const [a, b] = [channelFor(sveve), channelFor(sveve)];
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).send(sms())));
    expect(sveve.maxInFlight).toBeLessThanOrEqual(5);
    expect(sveve.tooMany).toBe(0);
  });

  it('refuses before calling Sveve what Sveve would refuse', async () => {
    const channel = channelFor(sveve);
    expect(await channel.send(sms({ mobile: undefined }))).toMatchObject({
      status: 'failed',
      retryable: false,
    });
    expect(await channel.send(sms({ mobile: '91234567' }))).toMatchObject({
      status: 'failed',
      retryable: false,
    });
    expect(await channel.send(sms({}, 'x'.repeat(1072)))).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/1071/),
    });
    expect(sveve.requests).toHaveLength(0);
  });
});

describe('the Sveve stand-in checks as Sveve does', () => {
  const post = async (params: Record<string, string>, query = '') => {
    const response = await fetch(`${sveve.url}/SMS/SendMessage${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    });
    return { status: response.status, text: await response.text() };
  };
  const base = () => ({ user: sveve.user, passwd: sveve.password, to: '91234567', msg: 'Hei', f: 'json' });

  it.each([
    ['user', { user: '' }, /brukernavn/],
    ['msg', { msg: '' }, /msg/],
    ['to', { to: '' }, /to/],
    ['msg > 1071', { msg: 'x'.repeat(1072) }, /1071/],
    ['from > 11', { from: 'Fosterhjemstjenesten' }, /11/],
    ['ref > 36', { ref: 'r'.repeat(37) }, /36/],
  ])('rejects a request with a bad %s with fatalError on HTTP 200', async (_name, change, message) => {
    const { status, text } = await post({ ...base(), ...change });
    expect(status).toBe(200);
    expect(JSON.parse(text).response.fatalError).toMatch(message);
    expect(sveve.sent).toHaveLength(0);
  });

  it('answers 429 above 5 requests at once (unofficial)', async () => {
    sveve.delayMs = 40;
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${sveve.url}/SMS/SendMessage?${new URLSearchParams(base())}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(sveve.tooMany).toBe(3);
  });

  it('answers XML unless f=json', async () => {
    const { f: _f, ...params } = base();
    const { text } = await post(params);
    expect(text).toMatch(/^<sms><response><msg_ok_count>1<\/msg_ok_count>.*<ids><id>\d+<\/id><\/ids>/);
  });

  it('takes the documented GET and JSON forms too', async () => {
    const get = await fetch(`${sveve.url}/SMS/SendMessage?${new URLSearchParams(base())}`);
    expect((await get.json()).response.msgOkCount).toBe(1);
    const wrapped = await fetch(`${sveve.url}/SMS/SendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ request: { ...base(), test: true } }),
    });
    expect((await wrapped.json()).response.ids).toHaveLength(1);
    expect(sveve.sent).toHaveLength(1); // the test=true one is not sent
  });
});

describe('delivery reports', () => {
  it('parses Sveve’s documented example as delivered', () => {
    const params = new URLSearchParams(
      'number=4593654321&status=true&id=42824112&ref=ABC123&errorCode=&errorDesc=',
    );
    expect(parseSveveDeliveryReport(params)).toEqual({
      ref: 'ABC123',
      providerId: '42824112',
      number: '4593654321',
      status: 'delivered',
    });
  });

  it('gives a failed report with the error description and code as reason', () => {
    expect(
      parseSveveDeliveryReport({
        number: '4791234567',
        status: 'false',
        id: '7',
        ref: 'm-1',
        errorCode: '31',
        errorDesc: 'Ukjent abonnent',
      }),
    ).toEqual({
      ref: 'm-1',
      providerId: '7',
      number: '4791234567',
      status: 'failed',
      reason: 'Ukjent abonnent (31)',
    });
    expect(parseSveveDeliveryReport({ status: 'false', ref: 'm-2' })?.reason).toBe('Not delivered.');
  });

  it('is not a delivery report without status (an incoming SMS)', () => {
    expect(parseSveveDeliveryReport({ number: '4791234567', msg: 'JA', prefix: 'KAFE' })).toBeUndefined();
    expect(parseSveveDeliveryReport({ status: 'maybe', ref: 'x' })).toBeUndefined();
  });

  it('matches a report the stand-in sends back to our message by ref', async () => {
    const received: URLSearchParams[] = [];
    const callback = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        received.push(
          req.method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString()) : url.searchParams,
        );
        res.end('OK');
      });
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    const callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/sms/dlr`;
    try {
      const ok = sms();
      const bad = sms({ mobile: '+4741234567' });
      const channel = channelFor(sveve);
      const okResult = await channel.send(ok);
      await channel.send(bad);
      const [okSms, badSms] = sveve.sent;
      if (!okSms || !badSms) throw new Error('both should be sent');
      expect(await sveve.deliveryReport(callbackUrl, { sms: okSms, delivered: true })).toBe(200);
      await sveve.deliveryReport(
        callbackUrl,
        { sms: badSms, delivered: false, errorCode: '12', errorDesc: 'Telefonen er avslått' },
        'POST',
      );
      const [first, second] = received.map((p) => parseSveveDeliveryReport(p));
      expect(first).toEqual({
        ref: ok.id,
        providerId: okResult.providerId,
        number: '4791234567',
        status: 'delivered',
      });
      expect(second).toMatchObject({ ref: bad.id, status: 'failed', reason: 'Telefonen er avslått (12)' });
    } finally {
      await new Promise<void>((resolve) => callback.close(() => resolve()));
    }
  });
});

describe('pieces', () => {
  it('turns E.164 into the number Sveve takes', () => {
    expect(toSveveNumber('+4791234567')).toBe('91234567');
    expect(toSveveNumber('+46 70 123 45 67')).toBe('0046701234567');
    expect(() => toSveveNumber('91234567')).toThrow(/E\.164/);
  });

  it('reads per-number errors, ids and fatal errors', () => {
    expect(interpretSveveResponse({ response: { msgOkCount: 1, ids: [5] } }, '91234567')).toEqual({
      status: 'sent',
      providerId: '5',
    });
    // Sveve may give the number back with the country code.
    expect(
      interpretSveveResponse(
        { response: { errors: [{ number: '4791234567', message: 'Sperret' }] } },
        '91234567',
      ),
    ).toMatchObject({ status: 'failed', reason: 'Sperret' });
    expect(
      interpretSveveResponse({ response: { fatalError: 'Ikke nok SMS igjen' } }, '91234567'),
    ).toMatchObject({
      status: 'failed',
      reason: 'Ikke nok SMS igjen',
      retryable: false,
    });
    expect(interpretSveveResponse({}, '91234567').status).toBe('failed');
  });
});

describe('configuration and the local default', () => {
  const env = { DATA_DIR: '.tmp/config-test', SECRET_KEY: 's'.repeat(32) };

  it('reads the Sveve variables', () => {
    expect(loadConfig(env)).toMatchObject({ sveve: undefined, smsFrom: 'Landsby' });
    expect(
      loadConfig({
        ...env,
        SVEVE_USER: 'kommune',
        SVEVE_PASSWORD: 'pw',
        SVEVE_FROM: 'Barnevern',
        SVEVE_TEST: 'true',
      }),
    ).toMatchObject({
      sveve: { url: 'https://sveve.no', user: 'kommune', password: 'pw', test: true },
      smsFrom: 'Barnevern',
    });
  });

  it.each([
    [{ SVEVE_USER: 'kommune' }, /SVEVE_PASSWORD is required/],
    [{ SVEVE_FROM: 'Fosterhjemstjenesten' }, /SVEVE_FROM/],
    [{ SVEVE_FROM: 'Landsby!' }, /SVEVE_FROM/],
    [{ SVEVE_USER: 'k', SVEVE_PASSWORD: 'p', SVEVE_URL: 'ftp://x' }, /SVEVE_URL/],
    [{ SVEVE_PASWORD: 'p' }, /Unknown variable SVEVE_PASWORD/],
  ])('names the variable that is wrong: %o', (change, message) => {
    expect(() => loadConfig({ ...env, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, ...change })).toThrow(message);
  });

  it('without SVEVE_USER writes each SMS to DATA_DIR/outbox/sms-*.txt and reports sent', async () => {
    const channel = createSmsChannel({ sveve: undefined, smsFrom: 'Landsby', dataDir });
    const message = sms();
    const result = await channel.send(message);
    expect(result.status).toBe('sent');
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.startsWith('sms-'));
    expect(files).toContain(result.providerId);
    const content = readFileSync(join(dataDir, 'outbox', result.providerId as string), 'utf8');
    expect(content).toContain('To: +4791234567');
    expect(content).toContain(`Ref: ${message.id}`);
    expect(content).toContain(message.text);
    expect(sveve.requests).toHaveLength(0);
  });
});
