import type { Database, Queryable } from './connection.js';

/** Who is asking, for row-level security and the audit log. */
export interface TenantContext {
  municipalityId: number;
  userId: string | null;
  ip: string | null;
}

/**
 * Runs `fn` in a transaction as the database role `landsby_app`, which sees only rows of
 * `ctx.municipalityId` (row-level security, see migrations/0001). Every request that touches
 * personal data goes through here.
 */
export function inTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, ctx);
    return fn(tx);
  });
}

async function enterTenant(tx: Queryable, ctx: TenantContext): Promise<void> {
  await tx.exec('SET LOCAL ROLE landsby_app');
  await tx.query("SELECT set_config('app.municipality', $1, true), set_config('app.user', $2, true)", [
    String(ctx.municipalityId),
    ctx.userId ?? '',
  ]);
}

/**
 * For a public link (an answer link): `find` looks up, as `landsby_system`, which municipality
 * the link belongs to; then `fn` runs as in inTenant, in the same transaction, so a request
 * to the link is one transaction. Returns undefined, without calling `fn`, when `find` finds none.
 */
export function inTenantOfLink<K, T>(
  db: Database,
  find: (tx: Queryable) => Promise<{ ctx: TenantContext; key: K } | undefined>,
  fn: (tx: Queryable, found: { ctx: TenantContext; key: K }) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL ROLE landsby_system');
    const found = await find(tx);
    if (!found) return undefined;
    await enterTenant(tx, found.ctx);
    return fn(tx, found);
  });
}

/**
 * Runs `fn` as `landsby_system`: the narrow role for what must happen before a tenant is known
 * (finding the account at login, resolving a session cookie, seeding). It may read accounts and
 * sessions across municipalities but has no grant on any programme data.
 */
export function asSystem<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL ROLE landsby_system');
    return fn(tx);
  });
}
