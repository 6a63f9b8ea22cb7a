/**
 * Demo seed: the General Office and the 69 units, plus the demo users, loaded idempotently.
 * All demo users share one published password, so it is hashed ONCE (one salt) and the hash reused: a shared salt
 * reveals nothing about a password that is public anyway, and it keeps seeding under a second. Users created
 * through the CLI always get their own salt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { RoleSchema, UnitSchema, UsernameSchema } from '../../shared/schemas/directory.ts';
import { TextSchema, UnitCodeSchema } from '../../shared/schemas/common.ts';
import type { ServerContext } from '../context.ts';
import { inTransaction } from '../sync/unitOfWork.ts';
import { hashPassword } from '../auth/passwords.ts';
import { unitToRow } from '../directory/rows.ts';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/seed');

const DemoUsersSchema = z.strictObject({
  password: z.string().min(8),
  users: z.array(z.strictObject({
    username: UsernameSchema, displayName: TextSchema(40).min(1), unitCode: UnitCodeSchema,
    roles: z.array(RoleSchema).min(1), title: TextSchema(40).nullable().default(null),
  })),
});

export function readSeedUnits() {
  return z.array(UnitSchema).parse(JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'units.json'), 'utf8')));
}
export function readDemoUsers() {
  return DemoUsersSchema.parse(JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'demo-users.json'), 'utf8')));
}

export async function seedDemo(ctx: ServerContext): Promise<{ units: number; users: number }> {
  const units = readSeedUnits();
  const demo = readDemoUsers();
  const existing = await ctx.db.selectFrom('users').select('username').execute();
  const have = new Set(existing.map((r) => r.username));
  const missing = demo.users.filter((u) => !have.has(u.username));
  const hash = missing.length > 0 ? await hashPassword(demo.password, ctx.settings.scryptCost) : '';
  return inTransaction(ctx, async (uow) => {
    // Multi-row statements: a few round trips instead of hundreds (seeding stays well under a second on PG).
    const known = new Set((await uow.trx.selectFrom('units').select('code').execute()).map((r) => r.code));
    const newUnits = units.filter((u) => !known.has(u.code));
    if (newUnits.length > 0) {
      await uow.trx.insertInto('units').values(newUnits.map(unitToRow)).onConflict((oc) => oc.column('code').doNothing()).execute();
    }
    await uow.trx.insertInto('streams').values(units.map((u) => ({ unit_code: u.code, last_seq: 0 })))
      .onConflict((oc) => oc.column('unit_code').doNothing()).execute();
    const unitCount = newUnits.length;
    const userRows = missing.map((u) => ({
      id: uuidv7(), username: u.username, display_name: u.displayName, unit_code: u.unitCode, roles: JSON.stringify(u.roles),
      title: u.title, phone: null, disabled: 0, password_hash: hash, failed_logins: 0, locked_until: null, created_at: uow.at,
    }));
    for (let i = 0; i < userRows.length; i += 100) {
      await uow.trx.insertInto('users').values(userRows.slice(i, i + 100)).onConflict((oc) => oc.column('username').doNothing()).execute();
    }
    const userCount = userRows.length;
    if (unitCount + userCount > 0) {
      uow.audit({ actorUserId: null, actorUnit: null, action: 'admin.seed_demo', entity: 'directory', entityId: null, content: { units: unitCount, users: userCount } });
    }
    return { units: unitCount, users: userCount };
  });
}
