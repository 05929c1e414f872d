import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import {
  listMunicipalities,
  OnboardingError,
  onboardMunicipality,
} from '../../src/features/municipalities/index.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';

let env: TestEnv;
let deps: Parameters<typeof onboardMunicipality>[0];

beforeAll(async () => {
  env = await createTestEnv();
  deps = { db: env.db, config: env.config, mailer: createMailer(env.config) };
});
afterAll(() => env.close());

/** The invited admin follows the e-mail's link, chooses a password and logs in. */
async function acceptInvitation(email: string, password: string): Promise<Agent> {
  const mail = await env.smtp.waitFor(email);
  expect(mail.subject).toBe('Du er invitert til Landsby');
  const token = /velkommen#token=([\w-]+)/.exec(mail.text ?? '')?.[1];
  expect(token).toBeTruthy();
  const set = await new Agent(env.app).post('/api/auth/password-reset/confirm', { token, password });
  expect(set.statusCode).toBe(204);
  return loginAs(env.app, email, password);
}

async function counts() {
  return env.db.transaction(async (tx) => {
    const [row] = await tx.query<{ municipalities: number; users: number; tokens: number }>(
      `SELECT (SELECT count(*)::int FROM municipality) AS municipalities,
              (SELECT count(*)::int FROM app_user) AS users,
              (SELECT count(*)::int FROM account_token) AS tokens`,
    );
    return row;
  });
}

describe('a platform operator onboards municipalities', () => {
  it('creates two municipalities whose first admins are invited, set a password and see only their own', async () => {
    const asker = await onboardMunicipality(deps, {
      number: '3203',
      name: 'Asker',
      adminEmail: 'Ola@Asker.kommune.no',
      adminName: 'Ola Nordmann',
    });
    const bodo = await onboardMunicipality(deps, {
      number: '1804',
      name: 'Bodø',
      adminEmail: 'kari@bodo.kommune.no',
    });
    expect(asker.invitationSent).toBe(true);
    expect(bodo.invitationSent).toBe(true);

    const ola = await acceptInvitation('ola@asker.kommune.no', 'olas-eget-passord');
    const kari = await acceptInvitation('kari@bodo.kommune.no', 'karis-eget-passord');

    const olaSession = (await ola.get('/api/session')).json();
    expect(olaSession.user.roles).toEqual(['municipality_admin']);
    expect(olaSession.user.municipality).toMatchObject({ name: 'Asker' });
    expect((await kari.get('/api/session')).json().user.municipality).toMatchObject({ name: 'Bodø' });

    // Each admin's user list is their own municipality's: themselves, and not the other admin.
    const olaUsers = (await ola.get('/api/admin/users')).json().users;
    expect(olaUsers.map((u: { email: string }) => u.email)).toEqual(['ola@asker.kommune.no']);
    expect(olaUsers[0]).toMatchObject({ firstName: 'Ola', lastName: 'Nordmann', invitationPending: false });
    const kariUsers = (await kari.get('/api/admin/users')).json().users;
    expect(kariUsers.map((u: { email: string }) => u.email)).toEqual(['kari@bodo.kommune.no']);
    expect((await kari.get(`/api/admin/users/${asker.adminUserId}`)).statusCode).toBe(404);

    expect(await listMunicipalities(deps)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: '1804', name: 'Bodø', users: 1, isDemo: false }),
        expect.objectContaining({ number: '3203', name: 'Asker', users: 1, isDemo: false }),
      ]),
    );
  });

  it('refuses the same number twice, or an admin who already has an account, without writing anything', async () => {
    const before = await counts();
    await expect(
      onboardMunicipality(deps, { number: '3203', name: 'Asker igjen', adminEmail: 'ny@asker.kommune.no' }),
    ).rejects.toThrow(/3203 already exists \(Asker\)/);
    await expect(
      onboardMunicipality(deps, { number: '3201', name: 'Bærum', adminEmail: 'ola@asker.kommune.no' }),
    ).rejects.toThrow(OnboardingError);
    expect(await counts()).toEqual(before);
    expect((await listMunicipalities(deps)).map((m) => m.number)).not.toContain('3201');
  });

  it('refuses a number that is not four digits and an address that is not one', async () => {
    await expect(
      onboardMunicipality(deps, { number: '320', name: 'Kort', adminEmail: 'a@b.no' }),
    ).rejects.toThrow(/four digits/);
    await expect(
      onboardMunicipality(deps, { number: '3205', name: 'Lillestrøm', adminEmail: 'ikke-en-adresse' }),
    ).rejects.toThrow(/not an e-mail address/);
  });
});
