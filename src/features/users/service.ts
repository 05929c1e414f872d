import { isUniqueViolation } from '../../db/connection.js';
import type { TenantContext } from '../../db/tenant.js';
import { inTenant } from '../../db/tenant.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { isLocale } from '../../server/messages.js';
import { audit, auditListRead } from '../audit/index.js';
import { createAccountLink } from '../auth/index.js';
import type { AdminUser } from './contract.js';
import { presentUser } from './present.js';
import * as q from './queries.js';

export async function listUsers(deps: Deps, ctx: TenantContext): Promise<AdminUser[]> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await q.listUsers(tx, ctx.municipalityId);
    await auditListRead(
      tx,
      ctx,
      'user',
      rows.map((r) => r.id),
    );
    return rows.map(presentUser);
  });
}

export async function getUser(deps: Deps, ctx: TenantContext, userId: string): Promise<AdminUser> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findUser(tx, ctx.municipalityId, userId);
    if (!row) throw notFound();
    await audit(tx, ctx, { action: 'read', recordType: 'user', recordId: userId, subjectId: userId });
    return presentUser(row);
  });
}

/** Creates the account and e-mails a link to choose a password. */
export async function inviteUser(
  deps: Deps,
  ctx: TenantContext,
  input: { email: string; firstName: string; lastName: string; roles: string[] },
): Promise<{ user: AdminUser; invitationSent: boolean }> {
  const email = input.email.trim().toLowerCase();
  const { user, send } = await inTenant(deps.db, ctx, async (tx) => {
    let userId: string;
    try {
      userId = await q.insertUser(tx, {
        municipalityId: ctx.municipalityId,
        email,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        roles: [...new Set(input.roles)],
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('users.email_taken', 409);
      throw error;
    }
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'user',
      recordId: userId,
      subjectId: userId,
      details: { roles: input.roles },
    });
    const send = await createAccountLink(deps, tx, 'invite', {
      id: userId,
      municipalityId: ctx.municipalityId,
      email,
      firstName: input.firstName.trim(),
      locale: 'nb',
    });
    const row = await q.findUser(tx, ctx.municipalityId, userId);
    return { user: presentUser(row as q.UserRow), send };
  });
  return { user, invitationSent: await sendQuietly(deps, send) };
}

export async function resendInvitation(deps: Deps, ctx: TenantContext, userId: string): Promise<boolean> {
  const send = await inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findUser(tx, ctx.municipalityId, userId);
    if (!row) throw notFound();
    await audit(tx, ctx, { action: 'invite', recordType: 'user', recordId: userId, subjectId: userId });
    return createAccountLink(deps, tx, 'invite', {
      id: row.id,
      municipalityId: ctx.municipalityId,
      email: row.email,
      firstName: row.first_name,
      locale: isLocale(row.locale) ? row.locale : 'nb',
    });
  });
  return sendQuietly(deps, send);
}

/** The account is saved whatever the mail server says; the admin sees whether the e-mail went. */
async function sendQuietly(deps: Deps, send: () => Promise<void>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    deps.log.error({ err: error }, 'invitation e-mail failed');
    return false;
  }
}

export async function changeUser(
  deps: Deps,
  ctx: TenantContext,
  userId: string,
  changes: { roles?: string[]; active?: boolean },
): Promise<AdminUser> {
  // An admin who removes their own admin role or deactivates themselves locks the municipality out.
  if (userId === ctx.userId) throw new AppError('users.cannot_change_self', 400);
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findUser(tx, ctx.municipalityId, userId);
    if (!before) throw notFound();
    const after = {
      roles: changes.roles ? [...new Set(changes.roles)] : before.roles,
      active: changes.active ?? before.active,
    };
    await q.updateUser(tx, ctx.municipalityId, userId, after);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'user',
      recordId: userId,
      subjectId: userId,
      details: { before: { roles: before.roles, active: before.active }, after },
    });
    return presentUser({ ...before, ...after });
  });
}
