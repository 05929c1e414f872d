import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import { openPglite, openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { listMunicipalities } from '../../src/features/municipalities/index.js';
import {
  addProgrammeCoordinator,
  addProgrammeMunicipality,
  createProgrammeOfMunicipalities,
  listProgrammesForOperator,
  ProgrammeAdminError,
  removeProgrammeCoordinator,
  removeProgrammeMunicipality,
} from '../../src/features/programmes/index.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { testDatabaseKind } from '../support/database.js';
import { createMunicipality, createUser } from '../support/factories.js';
import { adminQuery } from '../support/postgres.js';

// The platform operator's `npm run programme` (src/app/programme.ts) calls these functions and
// prints what they return; here they run against the database and the loopback SMTP server.

let env: TestEnv;
let deps: Parameters<typeof addProgrammeCoordinator>[0];
const numbers: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
const ids: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
const NAME = 'Styrking av fosterhjemsarbeid i Nord';

beforeAll(async () => {
  env = await createTestEnv();
  deps = { db: env.db, config: env.config, mailer: createMailer(env.config) };
  ids.a = await createMunicipality(env.db, 'Programkommune A');
  ids.b = await createMunicipality(env.db, 'Programkommune B');
  ids.c = await createMunicipality(env.db, 'Programkommune C');
  const all = await listMunicipalities(deps);
  for (const key of ['a', 'b', 'c'] as const)
    numbers[key] = all.find((m) => m.name === `Programkommune ${key.toUpperCase()}`)?.number ?? '';
});
afterAll(() => env.close());

async function programme() {
  return (await listProgrammesForOperator(deps)).find((p) => p.name === NAME);
}

describe('a platform operator sets up a programme', () => {
  it('creates a programme of two municipalities by their numbers, each in phase 1, without coordinators', async () => {
    const created = await createProgrammeOfMunicipalities(deps, {
      name: NAME,
      numbers: [numbers.a, ` ${numbers.b}`],
    });
    expect(created.members.map((m) => m.name).sort()).toEqual(['Programkommune A', 'Programkommune B']);
    expect(await programme()).toEqual({
      id: created.id,
      name: NAME,
      members: expect.arrayContaining([
        { number: numbers.a, name: 'Programkommune A', phase: 1 },
        { number: numbers.b, name: 'Programkommune B', phase: 1 },
      ]),
      coordinators: [],
    });
    expect((await programme())?.members).toHaveLength(2);
  });

  it('refuses an unknown municipality number, a malformed one and a name taken, writing nothing', async () => {
    const before = await listProgrammesForOperator(deps);
    await expect(
      createProgrammeOfMunicipalities(deps, { name: 'Et annet program', numbers: [numbers.a, '0999'] }),
    ).rejects.toThrow(/No municipality 0999 on this installation.*nothing was changed/);
    await expect(
      createProgrammeOfMunicipalities(deps, { name: 'Et annet program', numbers: ['11x3'] }),
    ).rejects.toThrow(/four digits/);
    await expect(createProgrammeOfMunicipalities(deps, { name: NAME, numbers: [numbers.c] })).rejects.toThrow(
      /already exists/,
    );
    await expect(addProgrammeMunicipality(deps, { programme: NAME, number: '0999' })).rejects.toThrow(
      ProgrammeAdminError,
    );
    await expect(
      addProgrammeMunicipality(deps, { programme: 'Finnes ikke', number: numbers.c }),
    ).rejects.toThrow(/No programme «Finnes ikke»/);
    expect(await listProgrammesForOperator(deps)).toEqual(before);
  });

  it('adds a coordinator who gets the invitation, chooses a password and sees the plan of every member', async () => {
    const added = await addProgrammeCoordinator(deps, {
      programme: NAME,
      email: 'Lise.Leder@rogaland.no',
      firstName: 'Lise',
      lastName: 'Leder',
    });
    expect(added).toEqual({ programme: NAME, added: true, userCreated: true, invitationSent: true });

    const mail = await env.smtp.waitFor('lise.leder@rogaland.no');
    expect(mail.subject).toBe('Du er invitert til Landsby');
    const token = /velkommen#token=([\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const set = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'lises-eget-passord',
    });
    expect(set.statusCode).toBe(204);
    const lise = await loginAs(env.app, 'lise.leder@rogaland.no', 'lises-eget-passord');

    expect((await lise.get('/api/session')).json().user.roles).toEqual(['programme_coordinator']);
    const listed = (await lise.get('/api/programmes')).json().programmes;
    expect(listed).toEqual([expect.objectContaining({ name: NAME, access: 'coordinator' })]);
    const plan = (await lise.get(`/api/programmes/${listed[0].id}`)).json();
    expect(plan.access).toBe('coordinator');
    expect(plan.members.map((m: { name: string }) => m.name).sort()).toEqual([
      'Programkommune A',
      'Programkommune B',
    ]);
    expect((await programme())?.coordinators).toEqual(['lise.leder@rogaland.no']);
  });

  it('says so and changes nothing when the same municipality or coordinator is added twice', async () => {
    expect(await addProgrammeMunicipality(deps, { programme: NAME, number: numbers.a })).toMatchObject({
      added: false,
    });
    expect(await addProgrammeMunicipality(deps, { programme: NAME, number: numbers.c })).toMatchObject({
      added: true,
      municipality: `${numbers.c} Programkommune C`,
    });
    expect(await addProgrammeMunicipality(deps, { programme: NAME, number: numbers.c })).toMatchObject({
      added: false,
    });
    const mails = env.smtp.messages.length;
    const before = await programme();
    expect(
      await addProgrammeCoordinator(deps, {
        programme: NAME,
        email: 'lise.leder@rogaland.no',
        firstName: 'Lise',
        lastName: 'Leder',
      }),
    ).toEqual({ programme: NAME, added: false, userCreated: false, invitationSent: false });
    expect(await programme()).toEqual(before);
    expect(before?.members.map((m) => m.number).sort()).toEqual([numbers.a, numbers.b, numbers.c].sort());
    expect(env.smtp.messages.length).toBe(mails);
  });

  it('makes an existing team member a coordinator without an invitation, keeping their own roles', async () => {
    const staff = await createUser(env.db, ids.c, ['team_leader'], { email: 'tove@programkommune-c.no' });
    const mails = env.smtp.messages.length;
    const added = await addProgrammeCoordinator(deps, {
      programme: (await programme())?.id ?? '',
      email: 'tove@programkommune-c.no',
      firstName: '',
      lastName: '',
    });
    expect(added).toMatchObject({ added: true, userCreated: false, invitationSent: false });
    expect(env.smtp.messages.length).toBe(mails);
    const tove = await loginAs(env.app, staff.email);
    expect((await tove.get('/api/session')).json().user.roles).toEqual([
      'team_leader',
      'programme_coordinator',
    ]);
    expect((await tove.get('/api/programmes')).json().programmes).toEqual([
      expect.objectContaining({ name: NAME, access: 'coordinator' }),
    ]);
    expect((await programme())?.coordinators).toEqual(['lise.leder@rogaland.no', 'tove@programkommune-c.no']);
  });

  it('takes a municipality out: its staff no longer see the programme, and a second removal changes nothing', async () => {
    const staff = await createUser(env.db, ids.c, ['team_leader'], { email: 'per@programkommune-c.no' });
    const per = await loginAs(env.app, staff.email);
    expect((await per.get('/api/programmes')).json().programmes).toEqual([
      expect.objectContaining({ name: NAME, access: 'member' }),
    ]);
    // The menu's «Program» item follows the session's municipality (src/web/app/navigation.ts).
    expect((await per.get('/api/session')).json().user.municipality.inProgramme).toBe(true);
    expect(await removeProgrammeMunicipality(deps, { programme: NAME, number: numbers.c })).toEqual({
      programme: NAME,
      municipality: `${numbers.c} Programkommune C`,
      removed: true,
    });
    expect((await programme())?.members.map((m) => m.number).sort()).toEqual([numbers.a, numbers.b].sort());
    expect((await per.get('/api/programmes')).json().programmes).toEqual([]);
    expect((await per.get('/api/session')).json().user.municipality.inProgramme).toBe(false);
    const before = await programme();
    expect(await removeProgrammeMunicipality(deps, { programme: NAME, number: numbers.c })).toMatchObject({
      removed: false,
    });
    await expect(
      removeProgrammeMunicipality(deps, { programme: 'Finnes ikke', number: numbers.a }),
    ).rejects.toThrow(/No programme «Finnes ikke»/);
    await expect(removeProgrammeMunicipality(deps, { programme: NAME, number: '0999' })).rejects.toThrow(
      /No municipality 0999/,
    );
    expect(await programme()).toEqual(before);
  });

  it('takes a coordinator off: the programme is gone from their view, their own roles stay, twice is harmless', async () => {
    const tove = await loginAs(env.app, 'tove@programkommune-c.no');
    expect(
      await removeProgrammeCoordinator(deps, { programme: NAME, email: ' Tove@Programkommune-C.no' }),
    ).toEqual({ programme: NAME, removed: true, roleDropped: true });
    expect((await programme())?.coordinators).toEqual(['lise.leder@rogaland.no']);
    expect((await tove.get('/api/session')).json().user.roles).toEqual(['team_leader']);
    expect((await tove.get('/api/programmes')).json().programmes).toEqual([]);
    expect(
      await removeProgrammeCoordinator(deps, { programme: NAME, email: 'tove@programkommune-c.no' }),
    ).toEqual({ programme: NAME, removed: false, roleDropped: false });
    await expect(
      removeProgrammeCoordinator(deps, { programme: NAME, email: 'ikke-en-adresse' }),
    ).rejects.toThrow(/not an e-mail address/);
    expect((await programme())?.coordinators).toEqual(['lise.leder@rogaland.no']);
  });
});

