/** The store's epoch: a random id set at initialisation and replaced by a restore, so clients know to re-sync from 0. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function ensureEpoch(db: Kysely<Database>): Promise<string> {
  await db.insertInto('meta').values({ key: 'epoch', value: randomUUID() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow();
  return row.value;
}

export async function setNewEpoch(db: Kysely<Database>): Promise<string> {
  const epoch = randomUUID();
  await db.insertInto('meta').values({ key: 'epoch', value: epoch })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: epoch })).execute();
  return epoch;
}
