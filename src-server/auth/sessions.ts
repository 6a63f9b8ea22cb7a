/**
 * Login, token check and logout. Tokens are 32 random bytes; only their SHA-256 is stored. Failed logins count per
 * user; after `maxFailedLogins` the account is locked for `lockoutMs` (AUTH_LOCKED), even for the right password.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { LoginResponse } from '../../shared/sync/protocol.ts';
import type { Actor, ServerContext } from '../context.ts';
import { sha256Hex } from '../audit/chain.ts';
import { inTransaction } from '../sync/unitOfWork.ts';
import { unitFromRow, userFromRow, rolesFromText } from '../directory/rows.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

export function tokenHash(token: string): string {
  return sha256Hex(token);
}

export async function login(ctx: ServerContext, username: string, password: string): Promise<LoginResponse> {
  const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) {
    await verifyPassword(password, await dummyHash(ctx.settings.scryptCost));
    throw new AppError('AUTH_BAD_PASSWORD');
  }
  const now = ctx.now();
  if (row.locked_until && new Date(row.locked_until) > now) throw new AppError('AUTH_LOCKED', { until: row.locked_until });
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok) {
    const failures = Number(row.failed_logins) + 1;
    const lock = failures >= ctx.settings.maxFailedLogins;
    await inTransaction(ctx, async (uow) => {
      await uow.trx.updateTable('users').set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + ctx.settings.lockoutMs).toISOString() : row.locked_until,
      }).where('id', '=', row.id).execute();
      uow.audit({ actorUserId: row.id, actorUnit: row.unit_code, action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: row.id, content: { failures } });
    });
    throw new AppError(lock ? 'AUTH_LOCKED' : 'AUTH_BAD_PASSWORD');
  }
  const unit = await ctx.db.selectFrom('units').selectAll().where('code', '=', row.unit_code).executeTakeFirstOrThrow();
  if (Number(row.disabled) === 1 || Number(unit.disabled) === 1) throw new AppError('AUTH_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionTtlMs).toISOString();
  await inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    await uow.trx.insertInto('sessions').values({
      token_hash: tokenHash(token), user_id: row.id, unit_code: row.unit_code, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null,
    }).execute();
    uow.audit({ actorUserId: row.id, actorUnit: row.unit_code, action: 'auth.login', entity: 'session', entityId: null, content: { expiresAt } });
  });
  return { token, expiresAt, user: userFromRow(row), unit: unitFromRow(unit) };
}

/** Resolves a bearer token to its actor, or throws AUTH_REQUIRED / AUTH_SESSION_EXPIRED / AUTH_DISABLED. */
export async function authenticate(ctx: ServerContext, token: string | undefined): Promise<Actor & { tokenHash: string }> {
  if (!token || token.length < 32 || token.length > 128) throw new AppError('AUTH_REQUIRED');
  const hash = tokenHash(token);
  const row = await ctx.db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('units', 'units.code', 'users.unit_code')
    .select(['sessions.expires_at', 'sessions.revoked_at', 'users.id', 'users.username', 'users.display_name', 'users.unit_code',
      'users.roles', 'users.disabled as user_disabled', 'units.disabled as unit_disabled'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.revoked_at) throw new AppError('AUTH_REQUIRED');
  if (new Date(row.expires_at) <= ctx.now()) throw new AppError('AUTH_SESSION_EXPIRED');
  if (Number(row.user_disabled) === 1 || Number(row.unit_disabled) === 1) throw new AppError('AUTH_DISABLED');
  return {
    tokenHash: hash, userId: row.id, username: row.username, displayName: row.display_name, unitCode: row.unit_code, roles: rolesFromText(row.roles),
  };
}

export async function logout(ctx: ServerContext, actor: Actor & { tokenHash: string }): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('sessions').set({ revoked_at: uow.at }).where('token_hash', '=', actor.tokenHash).execute();
    uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'auth.logout', entity: 'session', entityId: null, content: null });
  });
}

export async function changePassword(ctx: ServerContext, actor: Actor & { tokenHash: string }, oldPassword: string, newPassword: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(oldPassword, row.password_hash))) throw new AppError('AUTH_BAD_PASSWORD');
  const hash = await hashPassword(newPassword, ctx.settings.scryptCost);
  await inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('users').set({ password_hash: hash }).where('id', '=', actor.userId).execute();
    // Other sessions of this user end: a changed password should lock out whoever knew the old one.
    await uow.trx.updateTable('sessions').set({ revoked_at: uow.at }).where('user_id', '=', actor.userId).where('token_hash', '!=', actor.tokenHash)
      .where('revoked_at', 'is', null).execute();
    uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'auth.password_changed', entity: 'user', entityId: actor.userId, content: null });
  });
}

/** Which of these token hashes still belong to a live session of an enabled user in an enabled unit. */
export async function validSessions(ctx: ServerContext, tokenHashes: string[]): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows = await ctx.db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('units', 'units.code', 'users.unit_code')
    .select('sessions.token_hash')
    .where('sessions.token_hash', 'in', tokenHashes)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', ctx.now().toISOString())
    .where('users.disabled', '=', 0)
    .where('units.disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.token_hash));
}
