/**
 * One write transaction: the effect, the change-stream entries it produces, and its audit entries, committed together.
 * Stream counters are bumped at the end in sorted unit order (no deadlocks on PG; the row lock held to commit keeps
 * each unit's stream in commit order), then the audit head; on PG a NOTIFY rides the same commit.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ServerContext } from '../context.ts';
import { appendAudit, type AuditEntry } from '../audit/chain.ts';
import type { ChangeBody } from '../../shared/sync/protocol.ts';

interface PendingChange { units: string[]; change: ChangeBody; entityId: string }

export class UnitOfWork {
  readonly changes: PendingChange[] = [];
  readonly audits: AuditEntry[] = [];
  readonly at: string;
  constructor(readonly trx: Kysely<Database>, readonly ctx: ServerContext) {
    this.at = ctx.now().toISOString();
  }
  /** Appends the entity's current state to the streams of these units (in call order). */
  emit(units: readonly string[], change: ChangeBody, entityId: string): void {
    this.changes.push({ units: [...new Set(units)], change, entityId });
  }
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }
  /** `SELECT … FOR UPDATE` on PostgreSQL; SQLite transactions are already serialised. */
  get lockRows(): boolean {
    return this.ctx.dialect === 'postgres';
  }
}

async function flushChanges(uow: UnitOfWork): Promise<Map<string, number>> {
  const perUnit = new Map<string, { change: ChangeBody; entityId: string }[]>();
  for (const p of uow.changes) {
    for (const u of p.units) {
      const list = perUnit.get(u) ?? [];
      list.push({ change: p.change, entityId: p.entityId });
      perUnit.set(u, list);
    }
  }
  const touched = new Map<string, number>();
  for (const unit of [...perUnit.keys()].sort()) {
    const list = perUnit.get(unit)!;
    await uow.trx.insertInto('streams').values({ unit_code: unit, last_seq: 0 }).onConflict((oc) => oc.column('unit_code').doNothing()).execute();
    const row = await uow.trx.updateTable('streams')
      .set((eb) => ({ last_seq: eb('last_seq', '+', list.length) }))
      .where('unit_code', '=', unit)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const last = Number(row.last_seq);
    const first = last - list.length + 1;
    await uow.trx.insertInto('changes').values(list.map((c, i) => ({
      unit_code: unit, seq: first + i, entity: c.change.entity, entity_id: c.entityId, data: JSON.stringify(c.change.data),
    }))).execute();
    touched.set(unit, last);
  }
  return touched;
}

/** Runs `fn` in a transaction with its stream entries and audit entries; pokes live clients after commit. */
export async function inTransaction<T>(ctx: ServerContext, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let touched = new Map<string, number>();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const uow = new UnitOfWork(trx, ctx);
    const r = await fn(uow);
    touched = await flushChanges(uow);
    await appendAudit(trx, uow.audits, uow.at);
    if (ctx.notifyChannel && touched.size > 0) {
      const entries = [...touched.entries()];
      // NOTIFY payloads are limited to 8000 bytes: send in slices.
      for (let i = 0; i < entries.length; i += 100) {
        const payload = JSON.stringify(Object.fromEntries(entries.slice(i, i + 100)));
        await sql`select pg_notify(${ctx.notifyChannel}, ${payload})`.execute(trx);
      }
    }
    return r;
  });
  if (touched.size > 0) ctx.onCommit(touched);
  return result;
}
