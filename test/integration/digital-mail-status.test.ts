import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigitalMailChannel } from '../../src/channels/digital-mail.js';
import { inTenant } from '../../src/db/tenant.js';
import {
  checkDigitalMailStatus,
  type DigitalMailStatusDeps,
} from '../../src/features/sending/service/check-digital-mail.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';
import { type SvarUtStandIn, startSvarUtStandIn } from '../support/svarut-stand-in.js';

/**
 * The digital mail status job against the SvarUt stand-in: invitations go out as digital mail,
 * the stand-in reports what became of each forsendelse, and the job's handler (run directly
 * here; pg-boss runs it every 10 minutes) records it for the team to see.
 */

let env: TestEnv;
let svarut: SvarUtStandIn;
const logs: { level: string; entry: unknown; message: string }[] = [];
let deps: DigitalMailStatusDeps;

interface Party {
  municipality: number;
  agent: Agent;
  eventId: string;
}
let a: Party;
let b: Party;
const households: Record<'read' | 'print' | 'rejected' | 'printed' | 'other', string> = {
  read: '',
  print: '',
  rejected: '',
  printed: '',
  other: '',
};

interface SendingHousehold {
  id: string;
  channel: string;
  status: string;
  reason: string | null;
}
const sending = async (party: Party): Promise<{ state: string; households: SendingHousehold[] }> =>
  (await party.agent.get(`/api/events/${party.eventId}/sending`)).json();
const householdOf = async (party: Party, id: string) =>
  (await sending(party)).households.find((h) => h.id === id);

async function party(name: string, adults: string[][]): Promise<{ party: Party; households: string[] }> {
  const municipality = await createMunicipality(env.db, name);
  const user = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const agent = await loginAs(env.app, user.email);
  const eventId = await createEvent(agent, { hostUserIds: [user.id], venueId: await createVenue(agent) });
  const ids: string[] = [];
  for (const [firstName, lastName] of adults) {
    ids.push(
      await createHousehold(env.db, municipality, {
        adults: [
          {
            firstName: firstName as string,
            lastName: lastName as string,
            preferredChannels: ['digital_mail'],
          },
        ],
      }),
    );
  }
  return { party: { municipality, agent, eventId }, households: ids };
}

/** SvarUt's forsendelse id for a household's message (provider_id). */
async function forsendelseOf(p: Party, householdId: string): Promise<string> {
  const [row] = await inTenant(env.db, { municipalityId: p.municipality, userId: null, ip: null }, (tx) =>
    tx.query<{ provider_id: string }>(
      "SELECT provider_id FROM message WHERE household_id = $1 AND channel = 'digital_mail'",
      [householdId],
    ),
  );
  if (!row?.provider_id) throw new Error('no forsendelse id');
  return row.provider_id;
}

const statusSoks = () => svarut.requests.filter((r) => r.path.endsWith('/status-sok'));

beforeAll(async () => {
  svarut = await startSvarUtStandIn();
  env = await createTestEnv({
    SVARUT_URL: svarut.url,
    SVARUT_KONTO_ID: svarut.kontoId,
    SVARUT_TOKEN: svarut.token,
    SVARUT_INTEGRASJON_ID: svarut.integrasjonId,
    SVARUT_INTEGRASJON_PASSORD: svarut.integrasjonPassord,
  });
  const log = (level: string) => (entry: unknown, message?: string) => {
    logs.push({ level, entry, message: message ?? '' });
  };
  deps = {
    db: env.db,
    config: env.config,
    channels: { digital_mail: createDigitalMailChannel(env.config, { timeoutMs: 5_000 }) },
    log: { info: log('info'), warn: log('warn') } as unknown as DigitalMailStatusDeps['log'],
  };

  const first = await party('Malvik', [
    ['Kari', 'Lesen'],
    ['Per', 'Printsen'],
    ['Nina', 'Avvist'],
    ['Ola', 'Printet'],
  ]);
  a = first.party;
  [households.read, households.print, households.rejected, households.printed] = first.households as [
    string,
    string,
    string,
    string,
  ];
  const second = await party('Annenby', [['Siri', 'Berg']]);
  b = second.party;
  households.other = second.households[0] as string;
}, 60_000);

afterAll(async () => {
  await env?.close();
  await svarut?.close();
});

