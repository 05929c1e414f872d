import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARS, loadConfig } from '../../src/server/config.js';

const base = { DATA_DIR: '.tmp/config-test', SECRET_KEY: 's'.repeat(32) };

describe('configuration from the environment', () => {
  it('starts with nothing set: port 3000, embedded database, demo data', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demoData: true, production: false });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
    [{ DEMO_DATA: 'ja' }, /DEMO_DATA must be "true" or "false"/],
    [{ ENTRA_ISSUER: 'https://login.microsoftonline.com/t/v2.0' }, /ENTRA_CLIENT_ID is required/],
    [{ SECRET_KEY: 'short' }, /SECRET_KEY must be at least 32/],
    [{ NODE_ENV: 'production', SECRET_KEY: '', SMTP_URL: 'smtp://mail' }, /SECRET_KEY is required/],
    // Processes sharing a PostgreSQL database must make the same answer links.
    [
      { DATABASE_URL: 'postgres://localhost/landsby', SECRET_KEY: '' },
      /SECRET_KEY is required when DATABASE_URL/,
    ],
    [{ NODE_ENV: 'production', SMTP_URL: '' }, /SMTP_URL is required/],
    [{ SMTP_URLL: 'smtp://x' }, /Unknown variable SMTP_URLL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('turns the demo off on PostgreSQL unless asked for', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://localhost/landsby' }).demoData).toBe(false);
    expect(
      loadConfig({ ...base, DATABASE_URL: 'postgres://localhost/landsby', DEMO_DATA: 'true' }).demoData,
    ).toBe(true);
  });

  it('is documented: every variable stands in the README table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(ENV_VARS)) expect(readme, name).toContain(`| \`${name}\``);
  });
});
