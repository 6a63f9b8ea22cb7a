/**
 * Content-addressed blob store in the database (every server process on one PostgreSQL sees the same bytes).
 * Uploads are per unit, resumable (offset must equal what was received) and idempotent; the last chunk triggers
 * the SHA-256 check and type-by-content check; storage is shared across units (one copy per hash).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { detectFileKind } from '../../shared/domain/fileKind.ts';
import { MAX_BLOB_BYTES, type BlobKind, type BlobStatus } from '../../shared/schemas/blobs.ts';
import type { Actor, ServerContext } from '../context.ts';
import { isUniqueViolation } from '../db/database.ts';
import { inTransaction } from '../sync/unitOfWork.ts';
import { grantBlobAccess, hasBlobAccess } from './access.ts';

const pendingOwner = (unit: string, sha: string) => `${unit}/${sha}`;

async function completeStatus(ctx: ServerContext, actor: Actor, sha: string): Promise<BlobStatus | null> {
  const blob = await ctx.db.selectFrom('blobs').select(['size', 'kind']).where('sha256', '=', sha).executeTakeFirst();
  if (!blob || !(await hasBlobAccess(ctx.db, sha, actor.unitCode))) return null;
  const size = Number(blob.size);
  return { sha256: sha, size, received: size, complete: true, kind: blob.kind as BlobKind };
}

export async function blobStatus(ctx: ServerContext, actor: Actor, sha: string): Promise<BlobStatus> {
  const done = await completeStatus(ctx, actor, sha);
  if (done) return done;
  const up = await ctx.db.selectFrom('blob_uploads').select(['size', 'received']).where('unit_code', '=', actor.unitCode).where('sha256', '=', sha).executeTakeFirst();
  return { sha256: sha, size: up ? Number(up.size) : 0, received: up ? Number(up.received) : 0, complete: false, kind: null };
}

async function discardUpload(ctx: ServerContext, unit: string, sha: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('blob_parts').where('owner', '=', pendingOwner(unit, sha)).execute();
    await trx.deleteFrom('blob_uploads').where('unit_code', '=', unit).where('sha256', '=', sha).execute();
  });
}

export interface PutChunk { offset: number; size: number; name: string }

export async function putChunk(ctx: ServerContext, actor: Actor, sha: string, q: PutChunk, chunk: Buffer): Promise<BlobStatus> {
  if (q.size > MAX_BLOB_BYTES) throw new AppError('BLOB_TOO_LARGE', { max: MAX_BLOB_BYTES });
  const done = await completeStatus(ctx, actor, sha);
  if (done) return done;
  const unit = actor.unitCode;
  let up = await ctx.db.selectFrom('blob_uploads').selectAll().where('unit_code', '=', unit).where('sha256', '=', sha).executeTakeFirst();
  if (up && Number(up.size) !== q.size && q.offset === 0) {
    await discardUpload(ctx, unit, sha);
    up = undefined;
  }
  const received = up ? Number(up.received) : 0;
  if (up && Number(up.size) !== q.size) throw new AppError('VALIDATION_FAILED', { reason: 'size differs from the upload in progress', size: Number(up.size) });
  if (q.offset !== received) throw new AppError('BLOB_OFFSET_MISMATCH', { received });
  if (chunk.length === 0 || q.offset + chunk.length > q.size) throw new AppError('VALIDATION_FAILED', { reason: 'chunk does not fit the declared size' });
  if (!up && q.offset === 0 && chunk.length === q.size) return storeWhole(ctx, actor, sha, q.name, chunk);
  const at = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!up) {
        await trx.insertInto('blob_uploads').values({ unit_code: unit, sha256: sha, size: q.size, name: q.name, received: 0, created_at: at, updated_at: at }).execute();
      }
      await trx.insertInto('blob_parts').values({ owner: pendingOwner(unit, sha), pos: q.offset, length: chunk.length, data: chunk }).execute();
      const res = await trx.updateTable('blob_uploads').set({ received: q.offset + chunk.length, name: q.name, updated_at: at })
        .where('unit_code', '=', unit).where('sha256', '=', sha).where('received', '=', q.offset).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('BLOB_OFFSET_MISMATCH', { received });
    });
  } catch (e) {
    // A concurrent chunk at the same offset won: report where the upload stands.
    if (isUniqueViolation(e)) throw new AppError('BLOB_OFFSET_MISMATCH', { received: (await blobStatus(ctx, actor, sha)).received });
    throw e;
  }
  if (q.offset + chunk.length < q.size) return { sha256: sha, size: q.size, received: q.offset + chunk.length, complete: false, kind: null };
  return finalize(ctx, actor, sha, q.size, q.name);
}

/**
 * The whole blob in one PUT (the common case: files up to BLOB_CHUNK_BYTES): checked in memory and stored once under
 * its hash, instead of written as a pending part, read back for the check and re-keyed.
 */