describe('digital mail status from SvarUt', () => {
  it('sends every invitation as digital mail through SvarUt', async () => {
    for (const p of [a, b]) {
      const now = await p.agent.post(`/api/events/${p.eventId}/sending/now`);
      expect(now.statusCode).toBe(200);
      await expect
        .poll(async () => (await sending(p)).state, { timeout: 20_000, interval: 200 })
        .toBe('done');
    }
    const view = await sending(a);
    expect(view.households).toHaveLength(4);
    expect(view.households.every((h) => h.channel === 'digital_mail' && h.status === 'sent')).toBe(true);
    expect(svarut.received).toHaveLength(5);
  });

  it('leaves every message as it was when SvarUt fails, and says so in the log without personal data', async () => {
    svarut.failNext(503, 'Tjenesten er midlertidig utilgjengelig', 2);
    const result = await checkDigitalMailStatus(deps);
    expect(result).toEqual({ checked: 0, changed: 0, errors: 2 });
    for (const id of [households.read, households.print, households.rejected, households.printed]) {
      expect(await householdOf(a, id)).toMatchObject({ status: 'sent', reason: null });
    }
    expect((await householdOf(b, households.other))?.status).toBe('sent');
    const warnings = logs.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(2);
    const text = JSON.stringify(warnings);
    expect(text).toContain('Tjenesten er midlertidig utilgjengelig');
    for (const word of ['Kari', 'Lesen', 'Nina', 'Avvist', 'Siri', 'Berg', 'Storgata', svarut.token]) {
      expect(text).not.toContain(word);
    }
  });

  it('records delivered, printed and failed with the reason, and keeps the rest sent', async () => {
    svarut.setStatus(await forsendelseOf(a, households.read), 'LEST');
    svarut.setStatus(await forsendelseOf(a, households.print), 'SENDT_PRINT');
    svarut.setStatus(await forsendelseOf(a, households.rejected), 'AVVIST');
    svarut.setStatus(await forsendelseOf(a, households.printed), 'PRINTET');
    svarut.setStatus(await forsendelseOf(b, households.other), 'LEVERT_SDP');
    const before = statusSoks().length;

    const result = await checkDigitalMailStatus(deps);
    expect(result).toEqual({ checked: 5, changed: 4, errors: 0 });
    // One status-sok per municipality, with the municipality's own forsendelser only.
    const asked = statusSoks().slice(before);
    expect(asked).toHaveLength(2);
    expect(asked.every((r) => r.status === 200)).toBe(true);

    expect(await householdOf(a, households.read)).toMatchObject({ status: 'delivered', reason: null });
    // Handed to the print vendor: on its way, printed once the print receipt comes (mapSvarUtStatus).
    expect(await householdOf(a, households.print)).toMatchObject({ status: 'sent', reason: null });
    expect(await householdOf(a, households.printed)).toMatchObject({ status: 'printed', reason: null });
    const rejected = await householdOf(a, households.rejected);
    expect(rejected?.status).toBe('failed');
    expect(rejected?.reason).toContain('AVVIST');
    expect((await householdOf(b, households.other))?.status).toBe('delivered');
  });

  it('writes each change to the audit log of its own municipality', async () => {
    const entries = await inTenant(env.db, { municipalityId: a.municipality, userId: null, ip: null }, (tx) =>
      tx.query<{ subject_id: string; details: { status: string; svarUtStatus: string; eventId: string } }>(
        "SELECT subject_id, details FROM audit_log WHERE action = 'status' AND record_type = 'household'",
      ),
    );
    expect(entries.map((e) => [e.subject_id, e.details.status, e.details.svarUtStatus]).sort()).toEqual(
      [
        [households.read, 'delivered', 'LEST'],
        [households.rejected, 'failed', 'AVVIST'],
        [households.printed, 'printed', 'PRINTET'],
      ].sort(),
    );
    expect(entries.every((e) => e.details.eventId === a.eventId)).toBe(true);
  });

  it('asks about a message at most every few minutes, and no more once its status is final', async () => {
    const before = statusSoks().length;
    expect(await checkDigitalMailStatus(deps)).toEqual({ checked: 0, changed: 0, errors: 0 });
    expect(statusSoks()).toHaveLength(before);

    // Later: only the letter still on its way to print is asked about, and now it is printed.
    svarut.setStatus(await forsendelseOf(a, households.print), 'PRINTET');
    expect(await checkDigitalMailStatus(deps, { recheckMinutes: 0 })).toEqual({
      checked: 1,
      changed: 1,
      errors: 0,
    });
    const [asked] = statusSoks().slice(before);
    expect(JSON.parse(asked?.answer ?? '{}').statuser).toHaveLength(1);
    expect((await householdOf(a, households.print))?.status).toBe('printed');
  });

  it('never moves a message that failed, or was retried, back by an old SvarUt status', async () => {
    // The team retries the rejected letter; SvarUt still says AVVIST about the first forsendelse.
    const retry = await a.agent.post(`/api/events/${a.eventId}/sending/retry`, {
      householdId: households.rejected,
    });
    expect(retry.statusCode).toBe(200);
    await expect.poll(async () => (await householdOf(a, households.rejected))?.status).toBe('sent');
    const fresh = await forsendelseOf(a, households.rejected);
    expect(svarut.received.filter((r) => r.status === 'AVVIST').map((r) => r.id)).not.toContain(fresh);
    await checkDigitalMailStatus(deps, { recheckMinutes: 0 });
    expect((await householdOf(a, households.rejected))?.status).toBe('sent');
  });
});
