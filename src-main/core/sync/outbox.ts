/**
 * The outbox: every local write appends one mutation (UUIDv7 id) in the same transaction as its optimistic effect.
 * The sync engine pushes it in order; the server applies each id exactly once.
 */
import { v7 as uuidv7 } from 'uuid';
import { MutationSchema, type Mutation, type MutationBody } from '../../../shared/sync/protocol.ts';
import type { Db } from '../store/db.ts';
import type { OutboxRow } from '../store/records.ts';
import { q } from '../store/statements.ts';

export function enqueue(db: Db, body: MutationBody, entityId: string, now = new Date().toISOString()): Mutation {
  const id = uuidv7();
  const mutation = MutationSchema.parse({ id, clientTime: now, ...body });
  q(db, 'INSERT INTO outbox (id, type, entity_id, body, client_time) VALUES (?, ?, ?, ?, ?)').run(
    id, body.type, entityId, JSON.stringify({ type: body.type, payload: body.payload }), now,
  );
  return mutation;
}

export function outboxHead(db: Db, limit: number): OutboxRow[] {
  return q(db, 'SELECT * FROM outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
}

export function outboxCount(db: Db): number {
  return (q(db, 'SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
}

export function toWire(row: OutboxRow): Mutation {
  return MutationSchema.parse({ id: row.id, clientTime: row.client_time, ...(JSON.parse(row.body) as object) });
}
