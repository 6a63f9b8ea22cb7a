/**
 * Opens the store: SQLite (better-sqlite3, WAL) in a data directory by default, PostgreSQL when a URL is given.
 * One Kysely handle for both; `dialect` tells the few places that differ (row locks, NOTIFY, byte columns).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import type { Dialect } from './migrations/types.ts';

export interface StoreOptions {
  dataDir?: string;
  databaseUrl?: string;
  pgSchema?: string;
}

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL only: how to open an extra connection (for LISTEN) on the same schema. */
  pgConfig: pg.ClientConfig | null;
  pgSchema: string | null;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function pgClientConfig(databaseUrl: string, schema: string | null): pg.ClientConfig {
  return { connectionString: databaseUrl, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const schema = opts.pgSchema ?? null;
    if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: opts.databaseUrl });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists ${schema}`);
      } catch (e) {
        // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
        if ((e as { code?: string }).code !== '23505') throw e;
      } finally {
        await admin.end();
      }
    }
    const config = pgClientConfig(opts.databaseUrl, schema);
    const pool = new pg.Pool({ ...config, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pgConfig: config, pgSchema: schema, close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? path.resolve('data');
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, 'server.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', pgConfig: null, pgSchema: null, close: () => db.destroy() };
}

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. SQL texts are cached (LRU);
 * a statement still iterating (busy) is not reused: a fresh one is prepared for that call.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = sqlite.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** True when the error is a unique/primary-key violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