/** `npm run programme -- …` as the operator runs it (from source), with its output and exit code. */
function programmeCommand(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      'node_modules/.bin/tsx',
      ['src/app/programme.ts', ...args],
      // Only what the operator would set: the configuration refuses variables it does not know.
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

describe('npm run programme', () => {
  // A database of its own, as an installation's: an embedded one in a folder, or a PostgreSQL one.
  const dataDir = mkdtempSync(join(tmpdir(), 'landsby-programme-'));
  let settings: Record<string, string> = {};
  let [a, b] = ['', ''];
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, refuses, adds a coordinator who is e-mailed, and lists, on the configured database', async () => {
    settings = {
      DATA_DIR: dataDir,
      SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
      SMTP_URL: env.smtp.url,
      PUBLIC_URL: 'http://landsby.test',
      DEMO_DATA: 'false',
    };
    let db: Awaited<ReturnType<typeof openPglite>>;
    if (testDatabaseKind === 'pglite') {
      db = await openPglite(dataDir);
    } else {
      const serverUrl = inject('postgresUrl');
      const name = `landsby_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE landsby_template`);
      settings.DATABASE_URL = serverUrl.replace(/\/postgres$/, `/${name}`);
      db = await openPostgres(settings.DATABASE_URL);
    }
    await migrate(db);
    await createMunicipality(db, 'Kommandokommune A');
    await createMunicipality(db, 'Kommandokommune B');
    const all = await listMunicipalities({ db });
    await db.close();
    [a = '', b = ''] = ['A', 'B'].map(
      (k) => all.find((m) => m.name === `Kommandokommune ${k}`)?.number ?? '',
    );

    const refused = await programmeCommand(
      settings,
      'create',
      'Kommandoprogram',
      '--municipalities',
      `${a},0998`,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Refused: No municipality 0998 on this installation');
    expect((await programmeCommand(settings, 'list')).out).toBe('No programmes.\n');

    const created = await programmeCommand(
      settings,
      'create',
      'Kommandoprogram',
      '--municipalities',
      `${a},${b}`,
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^Programme «Kommandoprogram» created \(.+\) with .*each in phase 1\.\n$/);

    const coordinator = await programmeCommand(
      settings,
      'add-coordinator',
      'Kommandoprogram',
      'kari.koordinator@test.landsby.no',
      'Kari',
      'Koordinator',
    );
    expect(coordinator.code).toBe(0);
    expect(coordinator.out).toContain('The invitation went to kari.koordinator@test.landsby.no');
    expect((await env.smtp.waitFor('kari.koordinator@test.landsby.no')).subject).toBe(
      'Du er invitert til Landsby',
    );

    const again = await programmeCommand(settings, 'add-municipality', 'Kommandoprogram', a);
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('nothing was changed') });

    const list = (await programmeCommand(settings, 'list')).out.split('\n');
    expect(list[0]).toMatch(/^Kommandoprogram {2}\([0-9a-f-]{36}\)$/);
    expect(list.slice(1, 3).sort()).toEqual(
      [a, b]
        .sort()
        .map((n) => expect.stringMatching(new RegExp(`^ {2}${n} {2}Kommandokommune [AB] +phase 1$`))),
    );
    expect(list[3]).toBe('  coordinators: kari.koordinator@test.landsby.no');
  }, 120_000);

  it('removes a coordinator and a member municipality, as the list then shows', async () => {
    const off = await programmeCommand(
      settings,
      'remove-coordinator',
      'Kommandoprogram',
      'kari.koordinator@test.landsby.no',
    );
    expect(off).toMatchObject({ code: 0, out: expect.stringContaining('is no longer a coordinator') });
    const out = await programmeCommand(settings, 'remove-municipality', 'Kommandoprogram', b);
    expect(out).toMatchObject({
      code: 0,
      out: `${b} Kommandokommune B is no longer a member of «Kommandoprogram».\n`,
    });
    const after = (await programmeCommand(settings, 'list')).out.split('\n');
    expect(after.slice(1, 3)).toEqual([
      expect.stringMatching(new RegExp(`^ {2}${a} {2}Kommandokommune A +phase 1$`)),
      '  coordinators: none',
    ]);
  }, 120_000);
});
