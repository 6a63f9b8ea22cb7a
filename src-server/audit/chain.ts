/**
 * Append-only, tamper-evident audit log: each entry's hash covers its fields and the previous entry's hash.
 * The single `audit_head` row is updated in the writing transaction, which serialises appends (row lock on PG).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEntry {
  actorUserId: string | null;
  actorUnit: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The state (or input) the action produced; only its SHA-256 is kept. */
  content: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface AuditRowFields {
  seq: number; at: string; actor_user_id: string | null; actor_unit: string | null; action: string;
  entity: string; entity_id: string | null; content_sha256: string; prev_hash: string;
}

export function entryHash(r: AuditRowFields): string {
  return sha256Hex(JSON.stringify([r.seq, r.at, r.actor_user_id, r.actor_unit, r.action, r.entity, r.entity_id, r.content_sha256, r.prev_hash]));
}

export async function appendAudit(trx: Kysely<Database>, entries: readonly AuditEntry[], at: string, lockRows = false): Promise<void> {
  if (entries.length === 0) return;
  // The head row is locked (FOR UPDATE on PG; SQLite writers are serialised) so appends form one chain.
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1)
    .$if(lockRows, (q) => q.forUpdate()).executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = entries.map((e) => {
    seq += 1;
    const fields: AuditRowFields = {
      seq, at, actor_user_id: e.actorUserId, actor_unit: e.actorUnit, action: e.action, entity: e.entity,
      entity_id: e.entityId, content_sha256: sha256Hex(JSON.stringify(e.content ?? null)), prev_hash: prev,
    };
    const hash = entryHash(fields);
    prev = hash;
    return { ...fields, hash };
  });
  await trx.insertInto('audit_log').values(rows).execute();
  await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  /** First entry whose hash or link does not verify. */
  brokenAt: number | null;
  reason: string | null;
}

/** Walks the whole chain in order; also checks that the head matches the last entry (no truncation). */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 1000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const raw of rows) {
      const r = { ...raw, seq: Number(raw.seq) };
      if (r.seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: 'missing entry' };
      if (r.prev_hash !== prev) return { ok: false, count, brokenAt: r.seq, reason: 'broken link' };
      if (entryHash(r) !== r.hash) return { ok: false, count, brokenAt: r.seq, reason: 'entry altered' };
      prev = r.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== count || head.hash !== prev) {
    return { ok: false, count, brokenAt: count + 1, reason: 'head does not match the last entry' };
  }
  return { ok: true, count, brokenAt: null, reason: null };
}
