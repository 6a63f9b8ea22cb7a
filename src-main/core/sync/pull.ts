/**
 * Pulls the unit's change stream from the stored cursor until the server has no more, one transaction per page.
 * If the cursor moved while a page was in flight (live entries applied), the page is dropped and asked for again.
 * A 409 (epoch changed: the server was restored) wipes the replica and pulls from 0, at most twice per run so a
 * misbehaving server cannot make the client loop.
 */
import { AppError } from '../../../shared/errors.ts';
import type { ServerApi } from '../net/api.ts';
import type { Db } from '../store/db.ts';
import { applyPage, wipeReplica, type PageEffects } from './applyPage.ts';
import { readSyncState } from './syncState.ts';

export const PULL_PAGE = 1000;
const MAX_EPOCH_RESETS = 2;

export async function pullAll(deps: { db: Db; api: ServerApi; unit: string; actor: string; onPage: (e: PageEffects) => void }): Promise<number> {
  let resets = 0;
  let applied = 0;
  for (;;) {
    const state = readSyncState(deps.db);
    let page;
    try {
      page = await deps.api.pull(state.epoch, state.cursor, PULL_PAGE);
    } catch (e) {
      if (e instanceof AppError && e.code === 'SYNC_EPOCH_CHANGED') {
        const epoch = (e.details as { epoch?: string } | undefined)?.epoch ?? null;
        if (++resets > MAX_EPOCH_RESETS || !epoch) throw e;
        wipeReplica(deps.db, epoch);
        deps.onPage({ entities: new Set(['documents', 'deliveries']), notifications: [], applied: 0 });
        continue;
      }
      throw e;
    }
    const now = readSyncState(deps.db);
    if (now.cursor !== state.cursor || now.epoch !== state.epoch) continue; // live entries applied meanwhile: ask again from there
    if (state.epoch !== null && page.epoch !== state.epoch) {
      // Defensive: a server that answers with another epoch instead of 409.
      if (++resets > MAX_EPOCH_RESETS) throw new AppError('SYNC_EPOCH_CHANGED', { epoch: page.epoch });
      wipeReplica(deps.db, page.epoch);
      continue;
    }
    const effects = applyPage(deps.db, page, { unit: deps.unit, actor: deps.actor });
    applied += effects.applied;
    deps.onPage(effects);
    if (!page.hasMore) return applied;
    if (page.cursor <= state.cursor && page.changes.length === 0) return applied; // no progress: stop rather than spin
  }
}
