import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/features/demo/service.js';
import type { CohortView } from '../../src/features/good-start/contract.js';
import type { Cohorts } from '../../src/features/programmes/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createVenue, sendInvitations } from '../support/cafe.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { createTestProgramme } from '../support/programmes.js';

// A joint En god start cohort (issue 14 point 3, migrations/0031): Haugesund hosts it, Karmøy (a
// fellow member of the programme) takes part with its own foster homes, Tysvær (a member too, not a
// partner) sees nothing. The host's contact person takes attendance of everyone; Karmøy's homes
// reach Haugesund by the adults' first names and the municipality only.

let env: TestEnv;
let host: Agent;
let partner: Agent;
let third: Agent;
let coordinator: Agent;
let karmoy: number;
let tysvaer: number;
let haugesund: number;
let programmeId: string;
let hostHomes: string[];
let partnerHomes: string[];
let cohort: CohortView;

const secretsOfKarmoy = ['Pedersen', 'Pilestredet', '98765432', 'petra@karmoy.no'];

beforeAll(async () => {
  env = await createTestEnv();
  haugesund = await createMunicipality(env.db, 'Haugesund');
  karmoy = await createMunicipality(env.db, 'Karmøy');
  tysvaer = await createMunicipality(env.db, 'Tysvær');
  const lead = await createUser(env.db, haugesund, ['programme_coordinator']);
  programmeId = await createTestProgramme(env.db, [haugesund, karmoy, tysvaer], [lead.id]);
  coordinator = await loginAs(env.app, lead.email);
  host = await loginAs(env.app, (await createUser(env.db, haugesund, ['team_leader'])).email);
  partner = await loginAs(env.app, (await createUser(env.db, karmoy, ['team_leader'])).email);
  third = await loginAs(env.app, (await createUser(env.db, tysvaer, ['team_leader'])).email);
  hostHomes = await createHouseholds(
    env.db,
    haugesund,
    ['Hilde', 'Harald', 'Hanne'].map((firstName) => ({ adults: [{ firstName, lastName: 'Haugen' }] })),
  );
  partnerHomes = await createHouseholds(
    env.db,
    karmoy,
    ['Petra', 'Paul', 'Pia'].map((firstName, i) => ({
      address: { line: `Pilestredet ${i + 1}`, postcode: null },
      adults: [
        {
          firstName,
          lastName: 'Pedersen',
          mobile: `9876543${i}`,
          email: `${firstName.toLowerCase()}@karmoy.no`,
        },
      ],
    })),
  );
  // Sessions 1–3 held (35, 21 and 7 days ago), 4–6 to come.
  const created = await host.post('/api/cohorts', {
    name: 'Felleskull Nord-Rogaland',
    firstDate: addDays(todayInOslo(), -35),
    startTime: '18:00',
    endTime: '20:00',
    intervalDays: 14,
    programmeId,
    leaderUserIds: [],
    householdIds: hostHomes,
  });
  expect(created.statusCode).toBe(201);
  cohort = created.json();
});
afterAll(() => env.close());

