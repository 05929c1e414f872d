import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';

let env: TestEnv;
let caseworker: TestUser;

beforeAll(async () => {
  env = await createTestEnv();
  const municipality = await createMunicipality(env.db, 'Asker');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Kari' });
});
afterAll(() => env.close());

describe('local login', () => {
  it('logs in with the right password and shows who is logged in', async () => {
    const agent = await loginAs(env.app, caseworker.email);
    const session = (await agent.get('/api/session')).json();
    expect(session.user.firstName).toBe('Kari');
    expect(session.user.permissions).toContain('registry:read');
  });

  it('answers a wrong password with a Norwegian message and no session', async () => {
    const agent = new Agent(env.app);
    const response = await agent.post('/api/auth/login', {
      email: caseworker.email,
      password: 'feil-passord',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      message: expect.stringMatching(/passord/i),
    });
    expect((await agent.get('/api/session')).json().user).toBeNull();
  });
});
