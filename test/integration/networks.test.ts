import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import type { MemberView } from '../../src/features/networks/contract.js';
import { createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { createMunicipality, createUser } from '../support/factories.js';
import {
  bornYearsAgo,
  createNetwork,
  joinedHousehold,
  openGate,
  proposeHousehold,
  resourceFamilyAgent,
  signingPath,
  signOnPage,
  type TestNetwork,
} from '../support/networks.js';

// Resource-family networks (SPEC section 3): the gate before a household joins, the age-15 rule,
// leaving, member limits, and signing through a personal link.
let env: TestEnv;
let asker: number;
let tn: TestNetwork;

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  tn = await createNetwork(env, asker);
});
afterAll(() => env.close());

const join = (networkId: string, memberId: string, body: object = {}) =>
  tn.agent.post(`/api/networks/${networkId}/members/${memberId}/join`, body);

async function auditActions(recordType: string, recordId: string) {
  return env.db.transaction((tx) =>
    tx.query<{ action: string; details: Record<string, unknown> | null }>(
      'SELECT action, details FROM audit_log WHERE record_type = $1 AND record_id = $2 ORDER BY id',
      [recordType, recordId],
    ),
  );
}

describe('the gate: consent of every child of 15+ and every adult signed', () => {
  const steps = ['kari', 'ola', 'consent'] as const;
  const orders = [
    ['kari', 'ola', 'consent'],
    ['kari', 'consent', 'ola'],
    ['ola', 'kari', 'consent'],
    ['ola', 'consent', 'kari'],
    ['consent', 'kari', 'ola'],
    ['consent', 'ola', 'kari'],
  ] as const;

  for (const order of orders) {
    it(`refuses the household with what is missing until the last of ${order.join(' → ')}`, async () => {
      const member = await proposeHousehold(env, tn.agent, asker, tn.network.id, {
        adults: [
          { firstName: 'Kari', lastName: 'Nordmann' },
          { firstName: 'Ola', lastName: 'Nordmann' },
        ],
        // 16 (must consent) and 10 (too young to be asked)
        children: [bornYearsAgo(16), bornYearsAgo(10)],
      });
      expect(member.status).toBe('pending');
      const adultOf = (name: string) =>
        member.adults.find((a) => a.firstName.toLowerCase() === name)?.id as string;
      const teen = member.children.find((c) => c.age === 16)?.id as string;
      const done = new Set<string>();
      for (const step of order) {
        const refused = await join(tn.network.id, member.id);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().code).toBe('network.gate_closed');
        const missing = refused.json().details;
        expect(missing.adults.map((a: { firstName: string }) => a.firstName.toLowerCase()).sort()).toEqual(
          steps.filter((s) => s !== 'consent' && !done.has(s)).sort(),
        );
        expect(missing.children.map((c: { childId: string }) => c.childId)).toEqual(
          done.has('consent') ? [] : [teen],
        );
        if (step === 'consent') {
          const r = await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/consents`, {
            childId: teen,
          });
          expect(r.statusCode).toBe(200);
        } else {
          const page = await signOnPage(
            env,
            await signingPath(tn.agent, tn.network.id, member.id, adultOf(step)),
          );
          expect(page.statusCode).toBe(303);
        }
        done.add(step);
      }
      const joined = await join(tn.network.id, member.id);
      expect(joined.statusCode).toBe(200);
      expect(joined.json()).toMatchObject({ status: 'active', joinedOn: inDays(0) });
      expect(
        joined.json().adults.every((a: MemberView['adults'][number]) => a.signature?.via === 'link'),
      ).toBe(true);
      // Ending it here keeps the network under five for the tests that follow.
      await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/end`, { reason: 'left' });
    });
  }

  it('asks the consent of a child who is 15 on the joining day, not of one who turns 15 the day after', async () => {
    const member = await proposeHousehold(env, tn.agent, asker, tn.network.id, {
      children: [bornYearsAgo(15, 1)],
    });
    await openGate(env, tn.agent, tn.network.id, member);
    const onBirthday = await join(tn.network.id, member.id, { joinOn: inDays(1) });
    expect(onBirthday.statusCode).toBe(409);
    expect(onBirthday.json().details.children).toHaveLength(1);
    const today = await join(tn.network.id, member.id, { joinOn: inDays(0) });
    expect(today.statusCode).toBe(200);
    await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/end`, { reason: 'left' });
  });
});

describe('signing through a personal link', () => {
  it('shows the agreement without login and signs once however often it is sent', async () => {
    const member = await proposeHousehold(env, tn.agent, asker, tn.network.id);
    const adult = member.adults[0]?.id as string;
    const path = await signingPath(tn.agent, tn.network.id, member.id, adult);
    const page = await env.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gruppe-taushetsplikt');
    expect(page.body).toContain('meldeplikt');
    const [first, second] = await Promise.all([signOnPage(env, path), signOnPage(env, path)]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const rows = await env.db.transaction((tx) =>
      tx.query<{ text_version: string; text_shown: string; via: string; signing_link_id: string | null }>(
        'SELECT text_version, text_shown, via, signing_link_id FROM confidentiality_signature WHERE adult_id = $1',
        [adult],
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text_version: '2025-1', via: 'link' });
    expect(rows[0]?.text_shown).toContain('meldeplikt');
    expect(rows[0]?.signing_link_id).not.toBeNull();
    const after = await env.app.inject({ method: 'GET', url: path });
    expect(after.body).toContain('Takk! Du har signert');
    expect(after.body).not.toContain('<form');
    await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/end`, { reason: 'left' });
  });

  it('refuses a signature without the box ticked, a replaced link and a wrong one', async () => {
    const member = await proposeHousehold(env, tn.agent, asker, tn.network.id);
    const adult = member.adults[0]?.id as string;
    const old = await signingPath(tn.agent, tn.network.id, member.id, adult);
    const unticked = await env.app.inject({
      method: 'POST',
      url: old,
      payload: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Kryss av');
    await signingPath(tn.agent, tn.network.id, member.id, adult);
    await signOnPage(env, old);
    const view = await tn.agent.get(`/api/networks/${tn.network.id}`);
    const again = view.json().members.find((m: MemberView) => m.id === member.id);
    expect(again.adults[0].signature).toBeNull();
    expect((await env.app.inject({ method: 'GET', url: old })).body).toContain('kan ikke brukes lenger');
    expect(
      (await env.app.inject({ method: 'GET', url: '/taushetsplikt/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode,
    ).toBe(404);
    await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/end`, { reason: 'left' });
  });

  it('stops a guesser of links with a page that says to wait, while a real link keeps opening from one address', async () => {
    const member = await proposeHousehold(env, tn.agent, asker, tn.network.id);
    const path = await signingPath(tn.agent, tn.network.id, member.id, member.adults[0]?.id as string);
    const open = (url: string, remoteAddress: string) =>
      env.app.inject({ method: 'GET', url, remoteAddress });

    // Forty families behind one venue Wi-Fi open their links: links that open are never counted.
    for (let family = 0; family < 40; family += 1) {
      expect((await open(path, '198.51.100.20')).statusCode).toBe(200);
    }

    const statuses: number[] = [];
    for (let guess = 0; guess < 32; guess += 1) {
      const token = `G${String(guess).padStart(21, '0')}`;
      statuses.push((await open(`/taushetsplikt/${token}`, '198.51.100.9')).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Past the limit even a right guess opens nothing, and the page says to wait.
    const lucky = await open(path, '198.51.100.9');
    expect(lucky.statusCode).toBe(429);
    expect(lucky.headers['content-type']).toContain('text/html');
    expect(lucky.body).toContain('Vent litt');
    expect((await open(path, '198.51.100.20')).statusCode).toBe(200);
    await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/end`, { reason: 'left' });
  });
});

describe('a child turning 15 in a member household', () => {
  it('raises a task a month before and shows "consent missing" from the birthday', async () => {
    const soon = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
      children: [bornYearsAgo(15, 20)],
    });
    const turned = await proposeHousehold(env, tn.agent, asker, tn.network.id, {
      children: [bornYearsAgo(15, -1)],
    });
    await openGate(env, tn.agent, tn.network.id, { ...turned, children: [] });
    // It joined a month ago, when the child was 14: no consent was needed then.
    expect((await join(tn.network.id, turned.id, { joinOn: inDays(-30) })).statusCode).toBe(200);
    const far = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
      children: [bornYearsAgo(15, 60)],
    });
    const view = (await tn.agent.get(`/api/networks/${tn.network.id}`)).json();
    const status = (id: string) => view.members.find((m: MemberView) => m.id === id).status;
    expect(status(soon.id)).toBe('active');
    expect(status(turned.id)).toBe('consent_missing');
    expect(status(far.id)).toBe('active');
    const tasks = view.consentTasks.map((t: { memberId: string; turns15On: string }) => [
      t.memberId,
      t.turns15On,
    ]);
    expect(tasks).toEqual(
      expect.arrayContaining([
        [soon.id, inDays(20)],
        [turned.id, inDays(-1)],
      ]),
    );
    expect(tasks.map((t: string[]) => t[0])).not.toContain(far.id);
    for (const m of [soon, turned, far]) {
      await tn.agent.post(`/api/networks/${tn.network.id}/members/${m.id}/end`, { reason: 'left' });
    }
  });
});