describe('a cohort of two municipalities', () => {
  it("offers the host its programme's other members as partners; no one else sees the cohort before", async () => {
    expect(cohort.role).toBe('host');
    expect(cohort.partnerChoices.map((c) => c.name)).toEqual(['Karmøy', 'Tysvær']);
    expect((await partner.get(`/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await partner.get('/api/cohorts')).json().cohorts).toEqual([]);
  });

  it('lets the host add a partner, which sees the cohort and adds its own foster homes with sessions of its own', async () => {
    const added = await host.post(`/api/cohorts/${cohort.id}/partners`, { municipalityId: karmoy });
    expect(added.statusCode).toBe(200);
    expect(added.json().partners).toEqual(['Karmøy']);
    expect(added.json().partnerChoices.map((c: { name: string }) => c.name)).toEqual(['Tysvær']);
    // Twice changes nothing.
    expect(
      (await host.post(`/api/cohorts/${cohort.id}/partners`, { municipalityId: karmoy })).json().partners,
    ).toEqual(['Karmøy']);

    const seen = await partner.get(`/api/cohorts/${cohort.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ role: 'partner', host: 'Haugesund', members: [], sessions: [] });
    expect((await partner.get('/api/cohorts')).json().cohorts.map((c: { name: string }) => c.name)).toEqual([
      'Felleskull Nord-Rogaland',
    ]);

    let view: CohortView | undefined;
    for (const householdId of partnerHomes) {
      const response = await partner.post(`/api/cohorts/${cohort.id}/members`, { householdId });
      expect(response.statusCode).toBe(200);
      view = response.json();
    }
    // Karmøy's own six sessions on the host's dates and times, to invite through its own sending.
    expect(view?.sessions.map((s) => [s.theme, s.date, s.startTime])).toEqual(
      cohort.sessions.map((s) => [s.theme, s.date, s.startTime]),
    );
    const own = new Set(view?.sessions.map((s) => s.eventId));
    for (const s of cohort.sessions) expect(own.has(s.eventId)).toBe(false);
    expect(view?.members.map((m) => m.name).sort()).toEqual([
      'Paul Pedersen',
      'Petra Pedersen',
      'Pia Pedersen',
    ]);
    // Its households are in the audience of its sessions to come, not of the host's.
    const audience = await partner.get(`/api/events/${view?.sessions[3]?.eventId}/audience`);
    expect(audience.statusCode).toBe(200);
    expect(audience.body).toContain('Petra');
    expect((await partner.get(`/api/events/${cohort.sessions[3]?.eventId}/audience`)).statusCode).toBe(404);
  });

  it("shows the host the partner's homes by first names and municipality only, and lets it take their attendance", async () => {
    const before = await host.get(`/api/cohorts/${cohort.id}`);
    const view: CohortView = before.json();
    expect(view.partnerHouseholds.map((h) => [h.firstNames, h.municipality])).toEqual([
      [['Paul'], 'Karmøy'],
      [['Petra'], 'Karmøy'],
      [['Pia'], 'Karmøy'],
    ]);
    for (const secret of secretsOfKarmoy) expect(before.body).not.toContain(secret);

    // Session 1: everyone came (the host's own through the check-in, the partner's on the list).
    const session1 = cohort.sessions[0]?.eventId;
    for (const householdId of hostHomes) {
      const tap = await host.post(`/api/events/${session1}/attendance`, {
        tapId: crypto.randomUUID(),
        householdId,
        present: true,
        tappedAt: new Date().toISOString(),
      });
      expect(tap.statusCode).toBeLessThan(300);
    }
    let after: CohortView = view;
    for (const [i, householdId] of partnerHomes.entries()) {
      for (const theme of [1, 2] as const) {
        const response = await host.put(`/api/cohorts/${cohort.id}/partner-attendance`, {
          householdId,
          theme,
          present: theme === 1 || i === 0,
          tapId: crypto.randomUUID(),
          tappedAt: new Date().toISOString(),
        });
        expect(response.statusCode).toBe(200);
        after = response.json();
      }
    }
    const petra = after.partnerHouseholds.find((h) => h.firstNames[0] === 'Petra');
    // Petra came to session 2 as well; Paul and Pia did not.
    expect(petra?.attendance.map((a) => a.mark)).toEqual(['present', 'present', 'absent', null, null, null]);
    expect(after.others).toEqual([{ municipality: 'Karmøy', members: 3, present: [3, 1, 0, 0, 0, 0] }]);

    // A session not yet held takes no attendance.
    const early = await host.put(`/api/cohorts/${cohort.id}/partner-attendance`, {
      householdId: partnerHomes[0],
      theme: 5,
      present: true,
      tapId: crypto.randomUUID(),
      tappedAt: new Date().toISOString(),
    });
    expect(early.statusCode).toBe(400);
  });

  it("shows the partner its own homes' attendance in full and the host's only as counts", async () => {
    const response = await partner.get(`/api/cohorts/${cohort.id}`);
    const view: CohortView = response.json();
    const marks = new Map(view.members.map((m) => [m.name, m.attendance.map((a) => a.mark)]));
    expect(marks.get('Petra Pedersen')).toEqual(['present', 'present', 'absent', null, null, null]);
    expect(marks.get('Pia Pedersen')).toEqual(['present', 'absent', 'absent', null, null, null]);
    expect(view.others).toEqual([{ municipality: 'Haugesund', members: 3, present: [3, 0, 0, 0, 0, 0] }]);
    expect(view.partnerHouseholds).toEqual([]);
    expect(response.body).not.toContain('Hilde');
    expect(response.body).not.toContain('Haugen');
    // The partner may not add partners or take the host's attendance.
    expect(
      (await partner.post(`/api/cohorts/${cohort.id}/partners`, { municipalityId: tysvaer })).statusCode,
    ).toBe(403);
  });

  it("logs the host's reads and taps in both municipalities' audit logs", async () => {
    const entries = await env.db.transaction((tx) =>
      tx.query<{ municipality_id: number; action: string; record_type: string; subject_id: string }>(
        `SELECT municipality_id, action, record_type, subject_id FROM audit_log
         WHERE subject_id = $1 ORDER BY id`,
        [partnerHomes[1]],
      ),
    );
    const where = (m: number, action: string, type: string) =>
      entries.some((e) => e.municipality_id === m && e.action === action && e.record_type === type);
    expect(where(karmoy, 'read', 'household')).toBe(true);
    expect(where(karmoy, 'update', 'attendance')).toBe(true);
    expect(where(haugesund, 'read', 'household')).toBe(true);
    expect(where(haugesund, 'update', 'attendance')).toBe(true);
  });

  it('shows a municipality that is not a partner nothing of it (404), even a member of the programme', async () => {
    expect((await third.get(`/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await third.get('/api/cohorts')).json().cohorts).toEqual([]);
    const tap = await third.put(`/api/cohorts/${cohort.id}/partner-attendance`, {
      householdId: partnerHomes[0],
      theme: 1,
      present: false,
      tapId: crypto.randomUUID(),
      tappedAt: new Date().toISOString(),
    });
    expect(tap.statusCode).toBe(404);
    expect(
      (await third.post(`/api/cohorts/${cohort.id}/partners`, { municipalityId: tysvaer })).statusCode,
    ).toBe(404);
    // and the database itself gives it nothing through the functions
    const rows = await inTenant(env.db, { municipalityId: tysvaer, userId: null, ip: null }, async (tx) => {
      return [
        ...(await tx.query('SELECT * FROM joint_cohort_households($1)', [cohort.id])),
        ...(await tx.query('SELECT * FROM joint_cohort_counts($1)', [cohort.id])),
        ...(await tx.query('SELECT * FROM joint_cohort_sessions($1)', [cohort.id])),
      ];
    });
    expect(rows).toEqual([]);
  });

  it("counts the joint cohort once on the programme coordinator's cohorts page", async () => {
    const { cohorts } = (await coordinator.get(`/api/programmes/${programmeId}/cohorts`)).json() as Cohorts;
    const joint = cohorts.filter((c) => c.name === 'Felleskull Nord-Rogaland');
    expect(joint).toHaveLength(1);
    expect(joint[0]?.municipality).toBe('Haugesund');
    expect(joint[0]?.members).toBe(6);
    expect(joint[0]?.sessions.map((s) => s.theme)).toEqual([1, 2, 3, 4, 5, 6]);
    // session 1: all six came, counted over both municipalities' session events (0 did not: hidden)
    expect(joint[0]?.sessions[0]?.invited).toBe(6);
  });
});

describe("the partner's sessions: a place, and following the host's", () => {
  const partnerView = async (): Promise<CohortView> =>
    (await partner.get(`/api/cohorts/${cohort.id}`)).json();

  it('lets the partner choose one of its venues for all its sessions to come, and then invite its homes', async () => {
    const before = await partnerView();
    expect(before.sessions.map((s) => s.venue)).toEqual([null, null, null, null, null, null]);
    // Another municipality's venue is not the partner's to choose.
    const hostVenue = await createVenue(host, { name: 'Haugesund kulturhus' });
    const refused = await partner.put(`/api/cohorts/${cohort.id}/venue`, { venueId: hostVenue });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('validation.invalid');

    // The sessions are at the host's place: Karmøy registers that meeting place as its own venue.
    const venueId = await createVenue(partner, { name: 'Møterom Haugesund rådhus' });
    expect((await partnerView()).venueChoices).toEqual([{ id: venueId, name: 'Møterom Haugesund rådhus' }]);
    const set = await partner.put(`/api/cohorts/${cohort.id}/venue`, { venueId });
    expect(set.statusCode, set.body).toBe(200);
    // Sessions 1–3 are held and keep what they had; 4–6 are at the venue.
    expect((set.json() as CohortView).sessions.map((s) => s.venue)).toEqual([
      null,
      null,
      null,
      'Møterom Haugesund rådhus',
      'Møterom Haugesund rådhus',
      'Møterom Haugesund rådhus',
    ]);
    // The host's sessions are not touched.
    const hosts: CohortView = (await host.get(`/api/cohorts/${cohort.id}`)).json();
    expect(hosts.sessions.every((s) => s.venue === null)).toBe(true);

    const session6 = before.sessions[5]?.eventId as string;
    await sendInvitations(partner, session6);
    const toPetra = await env.smtp.waitFor('petra@karmoy.no');
    expect(toPetra.subject).toContain('En god start 6');
    expect(toPetra.text).toContain('Møterom Haugesund rådhus');
  });

  it("moves the partner's session when the host moves its own", async () => {
    const session5 = cohort.sessions[4]?.eventId as string;
    const event = (await host.get(`/api/events/${session5}`)).json();
    const moved = addDays(todayInOslo(), 24);
    // As the event form sends it (no kind): the session stays a session.
    const response = await host.put(`/api/events/${session5}`, {
      title: event.title,
      date: moved,
      startTime: '17:30',
      endTime: '20:00',
      food: event.food,
      registration: event.registration,
      version: event.version,
      // the test's day may fall in a school holiday
      confirmDate: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().kind).toBe('good_start_session');
    const own = (await partnerView()).sessions.find((s) => s.theme === 5);
    expect([own?.date, own?.startTime, own?.status]).toEqual([moved, '17:30', 'planned']);
    // The partner's sending and answer page read its own event: it says the new day and time.
    const partnerEvent = (await partner.get(`/api/events/${own?.eventId}`)).json();
    expect([partnerEvent.date, partnerEvent.startTime, partnerEvent.endTime]).toEqual([
      moved,
      '17:30',
      '20:00',
    ]);
    const logged = await inTenant(env.db, { municipalityId: karmoy, userId: null, ip: null }, (tx) =>
      tx.query<{ via: string }>(
        `SELECT details->>'via' AS via FROM audit_log WHERE record_type = 'event' AND record_id = $1`,
        [own?.eventId],
      ),
    );
    expect(logged.map((l) => l.via)).toContain('cohort_host_move');
  });

  it('lets only the host move or cancel the sessions of others (the function does nothing for anyone else)', async () => {
    const session4 = cohort.sessions[3]?.eventId as string;
    for (const municipalityId of [karmoy, tysvaer]) {
      const rows = await inTenant(env.db, { municipalityId, userId: null, ip: null }, (tx) =>
        tx.query('SELECT * FROM joint_cohort_follow($1)', [session4]),
      );
      expect(rows).toEqual([]);
    }
    // The partner cancelling its own session leaves the host's as it was.
    const own = (await partnerView()).sessions.find((s) => s.theme === 4);
    expect((await partner.post(`/api/events/${own?.eventId}/cancel`)).statusCode).toBe(200);
    const hosts: CohortView = (await host.get(`/api/cohorts/${cohort.id}`)).json();
    expect(hosts.sessions.find((s) => s.theme === 4)?.status).toBe('planned');
  });

  it("cancels the partner's session with the host's and tells the partner's homes through the partner's own sending", async () => {
    const session6 = cohort.sessions[5]?.eventId as string;
    const cancelled = await host.post(`/api/events/${session6}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await partnerView()).sessions.find((s) => s.theme === 6)?.status).toBe('cancelled');
    // Each of Karmøy's homes invited to session 6 is told, once, from Karmøy's sending.
    const cancellations = () =>
      env.smtp.messages.filter((m) => m.subject?.startsWith('Avlyst: En god start 6')).map((m) => m.to);
    await expect.poll(() => cancellations().length, { timeout: 20_000 }).toBe(3);
    const own = (await partnerView()).sessions.find((s) => s.theme === 6)?.eventId;
    const told = await inTenant(env.db, { municipalityId: karmoy, userId: null, ip: null }, (tx) =>
      tx.query<{ household_id: string }>(
        `SELECT household_id FROM message WHERE purpose = 'cancellation' AND event_id = $1 ORDER BY household_id`,
        [own],
      ),
    );
    expect(told.map((t) => t.household_id)).toEqual([...partnerHomes].sort());
  });
});

describe('the demo', () => {
  it("makes the cohort under way a joint one with Nordvik's foster homes, for the team and the coordinator", async () => {
    await seedDemo(env.db);
    const team = await loginAs(env.app, 'teamleder@demo.landsby.no', DEMO_PASSWORD);
    const { cohorts } = (await team.get('/api/cohorts')).json() as {
      cohorts: { id: string; name: string }[];
    };
    const autumn = cohorts.find((c) => c.name === 'Høstkullet');
    const view = (await team.get(`/api/cohorts/${autumn?.id}`)).json() as CohortView;
    expect(view.partners).toEqual(['Nordvik (demo)']);
    expect(view.partnerHouseholds.map((h) => h.municipality)).toEqual(['Nordvik (demo)', 'Nordvik (demo)']);
    // Both came to the held sessions 1 and 3, one of them to session 2.
    expect(view.others).toEqual([
      { municipality: 'Nordvik (demo)', members: 2, present: [2, 1, 2, 0, 0, 0] },
    ]);

    const lead = await loginAs(env.app, 'koordinator@demo.landsby.no', DEMO_PASSWORD);
    const [programme] = (await lead.get('/api/programmes')).json().programmes as { id: string }[];
    const joint = (
      (await lead.get(`/api/programmes/${programme?.id}/cohorts`)).json() as Cohorts
    ).cohorts.filter((c) => c.name === 'Høstkullet');
    expect(joint.map((c) => [c.municipality, c.members])).toEqual([['Demo kommune', 8]]);
  }, 120_000);
});
