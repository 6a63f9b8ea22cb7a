/**
 * Runs the numbered migrations in one transaction, tracked in `schema_migrations`, and refuses a database
 * whose schema is newer than this code. On PostgreSQL an advisory lock serialises concurrent server starts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Dialect } from './migrations/types.ts';

const LOCK_KEY = 7_746_001;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`database schema version ${found} is newer than this server supports (${supported}); upgrade the server`);
  }
}

export async function migrate(db: Kysely<Database>, dialect: Dialect, now: () => Date = () => new Date()): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_KEY}::int, hashtext(current_schema()))`.execute(trx);
    await trx.schema.createTable('schema_migrations').ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    if (newest > LATEST_VERSION) throw new SchemaTooNewError(newest, LATEST_VERSION);
    const done: number[] = [];
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await m.up(trx, dialect);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: now().toISOString() }).execute();
      done.push(m.version);
    }
    return done;
  });
}
