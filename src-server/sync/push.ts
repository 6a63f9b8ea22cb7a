/**
 * POST /sync/push: each mutation takes effect exactly once. A push runs in ONE transaction with a savepoint per
 * mutation: the processed id is inserted first (a concurrent duplicate waits on the unique key, then fails and reads
 * the stored result), then the effect. A permanent error (AppError) rolls back to the savepoint and is stored as
 * `rejected`, so it never blocks the queue; a replay returns the stored first result. Anything else aborts the whole
 * push and nothing is acknowledged (the client retries).
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/errors.ts';
import { MutationResultSchema, MutationSchema, type Mutation, type MutationResult } from '../../shared/sync/protocol.ts';
import type { Actor, ServerContext } from '../context.ts';
import { isUniqueViolation } from '../db/database.ts';
import { applyMutation } from './handlers.ts';
import { finishUnitOfWork, UnitOfWork, type Committed } from './unitOfWork.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

async function storedResults(db: Kysely<Database>, unit: string, ids: string[]): Promise<Map<string, MutationResult>> {
  const out = new Map<string, MutationResult>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('processed_mutations').select(['mutation_id', 'result'])
    .where('unit_code', '=', unit).where('mutation_id', 'in', ids).execute();
  for (const r of rows) out.set(r.mutation_id, MutationResultSchema.parse(JSON.parse(r.result)));
  return out;
}

function invalid(raw: unknown, issues: { path: PropertyKey[]; message: string }[]): MutationResult {
  const rawId = (raw as { id?: unknown } | null)?.id;
  const err = new AppError('VALIDATION_FAILED', issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  return { id: typeof rawId === 'string' ? rawId.slice(0, 64) : '', status: 'rejected', error: err.toBody() };
}

async function record(uow: UnitOfWork, actor: Actor, m: Mutation, result: MutationResult): Promise<void> {
  await uow.trx.insertInto('processed_mutations').values({
    unit_code: actor.unitCode, mutation_id: m.id, type: m.type, result: JSON.stringify(result), created_at: uow.at,
  }).execute();
}

/** Applies one mutation inside the push transaction, isolated by a savepoint. */
async function applyOne(uow: UnitOfWork, actor: Actor, m: Mutation): Promise<MutationResult> {
  const mark = uow.mark();
  await sql`savepoint mutation`.execute(uow.trx);
  try {
    const applied: MutationResult = { id: m.id, status: 'applied' };
    await record(uow, actor, m, applied);
    await applyMutation(uow, actor, m);
    await sql`release savepoint mutation`.execute(uow.trx);
    return applied;
  } catch (e) {
    await sql`rollback to savepoint mutation`.execute(uow.trx);
    await sql`release savepoint mutation`.execute(uow.trx);
    uow.rollbackTo(mark);
    if (isUniqueViolation(e)) {
      const stored = (await storedResults(uow.trx, actor.unitCode, [m.id])).get(m.id);
      if (stored) return stored;
    }
    if (!(e instanceof AppError)) throw e;
    const rejected: MutationResult = { id: m.id, status: 'rejected', error: e.toBody() };
    await record(uow, actor, m, rejected);
    uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'mutation.rejected', entity: 'mutation', entityId: m.id, content: rejected });
    return rejected;
  }
}

export async function push(ctx: ServerContext, actor: Actor, raws: readonly unknown[]): Promise<MutationResult[]> {
  const results: (MutationResult | null)[] = raws.map(() => null);
  const valid: { i: number; m: Mutation }[] = [];
  raws.forEach((raw, i) => {
    const parsed = MutationSchema.safeParse(raw);
    if (parsed.success) valid.push({ i, m: parsed.data });
    else results[i] = invalid(raw, parsed.error.issues);
  });
  const earlier = await storedResults(ctx.db, actor.unitCode, [...new Set(valid.map((v) => v.m.id))]);
  const todo = valid.filter(({ i, m }) => {
    const stored = earlier.get(m.id);
    if (stored) results[i] = stored;
    return !stored;
  });
  if (todo.length > 0) {
    let committed: Committed | null = null;
    await ctx.db.transaction().execute(async (trx) => {
      const uow = new UnitOfWork(trx, ctx);
      for (const { i, m } of todo) results[i] = await applyOne(uow, actor, m);
      committed = await finishUnitOfWork(uow);
    });
    const c = committed as Committed | null;
    if (c && c.touched.size > 0) ctx.onCommit(c.touched, c.entries);
  }
  return results.map((r) => r!);
}
