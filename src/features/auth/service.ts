import type { Queryable } from '../../db/connection.js';
import { asSystem } from '../../db/tenant.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/limits.js';
import { permissionsOf } from '../../domain/roles.js';
import type { Locale } from '../../i18n/staff.js';
import type { Auth } from '../../server/context.js';
import { randomToken, sha256 } from '../../server/crypto.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { isLocale } from '../../server/messages.js';
import { insertAudit } from '../audit/index.js';
import { countGuess, guessesUsedUp, networkHash } from '../security/index.js';
import type { OidcFailure } from './contract.js';
import * as q from './queries.js';
import { accountEmail } from './render.js';
import { hashPassword, verifyPassword } from './service/hash-password.js';
import type { OidcIdentity, OidcProvider } from './service/oidc-client.js';

/**
 * Failed logins in a row before the account backs off. Then each failure makes the next try from
 * an unknown network wait: 1 minute, 2, 4, 8, at most MAX_BACKOFF_MINUTES. A correct password from
 * a network the account has logged in from before still logs in, so knowing a colleague's e-mail
 * is not enough to keep them out; the guesser's address is limited across accounts as well.
 */
export const MAX_FAILED_LOGINS = 5;
export const MAX_BACKOFF_MINUTES = 15;
const backoffMinutes = (failed: number) => Math.min(2 ** (failed - MAX_FAILED_LOGINS), MAX_BACKOFF_MINUTES);
/** However active, a session ends after this; the idle limit is SESSION_IDLE_MINUTES. */
const SESSION_MAX_HOURS = 12;
const INVITE_DAYS = 7;
const RESET_HOURS = 1;

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

function idleExpiry(deps: Deps, createdAt: Date): Date {
  const idle = minutesFromNow(deps.config.sessionIdleMinutes);
  const absolute = new Date(createdAt.getTime() + SESSION_MAX_HOURS * 3_600_000);
  return idle < absolute ? idle : absolute;
}

/** Creates a session for an account that has just proved who it is; returns the cookie value. */
async function openSession(
  deps: Deps,
  tx: Queryable,
  account: { id: string; municipality_id: number },
  authMethod: 'password' | 'entra' | 'idporten',
  ip: string | null,
): Promise<string> {
  const token = randomToken();
  await q.recordLoginSuccess(tx, account.id);
  if (ip) await q.rememberNetwork(tx, account, networkHash(deps, ip));
  await q.insertSession(tx, {
    tokenHash: sha256(token),
    userId: account.id,
    municipalityId: account.municipality_id,
    authMethod,
    expiresAt: idleExpiry(deps, new Date()),
  });
  await insertAudit(tx, {
    municipalityId: account.municipality_id,
    actorUserId: account.id,
    action: 'login',
    recordType: 'user',
    recordId: account.id,
    subjectId: account.id,
    ip,
    details: { method: authMethod },
  });
  return token;
}

/**
 * The end of an OpenID Connect login, once the provider has said who this is: the account linked
 * to that identity gets a session. An invited user's first Entra login links the identity to the
 * invited account (the invitation token is used up). Refusals are answers, not errors: the
 * browser is redirected to the login page with the reason.
 */
