import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../src/features/auth/service.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser, TEST_PASSWORD } from '../support/factories.js';

let env: TestEnv;
let municipality: number;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Asker');
});
afterAll(() => env.close());

const newUser = (firstName = 'Kari') => createUser(env.db, municipality, ['caseworker'], { firstName });

function linkToken(text: string): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in: ${text}`);
  return match[1];
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await env.db.transaction((tx) =>
    tx.query<{ action: string }>('SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id', [userId]),
  );
  return rows.map((r) => r.action);
}

describe('local login', () => {
  it('logs in with the right password and shows who is logged in', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    const session = (await agent.get('/api/session')).json();
    expect(session.user.firstName).toBe('Kari');
    expect(session.user.permissions).toContain('registry:read');
    expect(await auditActions(user.id)).toContain('login');
  });

  it('accepts the e-mail address in any case and with spaces around it', async () => {
    const user = await newUser();
    const agent = new Agent(env.app);
    const response = await agent.post('/api/auth/login', {
      email: `  ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers a wrong password with a Norwegian message and no session', async () => {
    const user = await newUser();
    const agent = new Agent(env.app);
    const response = await agent.post('/api/auth/login', { email: user.email, password: 'feil-passord' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      message: expect.stringMatching(/passord/i),
    });
    expect((await agent.get('/api/session')).json().user).toBeNull();
    expect(await auditActions(user.id)).toContain('login_failed');
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const response = await new Agent(env.app).post('/api/auth/login', {
      email: 'ingen@asker.kommune.no',
      password: 'x',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    const user = await newUser();
    const agent = new Agent(env.app);
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      codes.push(
        (await agent.post('/api/auth/login', { email: user.email, password: `feil-${i}` })).json().code,
      );
    }
    expect(codes.slice(0, -1).every((c) => c === 'auth.invalid_credentials')).toBe(true);
    expect(codes.at(-1)).toBe('auth.locked');
    const right = await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toMatch(/15 minutter/);
  });

  it('refuses a deactivated account', async () => {
    const user = await newUser();
    await env.db.transaction((tx) => tx.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]));
    const response = await new Agent(env.app).post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.inactive');
  });
});

describe('sessions', () => {
  it('sets a session cookie that is HttpOnly and SameSite, and a CSRF cookie the page can read', async () => {
    const user = await newUser();
    const agent = new Agent(env.app);
    await agent.get('/api/session');
    const response = await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    const setCookie = [response.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/landsby\.sid=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/landsby\.sid=.*SameSite=Lax/);
    expect(setCookie).not.toMatch(/landsby\.sid=.*Secure/); // plain http outside production
    expect(setCookie).toMatch(/landsby\.csrf=[^;]+;(?!.*HttpOnly)/);
  });

  it('marks the cookies Secure with the __Host- prefix in production', async () => {
    const production = await createTestEnv({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) });
    try {
      const response = await production.app.inject({ method: 'GET', url: '/api/session' });
      expect(String(response.headers['set-cookie'])).toMatch(/__Host-landsby\.csrf=.*Secure/);
    } finally {
      await production.close();
    }
  });

  it('ends the session on logout, on the server: the old cookie opens nothing', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    const oldCookie = agent.cookieHeader;
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = await env.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { cookie: oldCookie },
    });
    expect(replay.statusCode).toBe(401);
    const [row] = await env.db.transaction((tx) =>
      tx.query<{ n: number }>('SELECT count(*) AS n FROM user_session WHERE user_id = $1', [user.id]),
    );
    expect(row?.n).toBe(0);
  });

  it('ends a session that has been idle too long', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    expect((await agent.get('/api/session')).json().user).not.toBeNull();
    // As if SESSION_IDLE_MINUTES passed without a request.
    await env.db.transaction((tx) =>
      tx.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        user.id,
      ]),
    );
    const response = await agent.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'nn' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.session_expired');
    expect((await agent.get('/api/session')).json().user).toBeNull();
  });

  it('slides the idle expiry forward while the user is active', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    await env.db.transaction((tx) =>
      tx.query(
        `UPDATE user_session SET last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '1 minute'
         WHERE user_id = $1`,
        [user.id],
      ),
    );
    await agent.get('/api/session');
    const [row] = await env.db.transaction((tx) =>
      tx.query<{ minutes: number }>(
        `SELECT extract(epoch FROM expires_at - now()) / 60 AS minutes FROM user_session WHERE user_id = $1`,
        [user.id],
      ),
    );
    expect(Number(row?.minutes)).toBeGreaterThan(25);
  });

  it('remembers the chosen language for the next login', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    expect((await agent.put('/api/me/locale', { locale: 'nn' })).statusCode).toBe(204);
    const again = await loginAs(env.app, user.email);
    expect((await again.get('/api/session')).json().user.locale).toBe('nn');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request whose header does not match the cookie', async () => {
    const user = await newUser();
    const agent = await loginAs(env.app, user.email);
    const response = await agent.request({
      method: 'PUT',
      url: '/api/me/locale',
      payload: { locale: 'en' },
      headers: { 'x-csrf-token': 'forged' },
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
  });

  it('gives a new CSRF token at login, so one seen before is worthless after', async () => {
    const user = await newUser();
    const agent = new Agent(env.app);
    await agent.get('/api/session');
    const before = agent.cookie('landsby.csrf');
    await agent.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(agent.cookie('landsby.csrf')).toBeTruthy();
    expect(agent.cookie('landsby.csrf')).not.toBe(before);
  });
});

