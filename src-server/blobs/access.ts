/**
 * Who may read a blob: a unit that uploaded the full bytes itself, or that received a record naming it.
 * Knowing the hash alone never grants access.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type AccessVia = 'upload' | 'record';

export async function hasBlobAccess(db: Kysely<Database>, sha256: string, unitCode: string): Promise<boolean> {
  const row = await db.selectFrom('blob_access').select('via').where('sha256', '=', sha256).where('unit_code', '=', unitCode).executeTakeFirst();
  return row !== undefined;
}

export async function grantBlobAccess(db: Kysely<Database>, sha256: string, units: readonly string[], via: AccessVia, at: string): Promise<void> {
  if (units.length === 0) return;
  await db.insertInto('blob_access')
    .values(units.map((u) => ({ sha256, unit_code: u, via, granted_at: at })))
    .onConflict((oc) => oc.columns(['sha256', 'unit_code']).doNothing())
    .execute();
}
