import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { todayInOslo } from '../../src/domain/calendar.js';
import type { Agent } from '../support/app.js';
import { createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { createMunicipality, createUser, type TestUser } from '../support/factories.js';
import {
  createNetwork,
  joinedHousehold,
  resourceFamilyAgent,
  type TestNetwork,
} from '../support/networks.js';

// Supervision talks (veiledning, SPEC section 3, seed 003): when the next talk is due (the last
// talk or the network's start + the interval, 14 days at first), overdue in words, the short log
// with its staff-only note, and what a resource family never sees of it.

const NOTE = 'Snakket om grensesetting – kun for ansatte';

let env: TestEnv;
let asker: number;
let tn: TestNetwork;
let family: { user: TestUser; agent: Agent };
let adultId: string;
let teamLeaderId: string;

const talk = (heldOn: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  heldOn,
  caseworkerIds: [tn.caseworker.id],
  adultIds: [adultId],
  note: NOTE,
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Veiledningsby');
  tn = await createNetwork(env, asker, { name: 'Nettverket i Lia' });
  await joinedHousehold(env, tn.agent, asker, tn.network.id);
  family = await resourceFamilyAgent(env, tn);
  const view = (await tn.agent.get(`/api/networks/${tn.network.id}/supervision`)).json();
  adultId = view.adults[0].id;
  teamLeaderId = view.caseworkers.find((c: { id: string }) => c.id !== tn.caseworker.id).id;
});
afterAll(() => env.close());

describe('when the next talk is due', () => {
  it('is the network start + 14 days before any talk, not overdue', async () => {
    const response = await tn.agent.get(`/api/networks/${tn.network.id}/supervision`);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.due).toEqual({
      intervalDays: 14,
      startedOn: todayInOslo(),
      lastTalkOn: null,
      nextDueOn: inDays(14),
      daysOverdue: 0,
    });
    expect(view.talks).toEqual([]);
    expect(view.adults.map((a: { firstName: string }) => a.firstName)).toEqual(['Ragnhild']);
  });

  it('is the last talk + 14 days, and a talk held on 3 March 2025 was overdue on 18 March', async () => {
    const logged = await tn.agent.post(
      `/api/networks/${tn.network.id}/supervision/talks`,
      talk('2025-03-03'),
    );
    expect(logged.statusCode).toBe(201);
    const due = logged.json().due;
    expect(due.lastTalkOn).toBe('2025-03-03');
    expect(due.nextDueOn).toBe('2025-03-17');
    // Counted to today: 17 March 2025 is long past.
    const daysSince = Math.round((Date.parse(todayInOslo()) - Date.parse('2025-03-17')) / 86_400_000);
    expect(due.daysOverdue).toBe(daysSince);
    expect(due.daysOverdue).toBeGreaterThan(0);
  });

  it('moves the due day when the interval changes (30 days: 2 April 2025)', async () => {
    const changed = await tn.agent.put(`/api/networks/${tn.network.id}/supervision/interval`, { days: 30 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().due).toMatchObject({ intervalDays: 30, nextDueOn: '2025-04-02' });
    const again = (await tn.agent.get(`/api/networks/${tn.network.id}/supervision`)).json();
    expect(again.due.intervalDays).toBe(30);
  });

  it('is on time again after a talk two days ago: due in 28 days', async () => {
    const logged = await tn.agent.post(`/api/networks/${tn.network.id}/supervision/talks`, talk(inDays(-2)));
    expect(logged.json().due).toMatchObject({
      lastTalkOn: inDays(-2),
      nextDueOn: inDays(28),
      daysOverdue: 0,
    });
    expect(logged.json().talks.map((t: { heldOn: string }) => t.heldOn)).toEqual([inDays(-2), '2025-03-03']);
  });

  it("lists the caseworker's networks with the due day on the start page, not others'", async () => {
    const mine = (await tn.agent.get('/api/supervision')).json();
    expect(mine.networks).toEqual([
      {
        networkId: tn.network.id,
        name: 'Nettverket i Lia',
        due: expect.objectContaining({ nextDueOn: inDays(28), daysOverdue: 0 }),
      },
    ]);
    const colleague = await createUser(env.db, asker, ['caseworker']);
    const theirs = (await (await loginAs(env.app, colleague.email)).get('/api/supervision')).json();
    expect(theirs.networks).toEqual([]);
  });

  it('shows an overdue network as overdue on the start page', async () => {
    const other = await createNetwork(env, asker, {
      name: 'Nettverket på Haugen',
      caseworker: tn.caseworker,
    });
    const adults = (await tn.agent.get(`/api/networks/${other.network.id}/supervision`)).json().adults;
    await tn.agent.post(`/api/networks/${other.network.id}/supervision/talks`, {
      ...talk('2025-06-02'),
      adultIds: [adults[0].id],
    });
    const list = (await tn.agent.get('/api/supervision')).json().networks;
    const haugen = list.find((n: { name: string }) => n.name === 'Nettverket på Haugen');
    expect(haugen.due.nextDueOn).toBe('2025-06-16');
    expect(haugen.due.daysOverdue).toBeGreaterThan(0);
  });
});

