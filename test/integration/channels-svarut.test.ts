import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDigitalMailChannel, SvarUtError } from '../../src/channels/digital-mail.js';
import { mapSvarUtStatus, SVARUT_STATUSES, svarUtFilename } from '../../src/channels/svarut.js';
import type { OutgoingMessage } from '../../src/channels/types.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { type SvarUtStandIn, startSvarUtStandIn } from '../support/svarut-stand-in.js';

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'));
const FNR = '01017012345';

const letter = (
  to: Partial<OutgoingMessage['to']> = {},
  extra: Partial<OutgoingMessage> = {},
): OutgoingMessage => ({
  id: randomUUID(),
  channel: 'digital_mail',
  to: {
    name: 'Kari og Ola Nordmann',
    address: { name: 'Kari og Ola Nordmann', line: 'Storgata 1', postcode: '0155', place: 'OSLO' },
    ...to,
  },
  subject: 'Invitasjon til fosterhjemskafé 10. mars',
  text: 'Velkommen!',
  pdf: PDF,
  ...extra,
});

let svarut: SvarUtStandIn;
let dataDir: string;

const channelFor = (
  standIn: SvarUtStandIn,
  change: Partial<{ token: string; integrasjonPassord: string; konteringskode: string }> = {},
  printFallback = true,
) =>
  createDigitalMailChannel(
    {
      svarut: {
        url: standIn.url,
        kontoId: standIn.kontoId,
        token: standIn.token,
        integrasjonId: standIn.integrasjonId,
        integrasjonPassord: standIn.integrasjonPassord,
        konteringskode: undefined,
        ...change,
      },
      svarutPrintFallback: printFallback,
      dataDir,
    },
    { timeoutMs: 5_000 },
  );

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'landsby-svarut-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
beforeEach(async () => {
  svarut = await startSvarUtStandIn();
});
afterEach(async () => {
  await svarut.close();
});