async function storeWhole(ctx: ServerContext, actor: Actor, sha: string, name: string, data: Buffer): Promise<BlobStatus> {
  if (createHash('sha256').update(data).digest('hex') !== sha) throw new AppError('BLOB_HASH_MISMATCH');
  const kind = detectFileKind(new Uint8Array(data.buffer, data.byteOffset, Math.min(data.length, 8192)), name);
  if (!kind) throw new AppError('BLOB_TYPE_REFUSED', { name });
  const size = data.length;
  await inTransaction(ctx, async (uow) => {
    const inserted = await uow.trx.insertInto('blobs').values({ sha256: sha, size, kind, created_at: uow.at })
      .onConflict((oc) => oc.column('sha256').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await uow.trx.insertInto('blob_parts').values({ owner: sha, pos: 0, length: size, data }).execute();
    }
    await grantBlobAccess(uow.trx, sha, [actor.unitCode], 'upload', uow.at);
    uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'blob.upload', entity: 'blob', entityId: sha, content: { sha256: sha, size, kind, name } });
  });
  const stored = await ctx.db.selectFrom('blobs').select('kind').where('sha256', '=', sha).executeTakeFirstOrThrow();
  return { sha256: sha, size, received: size, complete: true, kind: stored.kind as BlobKind };
}

async function* readParts(ctx: ServerContext, owner: string, from = 0, to = Number.MAX_SAFE_INTEGER): AsyncGenerator<Buffer> {
  const index = await ctx.db.selectFrom('blob_parts').select(['pos', 'length']).where('owner', '=', owner).orderBy('pos').execute();
  for (const p of index) {
    const pos = Number(p.pos);
    const end = pos + Number(p.length);
    if (end <= from || pos > to) continue;
    const row = await ctx.db.selectFrom('blob_parts').select('data').where('owner', '=', owner).where('pos', '=', pos).executeTakeFirstOrThrow();
    const data = Buffer.from(row.data);
    yield data.subarray(Math.max(0, from - pos), Math.min(data.length, to - pos + 1));
  }
}

async function finalize(ctx: ServerContext, actor: Actor, sha: string, size: number, name: string): Promise<BlobStatus> {
  const unit = actor.unitCode;
  const owner = pendingOwner(unit, sha);
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLen = 0;
  let total = 0;
  for await (const part of readParts(ctx, owner)) {
    hash.update(part);
    total += part.length;
    if (headLen < 8192) { headParts.push(part.subarray(0, 8192 - headLen)); headLen += Math.min(part.length, 8192 - headLen); }
  }
  if (total !== size || hash.digest('hex') !== sha) {
    await discardUpload(ctx, unit, sha);
    throw new AppError('BLOB_HASH_MISMATCH');
  }
  const kind = detectFileKind(new Uint8Array(Buffer.concat(headParts)), name);
  if (!kind) {
    await discardUpload(ctx, unit, sha);
    throw new AppError('BLOB_TYPE_REFUSED', { name });
  }
  await inTransaction(ctx, async (uow) => {
    const inserted = await uow.trx.insertInto('blobs').values({ sha256: sha, size, kind, created_at: uow.at })
      .onConflict((oc) => oc.column('sha256').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await uow.trx.updateTable('blob_parts').set({ owner: sha }).where('owner', '=', owner).execute();
    } else {
      await uow.trx.deleteFrom('blob_parts').where('owner', '=', owner).execute(); // already stored once: deduplicated
    }
    await uow.trx.deleteFrom('blob_uploads').where('unit_code', '=', unit).where('sha256', '=', sha).execute();
    await grantBlobAccess(uow.trx, sha, [unit], 'upload', uow.at);
    uow.audit({ actorUserId: actor.userId, actorUnit: unit, action: 'blob.upload', entity: 'blob', entityId: sha, content: { sha256: sha, size, kind, name } });
  });
  const stored = await ctx.db.selectFrom('blobs').select('kind').where('sha256', '=', sha).executeTakeFirstOrThrow();
  return { sha256: sha, size, received: size, complete: true, kind: stored.kind as BlobKind };
}

export interface BlobRead { size: number; start: number; end: number; partial: boolean; kind: BlobKind; body: AsyncGenerator<Buffer> }

/** Parses `bytes=a-b`, `bytes=a-`, `bytes=-n`; null means the whole blob. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new AppError('VALIDATION_FAILED', { reason: 'unsupported Range' });
  let start: number; let end: number;
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size - 1; }
  else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (start > end || start >= size) throw new AppError('VALIDATION_FAILED', { reason: 'Range not satisfiable', size });
  return { start, end };
}

export async function readBlob(ctx: ServerContext, actor: Actor, sha: string, rangeHeader: string | undefined): Promise<BlobRead> {
  const status = await completeStatus(ctx, actor, sha);
  if (!status) throw new AppError('NOT_FOUND');
  const range = parseRange(rangeHeader, status.size);
  const start = range?.start ?? 0;
  const end = range?.end ?? status.size - 1;
  return { size: status.size, start, end, partial: range !== null, kind: status.kind!, body: readParts(ctx, sha, start, end) };
}
