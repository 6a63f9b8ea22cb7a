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
import { proposalFilesOf } from '../proposals/replyLetter.ts';

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

const UPLOAD_CONCURRENCY = 4;

function isRetryable(e: unknown): boolean {
  return isTransient(e) || (e instanceof AppError && e.code === 'BLOB_OFFSET_MISMATCH');
}

/** The blobs a queued mutation names (document main file + attachments, meeting materials and minutes, reply letter). */
function namedBlobs(row: OutboxRow): string[] {
  const wire = toWire(row);
  return (wire.type === 'document.send' ? filesOf(wire.payload) : [...meetingFilesOf(wire), ...proposalFilesOf(wire)]).map((f) => f.sha256);
}

/** Uploads every blob the rows name, UPLOAD_CONCURRENCY at a time; returns the failure per sha (none = uploaded). */
async function uploadAll(deps: UploadDeps, rows: OutboxRow[]): Promise<Map<string, unknown>> {
  const shas = [...new Set(rows.flatMap(namedBlobs))];
  const failures = new Map<string, unknown>();
  let next = 0;
  const worker = async () => {
    while (next < shas.length) {
      const sha = shas[next++];
      try {
        await ensureUploaded(deps, sha);
      } catch (e) {
        failures.set(sha, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, shas.length) }, worker));
  return failures;
}

export async function pushOutbox(deps: UploadDeps & { actor: string }): Promise<PushOutcome> {
  const total: PushOutcome = { applied: 0, rejected: 0 };
  for (let round = 0; round < 10_000; round++) {
    const rows = outboxHead(deps.db, MAX_PUSH_BATCH);
    if (rows.length === 0) break;
    // Upload what the batch names (a few at a time); a blob refused for good rejects its mutation, a transient
    // failure stops the batch before the first mutation that needs it.
    const outcome = await uploadAll(deps, rows);
    const batch: OutboxRow[] = [];
    for (const row of rows) {
      const failure = namedBlobs(row).map((sha) => outcome.get(sha)).find((e) => e !== undefined);
      if (failure === undefined) {
        batch.push(row);
        continue;
      }
      if (isRetryable(failure)) {
        if (batch.length === 0) throw failure;
        break;
      }
      const err = failure instanceof AppError ? failure : new AppError('INTERNAL', undefined, String(failure));
      if (batch.length === 0) {
        deps.db.transaction(() => rejectLocally(deps.db, row, { code: err.code, message: err.message }, deps.actor))();
        total.rejected++;
      }
      break; // push what precedes it; the refused one is handled at the head of the next round, keeping the order
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
