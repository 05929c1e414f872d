import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Configuration comes from environment variables only. Every variable is listed here, with
 * its meaning, and the README's table is checked against this list by a test.
 */
export const ENV_VARS = {
  PORT: 'HTTP port (default 3000).',
  HOST: 'Address to listen on (default 127.0.0.1; 0.0.0.0 in a container).',
  PUBLIC_URL:
    'The address users reach Landsby on, used in e-mail links and OIDC redirects (default http://localhost:PORT).',
  NODE_ENV: '"production" turns on Secure cookies and requires SECRET_KEY and SMTP_URL.',
  DATABASE_URL: 'postgres://… for PostgreSQL 15+; unset = embedded PGlite in DATA_DIR.',
  DATA_DIR: 'Folder for the embedded database, the local outbox and the generated secret (default ./data).',
  SECRET_KEY:
    'At least 32 characters; keys the pseudonyms of national identity numbers. Generated into DATA_DIR when unset outside production.',
  SESSION_IDLE_MINUTES: 'A session ends after this many minutes without a request (default 30).',
  SMTP_URL:
    'smtp://user:pass@host:port for outgoing e-mail; unset = messages are written to DATA_DIR/outbox.',
  MAIL_FROM:
    'Sender of e-mail, e.g. "Landsby <landsby@kommune.no>" (default Landsby <noreply@landsby.local>).',
  DEMO_DATA:
    '"true" creates the demo municipality and one demo user per role on start (default true on the embedded database outside production).',
  ENTRA_ISSUER:
    'Entra ID issuer for staff login, https://login.microsoftonline.com/{tenant}/v2.0; unset = no Entra button.',
  ENTRA_CLIENT_ID: 'Entra ID application (client) id.',
  ENTRA_CLIENT_SECRET: 'Entra ID client secret.',
  IDPORTEN_ISSUER:
    'ID-porten issuer (https://test.idporten.no or https://idporten.no); unset = no ID-porten button.',
  IDPORTEN_CLIENT_ID: 'ID-porten client id.',
  IDPORTEN_CLIENT_SECRET: 'ID-porten client secret (client_secret_post).',
  OIDC_ALLOW_HTTP: '"true" allows an OpenID provider on plain http (tests on loopback only).',
  TRUST_PROXY:
    '"true" or a comma-separated list of proxy addresses in front of Landsby, so the audit log records the client address (default: none).',
  LOG_LEVEL: 'pino log level (default info).',
} as const;

export type EnvName = keyof typeof ENV_VARS;

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  production: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string;
  sessionIdleMinutes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoData: boolean;
  entra: OidcClientConfig | undefined;
  idporten: OidcClientConfig | undefined;
  oidcAllowHttp: boolean;
  trustProxy: boolean | string[];
  logLevel: string;
}

/** Thrown at start with a message that names the variable; main.ts prints it and exits 1. */
export class ConfigError extends Error {}

type Env = Partial<Record<string, string>>;

function integer(env: Env, name: EnvName, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function bool(env: Env, name: EnvName, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be "true" or "false", got "${raw}".`);
}

function url(env: Env, name: EnvName, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  return raw.replace(/\/$/, '');
}

function oidcClient(env: Env, prefix: 'ENTRA' | 'IDPORTEN'): OidcClientConfig | undefined {
  const issuer = url(env, `${prefix}_ISSUER`, ['https:', 'http:']);
  if (!issuer) return undefined;
  const clientId = env[`${prefix}_CLIENT_ID`];
  const clientSecret = env[`${prefix}_CLIENT_SECRET`];
  if (!clientId) throw new ConfigError(`${prefix}_CLIENT_ID is required when ${prefix}_ISSUER is set.`);
  if (!clientSecret)
    throw new ConfigError(`${prefix}_CLIENT_SECRET is required when ${prefix}_ISSUER is set.`);
  return { issuer, clientId, clientSecret };
}

function secretKey(env: Env, production: boolean, dataDir: string): string {
  const raw = env.SECRET_KEY;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('SECRET_KEY must be at least 32 characters.');
    return raw;
  }
  if (production) throw new ConfigError('SECRET_KEY is required when NODE_ENV=production.');
  // Outside production a key is generated once and kept beside the embedded database.
  const file = join(dataDir, 'secret-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function loadConfig(env: Env = process.env): Config {
  for (const name of Object.keys(env)) {
    // A near miss ("DATABASE_ULR") silently changes behaviour; say so at start.
    if (/^(LANDSBY_|SMTP_|ENTRA_|IDPORTEN_|SESSION_)/.test(name) && !(name in ENV_VARS)) {
      throw new ConfigError(`Unknown variable ${name}. Known: ${Object.keys(ENV_VARS).join(', ')}.`);
    }
  }
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || 'data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  if (production && !smtpUrl) throw new ConfigError('SMTP_URL is required when NODE_ENV=production.');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    production,
    databaseUrl,
    dataDir,
    secretKey: secretKey(env, production, dataDir),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Landsby <noreply@landsby.local>',
    demoData: bool(env, 'DEMO_DATA', !databaseUrl && !production),
    entra: oidcClient(env, 'ENTRA'),
    idporten: oidcClient(env, 'IDPORTEN'),
    oidcAllowHttp: bool(env, 'OIDC_ALLOW_HTTP', false),
    trustProxy: !env.TRUST_PROXY
      ? false
      : env.TRUST_PROXY === 'true'
        ? true
        : env.TRUST_PROXY.split(',').map((a) => a.trim()),
    logLevel,
  };
}
