import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { BLOB_CHUNK_BYTES, FileNameSchema, MAX_BLOB_BYTES } from '../../shared/schemas/blobs.ts';
import { Sha256Schema } from '../../shared/schemas/common.ts';
import type { ServerContext } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { blobStatus, putChunk, readBlob } from './store.ts';

/** Largest chunk body accepted by one PUT (the client sends BLOB_CHUNK_BYTES). */
export const MAX_CHUNK_BODY = 2 * BLOB_CHUNK_BYTES;

const ParamsSchema = z.strictObject({ sha256: Sha256Schema });
const PutQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_BLOB_BYTES),
  size: z.coerce.number().int().min(1),
  name: FileNameSchema,
});

export function blobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BODY }, (_req, body, done) => done(null, body));

  app.get('/blobs/:sha256/status', async (req) => {
    const { sha256 } = ParamsSchema.parse(req.params);
    return blobStatus(ctx, requireActor(req), sha256);
  });

  app.put('/blobs/:sha256', { bodyLimit: MAX_CHUNK_BODY }, async (req) => {
    const { sha256 } = ParamsSchema.parse(req.params);
    const q = PutQuerySchema.parse(req.query);
    if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION_FAILED', { reason: 'body must be application/octet-stream' });
    return putChunk(ctx, requireActor(req), sha256, q, req.body);
  });

  app.get('/blobs/:sha256', async (req, reply) => {
    const { sha256 } = ParamsSchema.parse(req.params);
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const blob = await readBlob(ctx, requireActor(req), sha256, range);
    reply.header('accept-ranges', 'bytes');
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-length', String(blob.end - blob.start + 1));
    reply.header('cache-control', 'private, max-age=31536000, immutable');
    if (blob.partial) {
      reply.code(206);
      reply.header('content-range', `bytes ${blob.start}-${blob.end}/${blob.size}`);
    }
    return reply.send(Readable.from(blob.body));
  });
}