export async function finishOidcLogin(
  deps: Deps,
  provider: OidcProvider,
  identity: OidcIdentity,
  inviteHash: string | undefined,
  ip: string | null,
): Promise<{ token: string } | { failure: OidcFailure }> {
  return asSystem(deps.db, async (tx) => {
    let account = await q.findUserByIdentity(tx, provider, identity.subject);
    if (!account && provider === 'entra' && inviteHash) {
      // First Entra login of an invited user: the invitation says who this is.
      const invitation = await q.findValidAccountToken(tx, inviteHash);
      const invited = invitation?.purpose === 'invite' && (await q.findAccountById(tx, invitation.user_id));
      if (!invitation || !invited) return { failure: 'auth.oidc_no_account' };
      if (!invited.active) return { failure: 'auth.inactive' };
      if (!(await q.takeAccountToken(tx, invitation.token_hash))) return { failure: 'auth.oidc_no_account' };
      await q.insertIdentity(tx, {
        municipalityId: invited.municipality_id,
        userId: invited.id,
        provider,
        subject: identity.subject,
      });
      await insertAudit(tx, {
        municipalityId: invited.municipality_id,
        actorUserId: invited.id,
        action: 'identity_linked',
        recordType: 'user',
        recordId: invited.id,
        subjectId: invited.id,
        ip,
        details: { provider, via: 'invite' },
      });
      account = invited;
    }
    if (!account) return { failure: 'auth.oidc_no_account' };
    if (!account.active) return { failure: 'auth.inactive' };
    return { token: await openSession(deps, tx, account, provider, ip) };
  });
}

export async function login(
  deps: Deps,
  input: { email: string; password: string; ip: string | null },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const { ip } = input;
  if (ip && (await guessesUsedUp(deps, 'login', ip))) throw new AppError('rate_limited', 429);
  // The transaction must commit the failure counter, so failures are returned, then thrown.
  const outcome = await asSystem(deps.db, async (tx): Promise<{ token: string } | { error: AppError }> => {
    const account = await q.findAccountByEmail(tx, email);
    if (!account) {
      await verifyPassword(null, input.password);
      return { error: new AppError('auth.invalid_credentials', 401) };
    }
    const backingOff = account.locked_until !== null && account.locked_until > new Date();
    if (backingOff && !(ip && (await q.isKnownNetwork(tx, account.id, networkHash(deps, ip))))) {
      return { error: new AppError('auth.locked', 429) };
    }
    if (!(await verifyPassword(account.password_hash, input.password))) {
      const failed = account.failed_logins + 1;
      const minutes = failed >= MAX_FAILED_LOGINS ? backoffMinutes(failed) : null;
      await q.recordLoginFailure(tx, account.id, failed, minutes ? minutesFromNow(minutes) : null);
      await insertAudit(tx, {
        municipalityId: account.municipality_id,
        actorUserId: null,
        action: 'login_failed',
        recordType: 'user',
        recordId: account.id,
        subjectId: account.id,
        ip,
        details: minutes ? { backoffMinutes: minutes } : undefined,
      });
      return {
        error: new AppError(minutes ? 'auth.locked' : 'auth.invalid_credentials', minutes ? 429 : 401),
      };
    }
    if (!account.active) return { error: new AppError('auth.inactive', 403) };
    return { token: await openSession(deps, tx, account, 'password', ip) };
  });
  if ('error' in outcome) {
    // Every refusal counts against the address, whichever account it tried; past the limit
    // (tries sent at the same moment all pass the check above) the answer says to wait.
    const counted = ip !== null && outcome.error.code !== 'auth.inactive';
    if (counted && (await countGuess(deps, 'login', ip))) throw new AppError('rate_limited', 429);
    throw outcome.error;
  }
  return outcome.token;
}

/** The session behind a cookie, sliding its idle expiry; null when there is none or it has ended. */
export async function resolveSession(deps: Deps, token: string): Promise<Auth | null> {
  const tokenHash = sha256(token);
  return asSystem(deps.db, async (tx) => {
    const row = await q.findSession(tx, tokenHash);
    if (!row) return null;
    if (row.expires_at <= new Date() || !row.active) {
      await q.deleteSession(tx, tokenHash);
      return null;
    }
    // Write at most once a minute: most requests only read.
    if (Date.now() - row.last_seen_at.getTime() > 60_000) {
      await q.touchSession(tx, tokenHash, idleExpiry(deps, row.created_at));
    }
    return {
      sessionTokenHash: tokenHash,
      userId: row.user_id,
      municipalityId: row.municipality_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      roles: row.roles,
      permissions: permissionsOf(row.roles),
      locale: isLocale(row.locale) ? row.locale : 'nb',
      municipality: {
        id: row.municipality_id,
        name: row.municipality_name,
        isDemo: row.is_demo,
        inProgramme: row.in_programme,
      },
    };
  });
}

