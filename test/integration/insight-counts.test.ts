import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilson } from '../../src/domain/statistics.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { answer, attend, insertEvent, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// invitationCounts counts in SQL (per event, channel and travel time): the edges a count can get
// wrong — a check-in taken back (an attendance row, not present), a «maybe» (answered, not
// coming) and an invitation with no message (no channel) — as the team leader's page shows them.
let env: TestEnv;
let team: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  const m = await createMunicipality(env.db, 'Tellevik');
  const leader = await createUser(env.db, m, ['team_leader']);
  team = await loginAs(env.app, leader.email);
  const event = await insertEvent(env.db, m, { date: '2025-02-11', food: true });
  const sms = [];
  for (let i = 0; i < 4; i++) {
    const h = await createHousehold(env.db, m);
    await invite(env.db, m, event, h, { channel: 'sms' });
    sms.push(h);
  }
  await answer(env.db, m, event, sms[0] as string, { response: 'coming' });
  await attend(env.db, m, event, sms[0] as string);
  await answer(env.db, m, event, sms[1] as string, { response: 'maybe' });
  await attend(env.db, m, event, sms[1] as string, { present: false });
  await answer(env.db, m, event, sms[2] as string, { response: 'not_coming' });
  const unsent = await createHousehold(env.db, m);
  await invite(env.db, m, event, unsent);
  await answer(env.db, m, event, unsent, { response: 'coming' });
  await attend(env.db, m, event, unsent);
});
afterAll(() => env.close());

describe('the invitation counts behind the insight page', () => {
  it('counts a taken-back check-in as not came, a maybe as answered, and an invitation without message under no channel', async () => {
    const response = await team.get('/api/insight');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const sms = body.channels.rows.find((r: { channel: string }) => r.channel === 'sms');
    expect(sms.answered).toEqual(wilson(3, 4));
    expect(sms.came).toEqual(wilson(1, 4));
    expect(body.attendance[0]).toMatchObject({ invited: 5, coming: 2 });
    // The deadline groups count every invitation, the one without a channel too.
    const without = body.deadline.rows.find((r: { group: string }) => r.group === 'no_deadline');
    expect(without).toMatchObject({ events: 1, invited: 5, came: wilson(2, 5) });
  });
});