describe('withdrawal', () => {
  it('ends the membership when a consent is withdrawn, and the resource family sees only that it left', async () => {
    const member = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
      adults: [{ firstName: 'Trine', lastName: 'Trekker' }],
      children: [bornYearsAgo(16)],
    });
    const { agent: family } = await resourceFamilyAgent(env, tn);
    expect(
      (await family.get('/api/my-network')).json().members.map((m: { name: string }) => m.name),
    ).toContain('Trine Trekker');
    const child = member.children[0]?.id as string;
    const withdrawn = await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/withdraw`, {
      childId: child,
    });
    expect(withdrawn.json()).toMatchObject({
      status: 'left',
      endReason: 'consent_withdrawn',
      leftOn: inDays(0),
    });
    const mine = (await family.get('/api/my-network')).json();
    expect(mine.members.map((m: { name: string }) => m.name)).not.toContain('Trine Trekker');
    expect(mine.left).toContainEqual({ name: 'Trine Trekker', leftOn: inDays(0) });
    expect(JSON.stringify(mine)).not.toContain('consent_withdrawn');
    expect((await auditActions('child_consent', member.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
    ]);
  });

  it('ends the membership when an adult revokes the signature', async () => {
    const member = await joinedHousehold(env, tn.agent, asker, tn.network.id);
    const revoked = await tn.agent.post(`/api/networks/${tn.network.id}/members/${member.id}/withdraw`, {
      adultId: member.adults[0]?.id,
    });
    expect(revoked.json()).toMatchObject({ status: 'left', endReason: 'signature_revoked' });
  });
});

describe('three to five members', () => {
  it('refuses a sixth member unless a team leader overrides it with a reason (audited)', async () => {
    const net = await createNetwork(env, asker, { name: 'Fullt nettverk' });
    for (let i = 0; i < 5; i++) await joinedHousehold(env, net.agent, asker, net.network.id);
    const sixth = await proposeHousehold(env, net.agent, asker, net.network.id);
    await openGate(env, net.agent, net.network.id, sixth);
    const url = `/api/networks/${net.network.id}/members/${sixth.id}/join`;
    const refused = await net.agent.post(url, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('network.too_many_members');
    const caseworkerOverride = await net.agent.post(url, { override: { reason: 'Søsken' } });
    expect(caseworkerOverride.statusCode).toBe(403);
    expect(caseworkerOverride.json().code).toBe('network.override_forbidden');
    const leader = await createUser(env.db, asker, ['team_leader']);
    const leaderAgent = await loginAs(env.app, leader.email);
    const allowed = await leaderAgent.post(url, { override: { reason: 'Søsken i samme nettverk' } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ status: 'active', overrideReason: 'Søsken i samme nettverk' });
    const entries = await auditActions('network_member', sixth.id);
    expect(entries.at(-1)?.details).toMatchObject({ change: 'joined', override: 'Søsken i samme nettverk' });
    const listed = (await net.agent.get('/api/networks'))
      .json()
      .networks.find((n: { id: string }) => n.id === net.network.id);
    expect(listed.memberCount).toBe(6);
  });
});

describe('row-level security of a resource family', () => {
  it('sees none of the registry, and only its own network, even in SQL', async () => {
    const { user } = await resourceFamilyAgent(env, tn);
    const other = await createNetwork(env, asker, { name: 'Et annet nettverk' });
    await joinedHousehold(env, other.agent, asker, other.network.id, {
      adults: [{ firstName: 'Annen', lastName: 'Familie' }],
    });
    const counts = await inTenant(
      env.db,
      { municipalityId: asker, userId: user.id, ip: null },
      async (tx) => ({
        households: (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM household'))[0]?.n,
        networks: (await tx.query<{ id: string }>('SELECT id FROM network')).map((r) => r.id),
        shared: await tx.query('SELECT * FROM network_member_contacts($1)', [other.network.id]),
      }),
    );
    expect(counts.households).toBe(0);
    expect(counts.networks).toEqual([tn.network.id]);
    expect(counts.shared).toEqual([]);
  });
});
