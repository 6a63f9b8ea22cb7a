/** The pull position (epoch + cursor) kept in the same database, written in the same transaction as the data. */
import type { Db } from '../store/db.ts';
import { q } from '../store/statements.ts';

export interface SyncState {
  epoch: string | null;
  cursor: number;
  lastSyncedAt: string | null;
}

export function readSyncState(db: Db): SyncState {
  const r = q(db, 'SELECT epoch, cursor, last_synced_at FROM sync_state WHERE id = 1').get() as { epoch: string | null; cursor: number; last_synced_at: string | null };
  return { epoch: r.epoch, cursor: r.cursor, lastSyncedAt: r.last_synced_at };
}

export function writeSyncState(db: Db, s: Partial<SyncState>): void {
  const cur = readSyncState(db);
  const next = { ...cur, ...s };
  q(db, 'UPDATE sync_state SET epoch = ?, cursor = ?, last_synced_at = ? WHERE id = 1').run(next.epoch, next.cursor, next.lastSyncedAt);
}