describe('the log of talks', () => {
  it('keeps who took part (caseworkers and the resource family) and the note', async () => {
    const view = (await tn.agent.get(`/api/networks/${tn.network.id}/supervision`)).json();
    const first = view.talks.find((t: { heldOn: string }) => t.heldOn === '2025-03-03');
    expect(first.note).toBe(NOTE);
    expect(first.participants).toEqual([
      {
        kind: 'caseworker',
        id: tn.caseworker.id,
        name: `${tn.caseworker.firstName} ${tn.caseworker.lastName}`,
      },
      { kind: 'adult', id: adultId, name: 'Ragnhild Ressursen' },
    ]);
  });

  it('logs a talk sent twice once', async () => {
    const body = talk('2025-02-01', { caseworkerIds: [tn.caseworker.id, teamLeaderId], adultIds: [] });
    const [a, b] = await Promise.all([
      tn.agent.post(`/api/networks/${tn.network.id}/supervision/talks`, body),
      tn.agent.post(`/api/networks/${tn.network.id}/supervision/talks`, body),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const rows = await env.db.transaction((tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_talk WHERE id = $1', [body.id]),
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses a talk in the future, without participants, or with someone not of the network, saving nothing', async () => {
    const stranger = await createUser(env.db, asker, ['caseworker']);
    const cases = [
      [talk(inDays(1)), 'heldOn'],
      [talk(inDays(-1), { caseworkerIds: [], adultIds: [] }), 'participants'],
      [talk(inDays(-1), { caseworkerIds: [stranger.id] }), 'participants'],
      [talk(inDays(-1), { note: 'x'.repeat(1001) }), 'note'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await tn.agent.post(`/api/networks/${tn.network.id}/supervision/talks`, body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().code).toBe('validation.invalid');
      expect(JSON.stringify(response.json().details)).toContain(field);
    }
    const view = (await tn.agent.get(`/api/networks/${tn.network.id}/supervision`)).json();
    expect(view.talks.map((t: { heldOn: string }) => t.heldOn)).not.toContain(inDays(-1));
  });

  it('refuses an interval outside 1–180 days', async () => {
    for (const days of [0, 181, 1.5]) {
      const response = await tn.agent.put(`/api/networks/${tn.network.id}/supervision/interval`, { days });
      expect(response.statusCode).toBe(400);
    }
  });

  it('audits each read and change with the resource family as subject', async () => {
    const rows = await env.db.transaction((tx) =>
      tx.query<{ action: string; recordType: string }>(
        `SELECT action, record_type AS "recordType" FROM audit_log
         WHERE subject_id = $1 AND record_type LIKE 'supervision%' ORDER BY id`,
        [tn.network.resourceFamily.householdId],
      ),
    );
    const seen = new Set(rows.map((r) => `${r.action} ${r.recordType}`));
    expect(seen).toEqual(
      new Set(['read supervision', 'create supervision_talk', 'update supervision_interval']),
    );
  });
});

describe('who sees it', () => {
  it("answers 404 for another municipality's network, and lists none of it", async () => {
    const lillehammer = await createMunicipality(env.db, 'Lillehammerlia');
    const theirs = await createNetwork(env, lillehammer, { name: 'Fjellnettverket' });
    for (const request of [
      tn.agent.get(`/api/networks/${theirs.network.id}/supervision`),
      tn.agent.post(`/api/networks/${theirs.network.id}/supervision/talks`, talk(inDays(-1))),
      tn.agent.put(`/api/networks/${theirs.network.id}/supervision/interval`, { days: 7 }),
    ]) {
      const response = await request;
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await tn.agent.get('/api/supervision')).body).not.toContain('Fjellnettverket');
  });

  it('never shows the resource family the supervision or its notes', async () => {
    const refused = await family.agent.get(`/api/networks/${tn.network.id}/supervision`);
    expect(refused.statusCode).toBe(403);
    for (const path of ['/api/my-network', '/api/my-network/contacts', '/api/my-network/summary']) {
      const response = await family.agent.get(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).not.toContain('grensesetting');
    }
    // Row-level security too: the family's account sees no talk even when asking the database.
    const ctx = { municipalityId: asker, userId: family.user.id, ip: null };
    const seen = await inTenant(env.db, ctx, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_talk'),
    );
    expect(seen[0]?.n).toBe(0);
    const staff = { municipalityId: asker, userId: tn.caseworker.id, ip: null };
    const seenByStaff = await inTenant(env.db, staff, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_talk WHERE network_id = $1', [
        tn.network.id,
      ]),
    );
    expect(seenByStaff[0]?.n).toBe(3);
  });
});