describe('digital mail through SvarUt', () => {
  it('sends the letter PDF as multipart with the right headers and parts', async () => {
    const message = letter({ nationalId: FNR });
    const result = await channelFor(svarut, { konteringskode: 'FOSTER-2026' }).send(message);

    expect(result.status).toBe('sent');
    expect(result.providerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(svarut.received).toHaveLength(1);
    const received = svarut.received[0];
    if (!received) throw new Error('nothing received');
    expect(received.id).toBe(result.providerId);
    expect(svarut.requests[0]?.path).toBe(`/api/v2/kontoer/${svarut.kontoId}/forsendelser/`);
    expect(received.headers.authorization).toBe(`Bearer ${svarut.token}`);
    expect(received.headers.integrasjonid).toBe(svarut.integrasjonId);
    expect(received.headers.integrasjonpassord).toBe(svarut.integrasjonPassord);
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

    const [first, file, ...rest] = received.parts;
    expect(first).toMatchObject({
      name: 'forsendelse',
      filename: undefined,
      contentType: 'application/json;charset=UTF-8',
    });
    expect(rest).toHaveLength(0);
    expect(received.forsendelse).toEqual({
      tittel: 'Invitasjon til fosterhjemskafé 10. mars',
      mottaker: {
        navn: 'Kari og Ola Nordmann',
        digitalId: FNR,
        adresselinje1: 'Storgata 1',
        postnummer: '0155',
        poststed: 'OSLO',
      },
      avgivendeSystem: 'Landsby',
      konteringskode: 'FOSTER-2026',
      kunDigitalLevering: false,
      krevNiva4Innlogging: false,
      utskriftskonfigurasjon: { utskriftMedFarger: false, tosidig: false },
      dokumenter: [
        {
          filnavn: 'Invitasjon til fosterhjemskafé 10. mars.pdf',
          mimeType: 'application/pdf',
          skalSigneres: false,
        },
      ],
      eksternReferanse: message.id,
    });
    expect(file).toMatchObject({
      name: 'filer',
      filename: 'Invitasjon til fosterhjemskafé 10. mars.pdf',
      contentType: 'application/pdf',
    });
    expect(Buffer.compare(file?.data ?? Buffer.alloc(0), Buffer.from(PDF))).toBe(0);
  });

  it('includes digitalId only when the identity number is known, and the postal address always', async () => {
    const channel = channelFor(svarut);
    await channel.send(letter());
    await channel.send(letter({ nationalId: FNR }));
    const [without, withId] = svarut.received.map((r) => r.forsendelse.mottaker);
    expect(without).not.toHaveProperty('digitalId');
    expect(without).toMatchObject({ adresselinje1: 'Storgata 1', postnummer: '0155', poststed: 'OSLO' });
    expect(withId).toMatchObject({
      digitalId: FNR,
      adresselinje1: 'Storgata 1',
      postnummer: '0155',
      poststed: 'OSLO',
    });
  });

  it('sends further PDFs in order with unique file names, and leaves other types out', async () => {
    const message = letter(
      {},
      {
        subject: 'Invitasjon: kafé?',
        attachments: [
          { filename: 'Program.pdf', contentType: 'application/pdf', content: PDF },
          { filename: 'kafe.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
          { filename: 'Program.pdf', contentType: 'application/pdf', content: PDF },
        ],
      },
    );
    expect((await channelFor(svarut).send(message)).status).toBe('sent');
    const received = svarut.received[0];
    const names = ['Invitasjon kafé.pdf', 'Program.pdf', 'Program 2.pdf'];
    expect(received?.forsendelse.dokumenter.map((d: { filnavn: string }) => d.filnavn)).toEqual(names);
    expect(received?.parts.slice(1).map((p) => p.filename)).toEqual(names);
  });

  it('without print fallback sends digital only, and needs the identity number', async () => {
    const channel = channelFor(svarut, {}, false);
    expect(await channel.send(letter())).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/identity number/),
    });
    expect(svarut.requests).toHaveLength(0);
    expect((await channel.send(letter({ nationalId: FNR }))).status).toBe('sent');
    expect(svarut.received[0]?.forsendelse.kunDigitalLevering).toBe(true);
  });

  it('a letter that may be printed needs a postal address', async () => {
    const result = await channelFor(svarut).send(letter({ address: undefined, nationalId: FNR }));
    expect(result).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/postal address/),
    });
    expect(svarut.requests).toHaveLength(0);
  });

  it('surfaces SvarUt’s own message when it refuses', async () => {
    const result = await channelFor(svarut).send(
      letter({ address: { name: 'Kari', line: 'Storgata 1', postcode: '', place: 'OSLO' } }),
    );
    expect(svarut.requests[0]?.status).toBe(400);
    expect(result).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/^SvarUt: mottaker\.postnummer \(4 siffer\) er påkrevd/),
      retryable: false,
    });
  });

  it('wrong credentials or token fail with SvarUt’s message, not to be retried', async () => {
    const wrongPassword = await channelFor(svarut, { integrasjonPassord: 'feil' }).send(letter());
    expect(wrongPassword).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/IntegrasjonPassord/),
    });
    const wrongToken = await channelFor(svarut, { token: 'utløpt' }).send(letter());
    expect(wrongToken).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/token/),
    });
    expect(svarut.requests.map((r) => r.status)).toEqual([401, 401]);
    expect(svarut.received).toHaveLength(0);
  });

  it('5xx and a closed port are failures worth retrying, with SvarUt down', async () => {
    svarut.failNext(503, 'Tjenesten er midlertidig utilgjengelig');
    const channel = channelFor(svarut);
    expect(await channel.send(letter())).toEqual({
      status: 'failed',
      reason: 'SvarUt: Tjenesten er midlertidig utilgjengelig (SYSTEMFEIL)',
      retryable: true,
      providerDown: true,
    });
    const closed = await startSvarUtStandIn();
    await closed.close();
    expect(await channelFor(closed).send(letter())).toMatchObject({
      status: 'failed',
      retryable: true,
      providerDown: true,
      reason: expect.stringMatching(/could not be reached/),
    });
  });

  it('asks status-sok and maps SvarUt’s statuses', async () => {
    const channel = channelFor(svarut);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await channel.send(letter())).providerId as string);
    const [read, printed, refused, fresh] = ids as [string, string, string, string];
    svarut.setStatus(read, 'LEST');
    svarut.setStatus(printed, 'PRINTET');
    svarut.setStatus(refused, 'AVVIST');

    const statuses = await channel.queryStatus([...ids, randomUUID()]);
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(statuses).toHaveLength(4);
    expect(byId.get(read)).toMatchObject({ svarUtStatus: 'LEST', status: 'delivered', final: true });
    expect(byId.get(printed)).toMatchObject({ svarUtStatus: 'PRINTET', status: 'printed', final: true });
    expect(byId.get(refused)).toMatchObject({
      svarUtStatus: 'AVVIST',
      status: 'failed',
      reason: expect.any(String),
    });
    expect(byId.get(fresh)).toMatchObject({ svarUtStatus: 'MOTTATT', status: 'sent', final: false });
    expect(byId.get(fresh)?.sisteStatusEndring).toMatch(/^\d{4}-\d\d-\d\dT/);
    const request = svarut.requests.at(-1);
    expect(request?.path).toBe(`/api/v2/kontoer/${svarut.kontoId}/forsendelser/status-sok`);
  });

  it('status-sok errors are thrown with SvarUt’s message', async () => {
    svarut.failNext(500, 'Systemfeil');
    await expect(channelFor(svarut).queryStatus([randomUUID()])).rejects.toThrow(SvarUtError);
    svarut.failNext(500, 'Systemfeil');
    await expect(channelFor(svarut).queryStatus([randomUUID()])).rejects.toMatchObject({
      message: 'SvarUt: Systemfeil (SYSTEMFEIL)',
      retryable: true,
    });
  });
});

