/**
 * GET /sync/pull: the caller unit's changes after `cursor`, in stream order. Stored changes were validated against
 * ChangeSchema when written (UnitOfWork.emit), so a page is assembled from the stored JSON text as is: no per-change
 * parse, re-validation or re-serialisation.
 */
import type { ServerContext } from '../context.ts';

export class EpochChangedError extends Error {
  constructor(readonly epoch: string) { super('epoch changed'); }
}

/** The pull response (PullResponse) as JSON text. */
export async function pullJson(ctx: ServerContext, unit: string, epoch: string, q: { epoch?: string; cursor: number; limit: number }): Promise<string> {
  if (q.epoch !== undefined && q.epoch !== epoch) throw new EpochChangedError(epoch);
  const rows = await ctx.db.selectFrom('changes').select(['seq', 'entity', 'data'])
    .where('unit_code', '=', unit).where('seq', '>', q.cursor)
    .orderBy('seq').limit(q.limit + 1).execute();
  const hasMore = rows.length > q.limit;
  const n = Math.min(rows.length, q.limit);
  const parts: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    parts[i] = `{"seq":${Number(r.seq)},"entity":${JSON.stringify(r.entity)},"data":${r.data}}`;
  }
  const cursor = n > 0 ? Number(rows[n - 1].seq) : q.cursor;
  return `{"epoch":${JSON.stringify(epoch)},"unit":${JSON.stringify(unit)},"changes":[${parts.join(',')}],"cursor":${cursor},"hasMore":${hasMore}}`;
}

export async function latestSeq(ctx: ServerContext, unit: string): Promise<number> {
  const row = await ctx.db.selectFrom('streams').select('last_seq').where('unit_code', '=', unit).executeTakeFirst();
  return row ? Number(row.last_seq) : 0;
}
