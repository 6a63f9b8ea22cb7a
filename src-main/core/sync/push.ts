/**
 * Pushes the outbox in order, in batches. Blobs a mutation names are uploaded first. Results: applied → removed from
 * the outbox; rejected → removed, recorded in the rejected list and the optimistic state rolled back. Transient
 * failures throw and leave the outbox untouched for the next attempt.
 */
import { AppError } from '../../../shared/errors.ts';
import { MAX_PUSH_BATCH, type MutationResult } from '../../../shared/sync/protocol.ts';
import { isTransient } from '../net/api.ts';
import type { Db } from '../store/db.ts';
import { filesOf, recomputeEntity, type OutboxRow } from '../store/records.ts';
import { ensureUploaded, type UploadDeps } from '../blobs/upload.ts';
import { outboxHead, toWire } from './outbox.ts';
import { meetingFilesOf } from '../meetings/organise.ts';

export interface PushOutcome {
  applied: number;
  rejected: number;
}

function rejectLocally(db: Db, row: OutboxRow, error: { code: string; message: string }, actor: string): void {
  db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
  db.prepare('INSERT OR REPLACE INTO rejected (mutation_id, type, entity_id, code, message, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.id, row.type, row.entity_id, error.code, error.message, new Date().toISOString(),
  );
  if (row.type === 'document.send') {
    db.prepare('UPDATE documents SET pending = 0, rejected_code = ?, rejected_message = ? WHERE id = ? AND server_data IS NULL').run(error.code, error.message, row.entity_id);
  }
  recomputeEntity(db, row.entity_id, actor);
}

function applyResults(db: Db, rows: OutboxRow[], results: MutationResult[], actor: string): PushOutcome {
  const out: PushOutcome = { applied: 0, rejected: 0 };
  const byId = new Map(results.map((r) => [r.id, r]));
  db.transaction(() => {
    for (const row of rows) {
      const r = byId.get(row.id);
      if (!r) continue; // not answered: stays for the next push
      if (r.status === 'applied') {
        db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
        recomputeEntity(db, row.entity_id, actor);
        out.applied++;
      } else {
        rejectLocally(db, row, { code: r.error?.code ?? 'INTERNAL', message: r.error?.message ?? '服务器拒绝了此操作' }, actor);
        out.rejected++;
      }
    }
  })();
  return out;
}

export async function pushOutbox(deps: UploadDeps & { actor: string }): Promise<PushOutcome> {
  const total: PushOutcome = { applied: 0, rejected: 0 };
  for (let round = 0; round < 10_000; round++) {
    const rows = outboxHead(deps.db, MAX_PUSH_BATCH);
    if (rows.length === 0) break;
    // Upload what the batch names; a blob refused for good rejects its mutation, a transient failure stops here.
    const batch: OutboxRow[] = [];
    for (const row of rows) {
      const wire = toWire(row);
      try {
        if (wire.type === 'document.send') for (const f of filesOf(wire.payload)) await ensureUploaded(deps, f.sha256);
        for (const f of meetingFilesOf(wire)) await ensureUploaded(deps, f.sha256);
        batch.push(row);
      } catch (e) {
        if (isTransient(e) || (e instanceof AppError && e.code === 'BLOB_OFFSET_MISMATCH')) {
          if (batch.length === 0) throw e;
          break;
        }
        const err = e instanceof AppError ? e : new AppError('INTERNAL', undefined, String(e));
        deps.db.transaction(() => rejectLocally(deps.db, row, { code: err.code, message: err.message }, deps.actor))();
        total.rejected++;
        // re-read the head next round so the order stays intact
        break;
      }
    }
    if (batch.length > 0) {
      deps.db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(batch.map((r) => r.id)));
      const res = await deps.api.push(batch.map(toWire));
      const o = applyResults(deps.db, batch, res.results, deps.actor);
      total.applied += o.applied;
      total.rejected += o.rejected;
      if (o.applied + o.rejected === 0) throw new AppError('INTERNAL', { httpStatus: 502 }, '服务器未确认任何操作');
    }
  }
  return total;
}
