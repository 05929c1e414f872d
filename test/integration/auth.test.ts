import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../src/features/auth/service.js';
import { GUESS_LIMITS } from '../../src/features/security/index.js';
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

/** A login from a given client address, as a browser there would send it. */
const loginFrom = (ip: string, email: string, password: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { cookie: 'landsby.csrf=c', 'x-csrf-token': 'c' },
    payload: { email, password },
  });

describe('failed logins: the guesser backs off, the colleague does not', () => {
  const OFFICE = '198.51.100.20';

  /** A user who has logged in from the office before, then MAX_FAILED_LOGINS wrong passwords from `from`. */
  async function attacked(from: string) {
    const user = await newUser();
    expect((await loginFrom(OFFICE, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      codes.push((await loginFrom(from, user.email, `feil-${i}`)).json().code);
    return { user, codes };
  }

  it(`backs the account off after ${MAX_FAILED_LOGINS} wrong passwords: the right one from elsewhere waits, with a Norwegian message`, async () => {
    const { user, codes } = await attacked('203.0.113.7');
    expect(codes.slice(0, -1).every((c) => c === 'auth.invalid_credentials')).toBe(true);
    expect(codes.at(-1)).toBe('auth.locked');
    const right = await loginFrom('203.0.113.7', user.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toMatch(/vent/i);
    expect(await auditActions(user.id)).toContain('login_failed');
  });

  it('still lets the user in with the right password from the network they logged in from before', async () => {
    const { user } = await attacked('203.0.113.8');
    const response = await loginFrom(OFFICE, user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe(user.email);
    // …and the success ends the back-off for everyone: the failures no longer count.
    expect((await loginFrom('203.0.113.8', user.email, 'feil')).json().code).toBe('auth.invalid_credentials');
  });

  it('knows the usual network by its IPv6 /64, not the one address a phone happens to have', async () => {
    const user = await newUser();
    expect((await loginFrom('2001:db8:1:2::10', user.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await loginFrom('203.0.113.9', user.email, `feil-${i}`);
    expect((await loginFrom('2001:db8:1:2:aaaa::77', user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('waits longer with each failure but never locks for good: after the wait the right password opens from anywhere', async () => {
    const { user } = await attacked('203.0.113.10');
    const until = async () =>
      (
        await env.db.transaction((tx) =>
          tx.query<{ locked_until: Date }>('SELECT locked_until FROM app_user WHERE id = $1', [user.id]),
        )
      )[0]?.locked_until.getTime() ?? 0;
    const first = (await until()) - Date.now();
    expect(first).toBeGreaterThan(50_000);
    expect(first).toBeLessThanOrEqual(60_000);
    // The wait is over (as if a minute had passed); one more wrong password doubles it.
    await env.db.transaction((tx) =>
      tx.query("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1", [user.id]),
    );
    expect((await loginFrom('203.0.113.10', user.email, 'feil-igjen')).statusCode).toBe(429);
    expect((await until()) - Date.now()).toBeGreaterThan(110_000);
    await env.db.transaction((tx) =>
      tx.query("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1", [user.id]),
    );
    expect((await loginFrom('192.0.2.55', user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it(`stops one address after ${GUESS_LIMITS.login} failed logins across accounts, and no other address`, async () => {
    const users = await Promise.all(Array.from({ length: GUESS_LIMITS.login + 1 }, () => newUser()));
    const codes: string[] = [];
    for (const user of users)
      codes.push((await loginFrom('203.0.113.66', user.email, 'sommer2026')).json().code);
    expect(codes.slice(0, GUESS_LIMITS.login).every((c) => c === 'auth.invalid_credentials')).toBe(true);
    expect(codes.at(-1)).toBe('rate_limited');
    // Even the right password of an untouched account is refused from there for now…
    const other = await newUser();
    const stopped = await loginFrom('203.0.113.66', other.email, TEST_PASSWORD);
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().message).toMatch(/vent litt/i);
    // …while a colleague elsewhere logs in as usual.
    expect((await loginFrom('198.51.100.99', other.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it(`lets failed logins sent at once from one address get no further than ${GUESS_LIMITS.login}`, async () => {
    const tries = await Promise.all(
      Array.from({ length: GUESS_LIMITS.login + 5 }, (_, i) =>
        loginFrom('203.0.113.77', `ingen-${i}@asker.kommune.no`, 'sommer2026'),
      ),
    );
    const codes = tries.map((t) => t.json().code);
    expect(codes.filter((c) => c === 'auth.invalid_credentials')).toHaveLength(GUESS_LIMITS.login);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(5);
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
