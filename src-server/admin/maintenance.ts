/**
 * Housekeeping every server process runs at start and then hourly: abandoned partial uploads (and their bytes) and
 * long-expired sessions are deleted. Complete blobs, documents and change streams are never pruned here.
 */
import type { ServerContext } from '../context.ts';

export const STALE_UPLOAD_MS = 7 * 24 * 3600_000;
export const OLD_SESSION_MS = 30 * 24 * 3600_000;

export async function pruneStale(ctx: ServerContext): Promise<{ uploads: number; sessions: number }> {
  const now = ctx.now().getTime();
  const uploadCutoff = new Date(now - STALE_UPLOAD_MS).toISOString();
  const sessionCutoff = new Date(now - OLD_SESSION_MS).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const stale = await trx.selectFrom('blob_uploads').select(['unit_code', 'sha256']).where('updated_at', '<', uploadCutoff).execute();
    for (const u of stale) {
      await trx.deleteFrom('blob_parts').where('owner', '=', `${u.unit_code}/${u.sha256}`).execute();
      await trx.deleteFrom('blob_uploads').where('unit_code', '=', u.unit_code).where('sha256', '=', u.sha256).execute();
    }
    const s = await trx.deleteFrom('sessions').where('expires_at', '<', sessionCutoff).executeTakeFirst();
    return { uploads: stale.length, sessions: Number(s.numDeletedRows) };
  });
}

/** Runs `pruneStale` now and every hour; returns a stop function. */
export function schedulePruning(ctx: ServerContext, onError: (e: unknown) => void): () => void {
  const run = () => { pruneStale(ctx).catch(onError); };
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