describe('password reset by e-mail', () => {
  it('e-mails a one-time link that sets a new password and ends the old sessions', async () => {
    const user = await newUser('Reidun');
    const oldSession = await loginAs(env.app, user.email);
    const response = await new Agent(env.app).post('/api/auth/password-reset', { email: user.email });
    expect(response.statusCode).toBe(202);

    const mail = await env.smtp.waitFor(user.email);
    expect(mail.subject).toBe('Nytt passord i Landsby');
    expect(mail.text).toContain('Hei Reidun!');
    expect(mail.text).toContain('http://landsby.test/tilbakestill-passord#token=');
    const token = linkToken(mail.text ?? '');

    const confirm = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'et-helt-nytt-passord',
    });
    expect(confirm.statusCode).toBe(204);
    expect((await oldSession.get('/api/session')).json().user).toBeNull();
    await loginAs(env.app, user.email, 'et-helt-nytt-passord');
    const old = await new Agent(env.app).post('/api/auth/login', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(old.statusCode).toBe(401);

    const again = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'enda-et-nytt-passord',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('auth.token_invalid');
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['password_reset', 'password_set']));
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = env.smtp.messages.length;
    const response = await new Agent(env.app).post('/api/auth/password-reset', {
      email: 'ukjent@asker.kommune.no',
    });
    expect(response.statusCode).toBe(202);
    expect(env.smtp.messages.length).toBe(before);
  });

  it('refuses a short password with a message and keeps the link usable', async () => {
    const user = await newUser('Kort');
    await new Agent(env.app).post('/api/auth/password-reset', { email: user.email });
    const token = linkToken((await env.smtp.waitFor(user.email)).text ?? '');
    const short = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'kort',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('validation.invalid');
    const ok = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'langt-nok-passord',
    });
    expect(ok.statusCode).toBe(204);
  });

  it('refuses an expired link', async () => {
    const user = await newUser('Utløpt');
    await new Agent(env.app).post('/api/auth/password-reset', { email: user.email });
    const token = linkToken((await env.smtp.waitFor(user.email)).text ?? '');
    await env.db.transaction((tx) =>
      tx.query(`UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
        user.id,
      ]),
    );
    const response = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
      token,
      password: 'langt-nok-passord',
    });
    expect(response.json().code).toBe('auth.token_invalid');
  });
});
