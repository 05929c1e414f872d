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
    'At least 32 characters, the same in every process; keys the answer links and the pseudonyms of national identity numbers. Required with DATABASE_URL or in production; otherwise generated into DATA_DIR when unset.',
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
  SVEVE_URL: 'Base address of the Sveve SMS API (default https://sveve.no).',
  SVEVE_USER: 'Sveve account user name for SMS; unset = each SMS is written to DATA_DIR/outbox/sms-*.txt.',
  SVEVE_PASSWORD: 'Sveve API password (the "passwd" from Sveve\'s welcome e-mail); required with SVEVE_USER.',
  SVEVE_FROM:
    'Sender name shown on the phone: 1–11 letters, digits or spaces, no special characters (default Landsby).',
  SVEVE_TEST: '"true" sends test=true: Sveve validates each SMS but sends nothing (default false).',
  SVARUT_URL:
    'KS Fiks SvarUt host for digital mail (https://test.svarut.ks.no or https://svarut.ks.no); unset = each letter is written to DATA_DIR/outbox/digital-*.pdf.',
  SVARUT_KONTO_ID: 'SvarUt account (konto) id, a UUID; required with SVARUT_URL.',
  SVARUT_TOKEN:
    'A fixed Maskinporten access token (scope ks:fiks) sent as Bearer; required with SVARUT_URL unless MASKINPORTEN_URL is set, which then takes its place. Tokens expire: for testing only.',
  SVARUT_INTEGRASJON_ID:
    'Fiks integration id (UUID) with rights on the SvarUt account; required with SVARUT_URL.',
  SVARUT_INTEGRASJON_PASSORD: 'Password of that Fiks integration; required with SVARUT_URL.',
  SVARUT_PRINT_FALLBACK:
    '"true" lets SvarUt print and post a letter it cannot deliver digitally; "false" sends digital only (kunDigitalLevering) (default true).',
  SVARUT_KONTERINGSKODE:
    'Optional SvarUt invoicing code passed to the print vendor: up to 20 of a-z A-Z 0-9 _ - . æøå.',
  SEND_LEASE_SECONDS:
    'How long a message being sent is left to its worker before another takes it over, e.g. after a crash (default 120).',
  SEND_CONCURRENCY: 'Messages sent at the same time by one process (default 4; Sveve allows 5 per account).',
  SEND_RETRY_HOURS:
    "How long a message whose provider is down or answers with a passing error is tried again, with back-off of at most 10 minutes, before it is marked failed; never past the event's answer deadline or start (default 24).",
  SEND_PROBE_SECONDS:
    'While a channel is down, one message is tried this often to see whether the provider is back; the others wait (default 30).',
  SVEVE_DLR_KEY:
    'A secret of at least 20 characters in the delivery-report address given to Sveve (PUBLIC_URL/api/channels/sveve/dlr/KEY); unset = delivery reports are refused.',
  MASKINPORTEN_URL:
    "Maskinporten issuer (https://test.maskinporten.no or https://maskinporten.no) for SvarUt's access tokens (JWT grant, scope ks:fiks); unset = SVARUT_TOKEN.",
  MASKINPORTEN_CLIENT_ID: 'Maskinporten client id (integration id); required with MASKINPORTEN_URL.',
  MASKINPORTEN_KID:
    'Key id of the RSA key registered on the Maskinporten client; unset = the business certificate in MASKINPORTEN_KEY_FILE is sent (x5c).',
  MASKINPORTEN_KEY_FILE:
    'Path of a PEM file with the RSA private key (and, without MASKINPORTEN_KID, the business certificate chain after it); required with MASKINPORTEN_URL.',
} as const;

export type EnvName = keyof typeof ENV_VARS;

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface SveveConfig {
  url: string;
  user: string;
  password: string;
  test: boolean;
}

export interface MaskinportenConfig {
  /** The issuer without its trailing slash: https://maskinporten.no or https://test.maskinporten.no. */
  url: string;
  clientId: string;
  /** The key id registered on the client; unset = send the certificate chain (x5c) from the key file. */
  kid: string | undefined;
  /** PEM: the RSA private key, followed by the business certificate chain when kid is unset. */
  keyFile: string;
}

