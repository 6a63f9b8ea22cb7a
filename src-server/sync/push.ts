/**
 * POST /sync/push: each mutation takes effect exactly once. The processed id is inserted FIRST in the effect's
 * transaction (a concurrent duplicate waits on the unique key, then fails and reads the stored result); a replay
 * returns the stored first result. Permanent errors (AppError) are stored as `rejected` so they never block the queue.
 */
import { AppError } from '../../shared/errors.ts';
import { MutationSchema, type MutationResult } from '../../shared/sync/protocol.ts';
import { MutationResultSchema } from '../../shared/sync/protocol.ts';
import type { Actor, ServerContext } from '../context.ts';
import { isUniqueViolation } from '../db/database.ts';
import { applyMutation } from './handlers.ts';
import { inTransaction } from './unitOfWork.ts';

async function storedResult(ctx: ServerContext, unit: string, id: string): Promise<MutationResult | null> {
  const row = await ctx.db.selectFrom('processed_mutations').select('result').where('unit_code', '=', unit).where('mutation_id', '=', id).executeTakeFirst();
  return row ? MutationResultSchema.parse(JSON.parse(row.result)) : null;
}

function rejection(id: string, e: AppError): MutationResult {
  return { id, status: 'rejected', error: e.toBody() };
}

async function storeRejection(ctx: ServerContext, actor: Actor, id: string, type: string, result: MutationResult): Promise<MutationResult> {
  try {
    await inTransaction(ctx, async (uow) => {
      await uow.trx.insertInto('processed_mutations').values({
        unit_code: actor.unitCode, mutation_id: id, type, result: JSON.stringify(result), created_at: uow.at,
      }).execute();
      uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'mutation.rejected', entity: 'mutation', entityId: id, content: result });
    });
    return result;
  } catch (e) {
    if (isUniqueViolation(e)) return (await storedResult(ctx, actor.unitCode, id)) ?? result;
    throw e;
  }
}

export async function pushOne(ctx: ServerContext, actor: Actor, raw: unknown): Promise<MutationResult> {
  const parsed = MutationSchema.safeParse(raw);
  if (!parsed.success) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId.slice(0, 64) : '';
    const err = new AppError('VALIDATION_FAILED', parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
    return rejection(id, err);
  }
  const m = parsed.data;
  const earlier = await storedResult(ctx, actor.unitCode, m.id);
  if (earlier) return earlier;
  const applied: MutationResult = { id: m.id, status: 'applied' };
  try {
    await inTransaction(ctx, async (uow) => {
      await uow.trx.insertInto('processed_mutations').values({
        unit_code: actor.unitCode, mutation_id: m.id, type: m.type, result: JSON.stringify(applied), created_at: uow.at,
      }).execute();
      await applyMutation(uow, actor, m);
    });
    return applied;
  } catch (e) {
    if (isUniqueViolation(e)) {
      const stored = await storedResult(ctx, actor.unitCode, m.id);
      if (stored) return stored;
    }
    if (e instanceof AppError) return storeRejection(ctx, actor, m.id, m.type, rejection(m.id, e));
    throw e;
  }
}

export async function push(ctx: ServerContext, actor: Actor, mutations: readonly unknown[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const raw of mutations) results.push(await pushOne(ctx, actor, raw));
  return results;
}
