/** GET /sync/pull: the caller unit's changes after `cursor`, in stream order, validated against ChangeSchema. */
import { ChangeSchema, type PullResponse } from '../../shared/sync/protocol.ts';
import type { ServerContext } from '../context.ts';

export class EpochChangedError extends Error {
  constructor(readonly epoch: string) { super('epoch changed'); }
}

export async function pull(ctx: ServerContext, unit: string, epoch: string, q: { epoch?: string; cursor: number; limit: number }): Promise<PullResponse> {
  if (q.epoch !== undefined && q.epoch !== epoch) throw new EpochChangedError(epoch);
  const rows = await ctx.db.selectFrom('changes').select(['seq', 'entity', 'data'])
    .where('unit_code', '=', unit).where('seq', '>', q.cursor)
    .orderBy('seq').limit(q.limit + 1).execute();
  const hasMore = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const changes = page.map((r) => ChangeSchema.parse({ seq: Number(r.seq), entity: r.entity, data: JSON.parse(r.data) }));
  return { epoch, unit, changes, cursor: page.length > 0 ? Number(page[page.length - 1].seq) : q.cursor, hasMore };
}

export async function latestSeq(ctx: ServerContext, unit: string): Promise<number> {
  const row = await ctx.db.selectFrom('streams').select('last_seq').where('unit_code', '=', unit).executeTakeFirst();
  return row ? Number(row.last_seq) : 0;
}
