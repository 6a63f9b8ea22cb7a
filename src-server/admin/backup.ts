/**
 * Backup and restore of the whole store as NDJSON (portable between SQLite and PostgreSQL): a header line, then one
 * line per row. Restore replaces everything in one transaction and sets a NEW epoch, so every client drops its
 * replica and pulls again (a restored server may have lost changes the clients saw).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ALL_TABLES, type Database } from '../db/schema.ts';
import { LATEST_VERSION } from '../db/migrations/index.ts';
import type { ServerContext } from '../context.ts';
import { setNewEpoch } from '../sync/epoch.ts';
import { appendAudit } from '../audit/chain.ts';
import { protectAuditLog, unprotectAuditLog } from '../audit/protection.ts';

type Table = (typeof ALL_TABLES)[number];
const FORMAT = 'xietong-server-backup';

const HeaderSchema = z.strictObject({
  format: z.literal(FORMAT), schemaVersion: z.number().int(), createdAt: z.string(), epoch: z.string().nullable(),
});
const LineSchema = z.strictObject({ t: z.enum(ALL_TABLES), r: z.record(z.string(), z.unknown()) });

function encode(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) || v instanceof Uint8Array ? { $b64: Buffer.from(v).toString('base64') } : v;
  return out;
}
function decode(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v && typeof v === 'object' && '$b64' in v ? Buffer.from(String((v as { $b64: unknown }).$b64), 'base64') : v;
  }
  return out;
}

export async function backup(ctx: ServerContext, file: string): Promise<{ rows: number }> {
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const write = async (line: unknown) => {
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  };
  let rows = 0;
  // One read transaction: a consistent snapshot on PostgreSQL (repeatable read) and on SQLite.
  await ctx.db.transaction().setIsolationLevel(ctx.dialect === 'postgres' ? 'repeatable read' : 'serializable').execute(async (trx) => {
    const epoch = await trx.selectFrom('meta').select('value').where('key', '=', 'epoch').executeTakeFirst();
    await write({ format: FORMAT, schemaVersion: LATEST_VERSION, createdAt: ctx.now().toISOString(), epoch: epoch?.value ?? null });
    for (const t of ALL_TABLES) {
      const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      if (t === 'blob_parts') {
        const keys = await trx.selectFrom('blob_parts').select(['owner', 'pos']).orderBy('owner').orderBy('pos').execute();
        for (const k of keys) {
          const r = await trx.selectFrom('blob_parts').selectAll().where('owner', '=', k.owner).where('pos', '=', k.pos).executeTakeFirstOrThrow();
          await write({ t, r: encode(r as unknown as Record<string, unknown>) });
          rows += 1;
        }
        continue;
      }
      for (const r of await db.selectFrom(t).selectAll().execute()) {
        await write({ t, r: encode(r) });
        rows += 1;
      }
    }
  });
  out.end();
  await once(out, 'finish');
  return { rows };
}

export async function restore(ctx: ServerContext, file: string): Promise<{ rows: number; epoch: string }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  const iter = lines[Symbol.asyncIterator]();
  const first = await iter.next();
  if (first.done) throw new Error('empty backup file');
  const header = HeaderSchema.parse(JSON.parse(first.value));
  if (header.schemaVersion > LATEST_VERSION) throw new Error(`backup schema ${header.schemaVersion} is newer than this server (${LATEST_VERSION})`);
  let rows = 0;
  const epoch = await ctx.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await unprotectAuditLog(trx, ctx.dialect); // the one place the audit log may be replaced; restored below
    for (const t of [...ALL_TABLES].reverse()) await db.deleteFrom(t).execute();
    let batch: Record<string, unknown>[] = [];
    let batchTable: Table | null = null;
    const flush = async () => {
      if (batchTable && batch.length > 0) await db.insertInto(batchTable).values(batch).execute();
      batch = [];
    };
    for (let next = await iter.next(); !next.done; next = await iter.next()) {
      if (!next.value.trim()) continue;
      const { t, r } = LineSchema.parse(JSON.parse(next.value));
      if (t !== batchTable || batch.length >= (t === 'blob_parts' ? 1 : 200)) { await flush(); batchTable = t; }
      batch.push(decode(r));
      rows += 1;
    }
    await flush();
    await protectAuditLog(trx, ctx.dialect);
    const fresh = await setNewEpoch(trx as unknown as Kysely<Database>);
    await appendAudit(trx as unknown as Kysely<Database>, [{
      actorUserId: null, actorUnit: null, action: 'admin.restore', entity: 'store', entityId: null,
      content: { backupCreatedAt: header.createdAt, previousEpoch: header.epoch, epoch: fresh, rows },
    }], ctx.now().toISOString(), ctx.dialect === 'postgres');
    return fresh;
  });
  return { rows, epoch };
}