describe('the SvarUt stand-in checks as SvarUt does', () => {
  const send = async (
    parts: { name: string; filename?: string; type?: string; body: string | Buffer }[],
    headers: Record<string, string> = {},
  ) => {
    const boundary = 'b0undary';
    const chunks: Buffer[] = [];
    for (const part of parts) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}\r\n` +
            `${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
        ),
        Buffer.from(part.body),
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await fetch(`${svarut.url}/api/v2/kontoer/${svarut.kontoId}/forsendelser/`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${svarut.token}`,
        integrasjonid: svarut.integrasjonId,
        integrasjonpassord: svarut.integrasjonPassord,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...headers,
      },
      body: Buffer.concat(chunks),
    });
    return { status: response.status, body: (await response.json()) as { id?: string; message?: string } };
  };
  const forsendelse = (change: Record<string, unknown> = {}) => ({
    tittel: 'Brev',
    mottaker: { navn: 'Kari', adresselinje1: 'Storgata 1', postnummer: '0155', poststed: 'OSLO' },
    dokumenter: [{ filnavn: 'brev.pdf', mimeType: 'application/pdf' }],
    ...change,
  });
  const pdfPart = (filename = 'brev.pdf') => ({
    name: 'filer',
    filename,
    type: 'application/pdf',
    body: Buffer.from(PDF),
  });
  const json = (value: unknown) => ({
    name: 'forsendelse',
    type: 'application/json',
    body: JSON.stringify(value),
  });

  it('accepts a valid forsendelse and answers {id}', async () => {
    const { status, body } = await send([json(forsendelse()), pdfPart()]);
    expect(status).toBe(200);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['no IntegrasjonId', [json(forsendelse()), pdfPart()], { integrasjonid: '' }, 401, /IntegrasjonId/],
    ['forsendelse not first', [pdfPart(), json(forsendelse())], {}, 400, /Første del/],
    ['file names out of order', [json(forsendelse()), pdfPart('annet.pdf')], {}, 400, /annet\.pdf/],
    ['a missing file', [json(forsendelse())], {}, 400, /Fil mangler/],
    ['tittel > 1000', [json(forsendelse({ tittel: 't'.repeat(1001) })), pdfPart()], {}, 400, /1000/],
    [
      'no mottaker.navn',
      [json(forsendelse({ mottaker: { poststed: 'OSLO', postnummer: '0155' } })), pdfPart()],
      {},
      400,
      /navn/,
    ],
    [
      'bad konteringskode',
      [json(forsendelse({ konteringskode: 'a b' })), pdfPart()],
      {},
      400,
      /konteringskode/,
    ],
    [
      'a forbidden character in filnavn',
      [
        json(forsendelse({ dokumenter: [{ filnavn: 'a:b.pdf', mimeType: 'application/pdf' }] })),
        pdfPart('a:b.pdf'),
      ],
      {},
      400,
      /filnavn/,
    ],
    [
      'a non-PDF that may be printed',
      [
        json(forsendelse({ dokumenter: [{ filnavn: 'a.txt', mimeType: 'text/plain' }] })),
        { name: 'filer', filename: 'a.txt', type: 'text/plain', body: 'hei' },
      ],
      {},
      400,
      /skalEkskluderesFraUtskrift/,
    ],
    [
      'digital only without digitalId',
      [json(forsendelse({ kunDigitalLevering: true })), pdfPart()],
      {},
      400,
      /digitalId/,
    ],
  ])('refuses %s', async (_name, parts, headers, status, message) => {
    const answer = await send(parts, headers);
    expect(answer.status).toBe(status);
    expect(answer.body.message).toMatch(message);
    expect(svarut.received).toHaveLength(0);
  });

  it('accepts a non-PDF when it is excluded from print, or when the letter is digital only', async () => {
    const txt = { name: 'filer', filename: 'a.txt', type: 'text/plain', body: 'hei' };
    const excluded = forsendelse({
      dokumenter: [{ filnavn: 'a.txt', mimeType: 'text/plain', skalEkskluderesFraUtskrift: true }],
    });
    expect((await send([json(excluded), txt])).status).toBe(200);
    const digital = forsendelse({
      kunDigitalLevering: true,
      mottaker: { navn: 'Kari', digitalId: FNR },
      dokumenter: [{ filnavn: 'a.txt', mimeType: 'text/plain' }],
    });
    expect((await send([json(digital), txt])).status).toBe(200);
  });
});

describe('pieces', () => {
  it('maps every SvarUt status', () => {
    const expected: Record<string, string> = {
      MOTTATT: 'sent',
      AKSEPTERT: 'sent',
      AVVIST: 'failed',
      VARSLET: 'sent',
      LEST: 'delivered',
      SENDT_PRINT: 'sent',
      PRINTET: 'printed',
      MANUELT_HANDTERT: 'failed',
      SENDT_DIGITALT: 'delivered',
      SENDT_SDP: 'sent',
      LEVERT_SDP: 'delivered',
      KLAR_FOR_MOTTAK: 'sent',
      IKKE_LEVERT: 'failed',
    };
    for (const status of SVARUT_STATUSES)
      expect(mapSvarUtStatus(status).status, status).toBe(expected[status]);
    expect(mapSvarUtStatus('NOE_NYTT')).toMatchObject({
      status: 'sent',
      final: false,
      svarUtStatus: 'NOE_NYTT',
    });
  });

  it('makes file names SvarUt accepts', () => {
    expect(svarUtFilename('Svar: ja/nei? <"kafé">')).toBe('Svar ja nei kafé.pdf');
    expect(svarUtFilename('***')).toBe('brev.pdf');
    expect(svarUtFilename('x'.repeat(400)).length).toBeLessThanOrEqual(226);
  });
});

describe('configuration and the local default', () => {
  const env = { DATA_DIR: '.tmp/config-test', SECRET_KEY: 's'.repeat(32) };
  const full = {
    SVARUT_URL: 'https://test.svarut.ks.no/',
    SVARUT_KONTO_ID: randomUUID(),
    SVARUT_TOKEN: 'token',
    SVARUT_INTEGRASJON_ID: randomUUID(),
    SVARUT_INTEGRASJON_PASSORD: 'passord',
  };

  it('reads the SvarUt variables', () => {
    expect(loadConfig(env)).toMatchObject({ svarut: undefined, svarutPrintFallback: true });
    expect(
      loadConfig({ ...env, ...full, SVARUT_PRINT_FALLBACK: 'false', SVARUT_KONTERINGSKODE: 'ø-1' }),
    ).toMatchObject({
      svarut: {
        url: 'https://test.svarut.ks.no',
        kontoId: full.SVARUT_KONTO_ID,
        token: 'token',
        integrasjonId: full.SVARUT_INTEGRASJON_ID,
        integrasjonPassord: 'passord',
        konteringskode: 'ø-1',
      },
      svarutPrintFallback: false,
    });
  });

  it.each([
    [{ ...full, SVARUT_KONTO_ID: '' }, /SVARUT_KONTO_ID is required/],
    [{ ...full, SVARUT_KONTO_ID: 'konto-1' }, /SVARUT_KONTO_ID must be a UUID/],
    [{ ...full, SVARUT_TOKEN: '' }, /SVARUT_TOKEN is required/],
    [{ ...full, SVARUT_INTEGRASJON_PASSORD: '' }, /SVARUT_INTEGRASJON_PASSORD is required/],
    [{ ...full, SVARUT_KONTERINGSKODE: 'a b' }, /SVARUT_KONTERINGSKODE/],
    [{ SVARUT_PRINT_FALLBACK: 'ja' }, /SVARUT_PRINT_FALLBACK must be "true" or "false"/],
    [{ SVARUT_KONTOID: 'x' }, /Unknown variable SVARUT_KONTOID/],
  ])('names the variable that is wrong: %o', (change, message) => {
    expect(() => loadConfig({ ...env, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, ...change })).toThrow(message);
  });

  it('without SVARUT_URL writes the PDF to DATA_DIR/outbox/digital-*.pdf and reports sent', async () => {
    const channel = createDigitalMailChannel({ svarut: undefined, svarutPrintFallback: true, dataDir });
    const result = await channel.send(letter({ nationalId: FNR }));
    expect(result.status).toBe('sent');
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.startsWith('digital-'));
    expect(files).toContain(result.providerId);
    expect(
      Buffer.compare(readFileSync(join(dataDir, 'outbox', result.providerId as string)), Buffer.from(PDF)),
    ).toBe(0);
    // The identity number is written nowhere.
    for (const file of readdirSync(join(dataDir, 'outbox'))) {
      expect(readFileSync(join(dataDir, 'outbox', file), 'latin1')).not.toContain(FNR);
    }
    expect(svarut.requests).toHaveLength(0);
  });
});