export async function logout(deps: Deps, auth: Auth, ip: string | null): Promise<void> {
  await asSystem(deps.db, async (tx) => {
    await q.deleteSession(tx, auth.sessionTokenHash);
    await insertAudit(tx, {
      municipalityId: auth.municipalityId,
      actorUserId: auth.userId,
      action: 'logout',
      recordType: 'user',
      recordId: auth.userId,
      subjectId: auth.userId,
      ip,
    });
  });
}

/**
 * Creates a one-time link and e-mails it. Used for invitations (set the first password) and resets.
 * Runs in the caller's transaction so the token and the audit entry commit together; the e-mail is
 * sent after the caller commits, via the returned function.
 */
export async function createAccountLink(
  deps: Pick<Deps, 'config' | 'mailer'>,
  tx: Queryable,
  purpose: 'invite' | 'reset',
  user: { id: string; municipalityId: number; email: string; firstName: string; locale: Locale },
): Promise<() => Promise<void>> {
  const token = randomToken();
  await q.insertAccountToken(tx, {
    tokenHash: sha256(token),
    userId: user.id,
    municipalityId: user.municipalityId,
    purpose,
    expiresAt:
      purpose === 'invite' ? minutesFromNow(INVITE_DAYS * 24 * 60) : minutesFromNow(RESET_HOURS * 60),
  });
  // The token goes in the fragment: browsers do not send it to servers or proxies' logs.
  const path = purpose === 'invite' ? 'velkommen' : 'tilbakestill-passord';
  const link = `${deps.config.publicUrl}/${path}#token=${token}`;
  return () => deps.mailer.send(accountEmail(purpose, user, link));
}

export async function requestPasswordReset(deps: Deps, email: string, ip: string | null): Promise<void> {
  const send = await asSystem(deps.db, async (tx) => {
    const account = await q.findAccountByEmail(tx, email.trim().toLowerCase());
    if (!account?.active) return null;
    const user = await q.findAccountContact(tx, account.id);
    if (!user) return null;
    await insertAudit(tx, {
      municipalityId: account.municipality_id,
      actorUserId: null,
      action: 'password_reset',
      recordType: 'user',
      recordId: account.id,
      subjectId: account.id,
      ip,
    });
    return createAccountLink(deps, tx, 'reset', {
      id: account.id,
      municipalityId: account.municipality_id,
      email: user.email,
      firstName: user.first_name,
      locale: isLocale(user.locale) ? user.locale : 'nb',
    });
  });
  // The answer is the same whether or not the address exists; a mail failure is logged, not shown.
  await send?.().catch((error: unknown) => deps.log.error({ err: error }, 'password reset e-mail failed'));
}

export async function setPasswordWithToken(
  deps: Deps,
  input: { token: string; password: string; ip: string | null },
): Promise<void> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation.invalid', 400, { field: 'password', minLength: MIN_PASSWORD_LENGTH });
  }
  const passwordHash = await hashPassword(input.password);
  await asSystem(deps.db, async (tx) => {
    const token = await q.takeAccountToken(tx, sha256(input.token));
    if (!token) throw new AppError('auth.token_invalid', 400);
    await q.setPasswordHash(tx, token.user_id, passwordHash);
    // A new password ends every session that the old one opened.
    await q.deleteSessionsOfUser(tx, token.user_id);
    await insertAudit(tx, {
      municipalityId: token.municipality_id,
      actorUserId: token.user_id,
      action: 'password_set',
      recordType: 'user',
      recordId: token.user_id,
      subjectId: token.user_id,
      ip: input.ip,
      details: { via: token.purpose },
    });
  });
}

export async function setLocale(deps: Deps, auth: Auth, locale: Locale): Promise<void> {
  await asSystem(deps.db, async (tx) => {
    await q.updateLocale(tx, auth.userId, locale);
  });
}
