/** What every service needs: the store, the clock, the live hub, settings. Built once per server (or CLI run). */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Dialect } from './db/migrations/types.ts';

export interface Settings {
  sessionTtlMs: number;
  maxFailedLogins: number;
  lockoutMs: number;
  /** scrypt cost parameter N (power of two). */
  scryptCost: number;
  liveHeartbeatMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  sessionTtlMs: 12 * 60 * 60 * 1000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60 * 1000,
  scryptCost: 16384,
  liveHeartbeatMs: 15_000,
};

/** One stream entry as stored: `data` is the change's JSON text. */
export interface StreamEntry { seq: number; entity: string; data: string }
/** Receives the units whose streams advanced in a committed transaction, with their latest seq and the new entries. */
export type CommitListener = (touched: ReadonlyMap<string, number>, entries: ReadonlyMap<string, readonly StreamEntry[]>) => void;

export interface ServerContext {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => Date;
  settings: Settings;
  /** PostgreSQL: NOTIFY channel used for cross-process pokes (null on SQLite). */
  notifyChannel: string | null;
  onCommit: CommitListener;
}

/** The authenticated caller of a request or mutation. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  unitCode: string;
  roles: import('../shared/schemas/directory.ts').Role[];
}
