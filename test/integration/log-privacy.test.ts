import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';

// The application log goes to operations people and log services; personal data stays out.
let env: TestEnv;
let log = '';
let user: TestUser;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  env = await createTestEnv({ LOG_LEVEL: 'trace' }, { stream });
  const municipality = await createMunicipality(env.db, 'Loggvik');
  user = await createUser(env.db, municipality, ['municipality_admin'], {
    firstName: 'Lovise',
    lastName: 'Loggesen',
  });
});
afterAll(() => env.close());

describe('the application log', () => {
  it('holds no names, e-mail addresses, passwords, tokens, cookies or client addresses', async () => {
    await new Agent(env.app).post('/api/auth/login', { email: user.email, password: 'galt-passord-123' });
    const agent = await loginAs(env.app, user.email);
    await agent.get('/api/admin/users?email=lovise@example.no');
    await agent.post('/api/admin/users', {
      email: 'taken@x.no',
      firstName: 'Tora',
      lastName: 'Tatt',
      roles: ['caseworker'],
    });
    await agent.post('/api/admin/users', {
      email: 'taken@x.no',
      firstName: 'Tora',
      lastName: 'Tatt',
      roles: ['caseworker'],
    });
    await new Agent(env.app).post('/api/auth/password-reset', { email: user.email });
    await env.smtp.waitFor(user.email);

    expect(log).toContain('"path":"/api/admin/users"'); // it did log the requests
    for (const secret of [
      user.email,
      'Lovise',
      'Loggesen',
      'taken@x.no',
      'Tora',
      'galt-passord-123',
      TEST_PASSWORD,
      'lovise@example.no',
      agent.cookie('landsby.sid') as string,
      agent.cookie('landsby.csrf') as string,
      '127.0.0.1"',
      'remoteAddress',
    ]) {
      expect(log, `the log contains ${secret}`).not.toContain(secret);
    }
  });
});
