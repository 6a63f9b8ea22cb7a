/**
 * Directory administration (CLI and seed): units and users. Every change is audited with the acting admin
 * (null actor = the operator at the server console).
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { PasswordSchema, RoleSchema, UnitSchema, UsernameSchema, type Unit, type User } from '../../shared/schemas/directory.ts';
import { TextSchema, UnitCodeSchema } from '../../shared/schemas/common.ts';
import type { ServerContext } from '../context.ts';
import { inTransaction, type UnitOfWork } from '../sync/unitOfWork.ts';
import { hashPassword } from '../auth/passwords.ts';
import { unitToRow, userFromRow } from '../directory/rows.ts';

export interface AdminActor { userId: string | null; unitCode: string | null }
export const CONSOLE: AdminActor = { userId: null, unitCode: null };

function audit(uow: UnitOfWork, by: AdminActor, action: string, entity: string, entityId: string, content: unknown): void {
  uow.audit({ actorUserId: by.userId, actorUnit: by.unitCode, action, entity, entityId, content });
}

async function upsertUnits(uow: UnitOfWork, units: readonly Unit[], by: AdminActor, replace: boolean): Promise<number> {
  let written = 0;
  for (const u of units) {
    const row = unitToRow(u);
    const q = uow.trx.insertInto('units').values(row);
    const res = await (replace
      ? q.onConflict((oc) => oc.column('code').doUpdateSet({ ...row, code: undefined }))
      : q.onConflict((oc) => oc.column('code').doNothing())).executeTakeFirst();
    await uow.trx.insertInto('streams').values({ unit_code: u.code, last_seq: 0 }).onConflict((oc) => oc.column('unit_code').doNothing()).execute();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) {
      written += 1;
      audit(uow, by, 'unit.upsert', 'unit', u.code, u);
    }
  }
  return written;
}

/** Imports a unit list (the seed file format); existing codes are updated. Returns how many were written. */
export async function importUnits(ctx: ServerContext, input: unknown, by: AdminActor = CONSOLE): Promise<number> {
  const units = z.array(UnitSchema).parse(input);
  return inTransaction(ctx, (uow) => upsertUnits(uow, units, by, true));
}

export async function createUnit(ctx: ServerContext, input: unknown, by: AdminActor = CONSOLE): Promise<Unit> {
  const unit = UnitSchema.parse(input);
  await inTransaction(ctx, async (uow) => {
    const exists = await uow.trx.selectFrom('units').select('code').where('code', '=', unit.code).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', { code: unit.code });
    await upsertUnits(uow, [unit], by, false);
  });
  return unit;
}

export async function setUnitDisabled(ctx: ServerContext, code: string, disabled: boolean, by: AdminActor = CONSOLE): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const res = await uow.trx.updateTable('units').set({ disabled: disabled ? 1 : 0 }).where('code', '=', UnitCodeSchema.parse(code)).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    audit(uow, by, disabled ? 'unit.disable' : 'unit.enable', 'unit', code, { disabled });
  });
}

export const NewUserSchema = z.strictObject({
  username: UsernameSchema,
  displayName: TextSchema(40).min(1),
  unitCode: UnitCodeSchema,
  roles: z.array(RoleSchema).min(1),
  title: TextSchema(40).nullable().default(null),
  phone: TextSchema(30).nullable().default(null),
  password: PasswordSchema,
});

export async function createUser(ctx: ServerContext, input: z.input<typeof NewUserSchema>, by: AdminActor = CONSOLE): Promise<User> {
  const u = NewUserSchema.parse(input);
  const hash = await hashPassword(u.password, ctx.settings.scryptCost);
  return inTransaction(ctx, async (uow) => {
    const unit = await uow.trx.selectFrom('units').select('code').where('code', '=', u.unitCode).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND', { unit: u.unitCode });
    const taken = await uow.trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', { username: u.username });
    const row = {
      id: uuidv7(), username: u.username, display_name: u.displayName, unit_code: u.unitCode, roles: JSON.stringify(u.roles),
      title: u.title, phone: u.phone, disabled: 0, password_hash: hash, failed_logins: 0, locked_until: null, created_at: uow.at,
    };
    await uow.trx.insertInto('users').values(row).execute();
    const user = userFromRow(row);
    audit(uow, by, 'user.create', 'user', user.id, user);
    return user;
  });
}

export async function setUserDisabled(ctx: ServerContext, username: string, disabled: boolean, by: AdminActor = CONSOLE): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const user = await uow.trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND');
    await uow.trx.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', user.id).execute();
    if (disabled) await uow.trx.updateTable('sessions').set({ revoked_at: uow.at }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    audit(uow, by, disabled ? 'user.disable' : 'user.enable', 'user', user.id, { disabled });
  });
}

/** Sets a new password, clears the lock-out and ends the user's sessions. */
export async function resetPassword(ctx: ServerContext, username: string, password: string, by: AdminActor = CONSOLE): Promise<void> {
  const hash = await hashPassword(PasswordSchema.parse(password), ctx.settings.scryptCost);
  await inTransaction(ctx, async (uow) => {
    const user = await uow.trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND');
    await uow.trx.updateTable('users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await uow.trx.updateTable('sessions').set({ revoked_at: uow.at }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    audit(uow, by, 'user.reset_password', 'user', user.id, null);
  });
}

export const CustomGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  name: TextSchema(40).min(1),
  /** null: visible to every unit; otherwise only to that unit. */
  ownerUnit: UnitCodeSchema.nullable(),
  unitCodes: z.array(UnitCodeSchema).min(1).max(200),
});

/** Creates or replaces a custom recipient group; every member must be an existing unit. */
export async function saveCustomGroup(ctx: ServerContext, input: z.input<typeof CustomGroupSchema>, by: AdminActor = CONSOLE): Promise<void> {
  const g = CustomGroupSchema.parse(input);
  if (['all', 'districts', 'counties', 'departments'].includes(g.id)) throw new AppError('CONFLICT', { id: g.id });
  await inTransaction(ctx, async (uow) => {
    const codes = [...new Set(g.unitCodes)];
    const found = await uow.trx.selectFrom('units').select('code').where('code', 'in', codes).execute();
    if (found.length !== codes.length) throw new AppError('NOT_FOUND', { units: codes.filter((c) => !found.some((f) => f.code === c)) });
    const row = { id: g.id, name: g.name, owner_unit: g.ownerUnit, unit_codes: JSON.stringify(codes) };
    await uow.trx.insertInto('recipient_groups').values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, owner_unit: row.owner_unit, unit_codes: row.unit_codes })).execute();
    audit(uow, by, 'group.save', 'recipient_group', g.id, g);
  });
}