export interface SvarUtConfig {
  url: string;
  kontoId: string;
  /** SVARUT_TOKEN; '' when Maskinporten gives the tokens. */
  token: string;
  integrasjonId: string;
  integrasjonPassord: string;
  konteringskode: string | undefined;
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
  /** Unset: SMS go to the local outbox. */
  sveve: SveveConfig | undefined;
  smsFrom: string;
  /** Unset: digital mail goes to the local outbox. */
  svarut: SvarUtConfig | undefined;
  svarutPrintFallback: boolean;
  /** Set: SvarUt's tokens come from Maskinporten (src/channels/maskinporten.ts) instead of SVARUT_TOKEN. */
  maskinporten: MaskinportenConfig | undefined;
  sendLeaseSeconds: number;
  sendConcurrency: number;
  sendRetryHours: number;
  sendProbeSeconds: number;
  sveveDlrKey: string | undefined;
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
  // On PostgreSQL several processes may share the database (docs/operations.md, Scaling out): a
  // key generated by each into its own DATA_DIR would make answer links that only it can open.
  if (env.DATABASE_URL)
    throw new ConfigError(
      'SECRET_KEY is required when DATABASE_URL is set: every Landsby process on the database must ' +
        'use the same key (at least 32 characters, e.g. from `openssl rand -base64 32`).',
    );
  // Outside production a key is generated once and kept beside the embedded database.
  const file = join(dataDir, 'secret-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sveve(env: Env): SveveConfig | undefined {
  const user = env.SVEVE_USER;
  if (!user) return undefined;
  const password = env.SVEVE_PASSWORD;
  if (!password) throw new ConfigError('SVEVE_PASSWORD is required when SVEVE_USER is set.');
  return {
    url: url(env, 'SVEVE_URL', ['https:', 'http:']) ?? 'https://sveve.no',
    user,
    password,
    test: bool(env, 'SVEVE_TEST', false),
  };
}

function dlrKey(env: Env): string | undefined {
  const key = env.SVEVE_DLR_KEY || undefined;
  if (key !== undefined && !/^[A-Za-z0-9_-]{20,200}$/.test(key)) {
    throw new ConfigError('SVEVE_DLR_KEY must be 20 to 200 letters (a-z), digits, _ or -.');
  }
  return key;
}

function smsFrom(env: Env): string {
  const from = env.SVEVE_FROM || 'Landsby';
  // Sveve: at most 11 characters, "no special characters" (INTEGRATIONS.md §1.2).
  if (!/^[A-Za-z0-9 ]{1,11}$/.test(from)) {
    throw new ConfigError('SVEVE_FROM must be 1 to 11 letters (a-z), digits or spaces.');
  }
  return from;
}

function maskinporten(env: Env): MaskinportenConfig | undefined {
  const base = url(env, 'MASKINPORTEN_URL', ['https:', 'http:']);
  if (!base) return undefined;
  const clientId = env.MASKINPORTEN_CLIENT_ID;
  if (!clientId) throw new ConfigError('MASKINPORTEN_CLIENT_ID is required when MASKINPORTEN_URL is set.');
  const keyFile = env.MASKINPORTEN_KEY_FILE;
  if (!keyFile) throw new ConfigError('MASKINPORTEN_KEY_FILE is required when MASKINPORTEN_URL is set.');
  if (!existsSync(keyFile)) throw new ConfigError('MASKINPORTEN_KEY_FILE names a file that does not exist.');
  return { url: base, clientId, kid: env.MASKINPORTEN_KID || undefined, keyFile: resolve(keyFile) };
}

function svarut(env: Env): SvarUtConfig | undefined {
  const base = url(env, 'SVARUT_URL', ['https:', 'http:']);
  if (!base) return undefined;
  const required = (name: EnvName): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`${name} is required when SVARUT_URL is set.`);
    return value;
  };
  const kontoId = required('SVARUT_KONTO_ID');
  if (!UUID.test(kontoId)) throw new ConfigError('SVARUT_KONTO_ID must be a UUID.');
  const integrasjonId = required('SVARUT_INTEGRASJON_ID');
  if (!UUID.test(integrasjonId)) throw new ConfigError('SVARUT_INTEGRASJON_ID must be a UUID.');
  const konteringskode = env.SVARUT_KONTERINGSKODE || undefined;
  if (konteringskode !== undefined && !/^[a-zA-Z0-9_\-.øæåØÆÅ]{0,20}$/.test(konteringskode)) {
    throw new ConfigError('SVARUT_KONTERINGSKODE must be at most 20 of a-z A-Z 0-9 _ - . æøå.');
  }
  return {
    url: base,
    kontoId,
    // With Maskinporten the token is fetched when needed; SVARUT_TOKEN stays for testing.
    token: env.MASKINPORTEN_URL ? env.SVARUT_TOKEN || '' : required('SVARUT_TOKEN'),
    integrasjonId,
    integrasjonPassord: required('SVARUT_INTEGRASJON_PASSORD'),
    konteringskode,
  };
}

export function loadConfig(env: Env = process.env): Config {
  for (const name of Object.keys(env)) {
    // A near miss ("DATABASE_ULR") silently changes behaviour; say so at start.
    if (
      /^(LANDSBY_|SMTP_|ENTRA_|IDPORTEN_|SESSION_|SVEVE_|SVARUT_|SEND_|MASKINPORTEN_)/.test(name) &&
      !(name in ENV_VARS)
    ) {
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
    sendLeaseSeconds: integer(env, 'SEND_LEASE_SECONDS', 120, 1, 3600),
    sendConcurrency: integer(env, 'SEND_CONCURRENCY', 4, 1, 20),
    sendRetryHours: integer(env, 'SEND_RETRY_HOURS', 24, 1, 24 * 30),
    sendProbeSeconds: integer(env, 'SEND_PROBE_SECONDS', 30, 1, 600),
    sveveDlrKey: dlrKey(env),
    sveve: sveve(env),
    smsFrom: smsFrom(env),
    svarut: svarut(env),
    svarutPrintFallback: bool(env, 'SVARUT_PRINT_FALLBACK', true),
    maskinporten: maskinporten(env),
  };
}
