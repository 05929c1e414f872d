import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser, type TestUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let admin: TestUser;
let adminAgent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Lillehammer');
  admin = await createUser(env.db, municipality, ['municipality_admin'], { firstName: 'Ada' });
  adminAgent = await loginAs(env.app, admin.email);
});
afterAll(() => env.close());

async function auditFor(recordId: string) {
  return env.db.transaction((tx) =>
    tx.query<{ action: string; actor_user_id: string; ip: string }>(
      'SELECT action, actor_user_id, ip FROM audit_log WHERE record_id = $1 ORDER BY id',
      [recordId],
    ),
  );
}

describe('the municipality admin manages users', () => {
  it('invites a user, who gets an e-mail, chooses a password and logs in', async () => {
    const response = await adminAgent.post('/api/admin/users', {
      email: 'Siri.Saksbehandler@Lillehammer.kommune.no',
      firstName: 'Siri',
      lastName: 'Solberg',
      roles: ['caseworker'],
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      email: 'siri.saksbehandler@lillehammer.kommune.no',
      invitationPending: true,
      invitationSent: true,
    });

    const mail = await env.smtp.waitFor('siri.saksbehandler@lillehammer.kommune.no');
    expect(mail.subject).toBe('Du er invitert til Landsby');
    const token = /velkommen#token=([\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const set = await adminAgent.post('/api/auth/password-reset/confirm', {
      token,
      password: 'siris-eget-passord',
    });
    expect(set.statusCode).toBe(204);
    const siri = await loginAs(env.app, user.email, 'siris-eget-passord');
    expect((await siri.get('/api/session')).json().user.roles).toEqual(['caseworker']);

    const listed = (await adminAgent.get('/api/admin/users'))
      .json()
      .users.find((u: { id: string }) => u.id === user.id);
    expect(listed).toMatchObject({ invitationPending: false, active: true });
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'read', 'login']),
    );
  });

  it('refuses a second account with the same e-mail, and keeps the first', async () => {
    const body = {
      email: 'dobbel@lillehammer.kommune.no',
      firstName: 'Dag',
      lastName: 'Dobbel',
      roles: ['team_leader'],
    };
    const [first, second] = await Promise.all([
      adminAgent.post('/api/admin/users', body),
      adminAgent.post('/api/admin/users', body),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const conflict = first.statusCode === 409 ? first : second;
    expect(conflict.json()).toMatchObject({
      code: 'users.email_taken',
      message: expect.stringContaining('e-post'),
    });
    const users = (await adminAgent.get('/api/admin/users'))
      .json()
      .users.filter((u: { email: string }) => u.email === body.email);
    expect(users).toHaveLength(1);
  });

  it('changes roles and deactivates a user, whose session then stops working', async () => {
    const worker = await createUser(env.db, municipality, ['caseworker']);
    const workerAgent = await loginAs(env.app, worker.email);
    const changed = await adminAgent.patch(`/api/admin/users/${worker.id}`, {
      roles: ['caseworker', 'team_leader'],
    });
    expect(changed.json().roles).toEqual(['caseworker', 'team_leader']);
    expect((await workerAgent.get('/api/session')).json().user.permissions).toContain('reports:read');

    const deactivated = await adminAgent.patch(`/api/admin/users/${worker.id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    expect((await workerAgent.get('/api/session')).json().user).toBeNull();
    const update = (await auditFor(worker.id)).filter((a) => a.action === 'update');
    expect(update).toHaveLength(2);
    expect(update[0]).toMatchObject({ actor_user_id: admin.id, ip: '127.0.0.1' });
  });

  it('will not let admins change or deactivate themselves', async () => {
    const response = await adminAgent.patch(`/api/admin/users/${admin.id}`, { active: false });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('users.cannot_change_self');
  });

  it('keeps the admin pages from users without the admin role', async () => {
    const caseworker = await createUser(env.db, municipality, ['caseworker', 'team_leader']);
    const agent = await loginAs(env.app, caseworker.email);
    for (const url of [
      '/api/admin/users',
      '/api/admin/audit',
      '/api/admin/audit.csv',
      `/api/admin/users/${admin.id}`,
    ]) {
      const response = await agent.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    }
  });

  it('answers 401 to everyone not logged in', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(response.statusCode).toBe(401);
  });
});

describe('the audit log', () => {
  it('finds who read whom, by person, user, record and date, and exports the same as CSV', async () => {
    const person = await createUser(env.db, municipality, ['caseworker'], {
      firstName: 'Petra',
      lastName: 'Personsen',
    });
    await adminAgent.get(`/api/admin/users/${person.id}`);

    const byPerson = (await adminAgent.get('/api/admin/audit?subject=Personsen')).json();
    expect(byPerson.entries.length).toBeGreaterThan(0);
    expect(byPerson.entries[0]).toMatchObject({
      subjectId: person.id,
      subjectName: 'Petra Personsen',
      actorUserId: admin.id,
      action: 'read',
    });

    const byRecord = (await adminAgent.get(`/api/admin/audit?record=${person.id}&actor=${admin.id}`)).json();
    expect(byRecord.entries.every((e: { recordId: string }) => e.recordId === person.id)).toBe(true);

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const byDay = (
      await adminAgent.get(`/api/admin/audit?from=${today}&to=${today}&record=${person.id}`)
    ).json();
    expect(byDay.total).toBe(byRecord.total);
    const yesterdayOnly = (
      await adminAgent.get(`/api/admin/audit?from=2020-01-01&to=2020-01-02&record=${person.id}`)
    ).json();
    expect(yesterdayOnly.total).toBe(0);

    const csv = await adminAgent.get(`/api/admin/audit.csv?record=${person.id}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="landsby-logg-/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('tidspunkt;bruker;bruker_id;handling;posttype;post_id;person;person_id;ip');
    expect(lines.length).toBe(byRecord.total + 1);
    expect(lines[1]).toContain('Petra Personsen');
  });

  it('logs that the log itself was searched and exported', async () => {
    await adminAgent.get('/api/admin/audit?record=x');
    await adminAgent.get('/api/admin/audit.csv?record=x');
    const rows = await env.db.transaction((tx) =>
      tx.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE record_type = 'audit_log' AND actor_user_id = $1`,
        [admin.id],
      ),
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['read', 'export']));
  });

  it('keeps formulas out of the CSV', async () => {
    const person = await createUser(env.db, municipality, ['caseworker'], {
      firstName: '=HYPERLINK("x")',
      lastName: 'Formel',
    });
    await adminAgent.get(`/api/admin/users/${person.id}`);
    const csv = (await adminAgent.get(`/api/admin/audit.csv?record=${person.id}`)).body;
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
