/**
 * The local store: one better-sqlite3 database per user profile, WAL, foreign keys, numbered migrations tracked with
 * user_version. A database written by a newer version of the code is refused rather than misread.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type Db = Database.Database;

export function openStore(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new AppError('INTERNAL', { userVersion: current, known: MIGRATIONS.length }, `本地数据库版本 (${current}) 比程序新 (${MIGRATIONS.length})，请升级程序`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** SQLITE_FULL / ENOSPC → DISK_FULL; anything else passes through. */
export function mapStorageError(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', undefined);
  return e;
}
