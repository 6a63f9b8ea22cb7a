/**
 * One write transaction: the effect, the change-stream entries it produces, and its audit entries, committed together.
 * Stream counters are locked in sorted unit order (no deadlocks on PG; the row locks held to commit keep each unit's
 * stream in commit order) and bumped in one statement; then the audit head; on PG a NOTIFY rides the same commit.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ServerContext, StreamEntry } from '../context.ts';
import { appendAudit, type AuditEntry } from '../audit/chain.ts';
import { ChangeSchema, type ChangeBody } from '../../shared/sync/protocol.ts';

interface PendingChange { units: string[]; change: ChangeBody; entityId: string }
export interface UowMark { changes: number; audits: number }

export class UnitOfWork {
  readonly changes: PendingChange[] = [];
  readonly audits: AuditEntry[] = [];
  readonly at: string;
  constructor(readonly trx: Kysely<Database>, readonly ctx: ServerContext) {
    this.at = ctx.now().toISOString();
  }
  /** Appends the entity's current state to the streams of these units (in call order). */
  emit(units: readonly string[], change: ChangeBody, entityId: string): void {
    // Validated once on write, so pulls can serve the stored JSON without re-checking it.
    const { seq: _seq, ...checked } = ChangeSchema.parse({ seq: 1, ...change });
    this.changes.push({ units: [...new Set(units)], change: checked, entityId });
  }
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }
  /** `SELECT … FOR UPDATE` on PostgreSQL; SQLite transactions are already serialised. */
  get lockRows(): boolean {
    return this.ctx.dialect === 'postgres';
  }
  mark(): UowMark {
    return { changes: this.changes.length, audits: this.audits.length };
  }
  /** Forgets what was emitted after `m` (the SQL side is undone with ROLLBACK TO SAVEPOINT). */
  rollbackTo(m: UowMark): void {
    this.changes.length = m.changes;
    this.audits.length = m.audits;
  }
}

const INSERT_CHUNK = 400;

export interface Committed { touched: Map<string, number>; entries: Map<string, StreamEntry[]> }

async function flushChanges(uow: UnitOfWork): Promise<Committed> {
  const perUnit = new Map<string, { change: ChangeBody; entityId: string }[]>();
  for (const p of uow.changes) {
    for (const u of p.units) {
      const list = perUnit.get(u) ?? [];
      list.push({ change: p.change, entityId: p.entityId });
      perUnit.set(u, list);
    }
  }
  const touched = new Map<string, number>();
  const entries = new Map<string, StreamEntry[]>();
  if (perUnit.size === 0) return { touched, entries };
  const units = [...perUnit.keys()].sort();
  const trx = uow.trx;
  await trx.insertInto('streams').values(units.map((u) => ({ unit_code: u, last_seq: 0 })))
    .onConflict((oc) => oc.column('unit_code').doNothing()).execute();
  if (uow.lockRows) {
    await trx.selectFrom('streams').select('unit_code').where('unit_code', 'in', units).orderBy('unit_code').forUpdate().execute();
  }
  const cases = sql.join(units.map((u) => sql`when ${u} then cast(${perUnit.get(u)!.length} as integer)`), sql` `);
  const bumped = await sql<{ unit_code: string; last_seq: number }>`update streams set last_seq = last_seq + case unit_code ${cases} end
    where unit_code in (${sql.join(units)}) returning unit_code, last_seq`.execute(trx);
  const rows: Database['changes'][] = [];
  const jsonOf = new Map<ChangeBody, string>();
  for (const r of bumped.rows) {
    const list = perUnit.get(r.unit_code)!;
    const last = Number(r.last_seq);
    const first = last - list.length + 1;
    const unitEntries: StreamEntry[] = [];
    list.forEach((c, i) => {
      const data = jsonOf.get(c.change) ?? JSON.stringify(c.change.data);
      jsonOf.set(c.change, data); // one serialisation per change, however many streams it goes to
      rows.push({ unit_code: r.unit_code, seq: first + i, entity: c.change.entity, entity_id: c.entityId, data });
      unitEntries.push({ seq: first + i, entity: c.change.entity, data });
    });
    touched.set(r.unit_code, last);
    entries.set(r.unit_code, unitEntries);
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('changes').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  return { touched, entries };
}

/** Writes the streams, the audit entries and the NOTIFY of a unit of work; call last, inside its transaction. */
export async function finishUnitOfWork(uow: UnitOfWork): Promise<Committed> {
  const committed = await flushChanges(uow);
  const touched = committed.touched;
  await appendAudit(uow.trx, uow.audits, uow.at, uow.lockRows);
  const channel = uow.ctx.notifyChannel;
  if (channel && touched.size > 0) {
    const entries = [...touched.entries()];
    // NOTIFY payloads are limited to 8000 bytes: send in slices.
    for (let i = 0; i < entries.length; i += 100) {
      const payload = JSON.stringify(Object.fromEntries(entries.slice(i, i + 100)));
      await sql`select pg_notify(${channel}, ${payload})`.execute(uow.trx);
    }
  }
  return committed;
}

/** Runs `fn` in a transaction with its stream entries and audit entries; pokes live clients after commit. */
export async function inTransaction<T>(ctx: ServerContext, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let committed: Committed | null = null;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const uow = new UnitOfWork(trx, ctx);
    const r = await fn(uow);
    committed = await finishUnitOfWork(uow);
    return r;
  });
  const c = committed as Committed | null;
  if (c && c.touched.size > 0) ctx.onCommit(c.touched, c.entries);
  return result;
}
