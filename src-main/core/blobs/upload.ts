/**
 * Resumable, idempotent upload of a staged blob before the mutation that names it: ask the server how much it has
 * (/blobs/:sha/status), send the rest in BLOB_CHUNK_BYTES chunks, report progress as 'upload' events.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { BLOB_CHUNK_BYTES } from '../../../shared/schemas/blobs.ts';
import type { ServerApi } from '../net/api.ts';
import type { Db } from '../store/db.ts';
import type { BlobFiles } from './blobFiles.ts';

export interface UploadDeps {
  db: Db;
  api: ServerApi;
  files: BlobFiles;
  onProgress: (sha256: string, sent: number, total: number) => void;
}

interface BlobRow { sha256: string; name: string; size: number; uploaded: number; available: number }

export async function ensureUploaded(deps: UploadDeps, sha256: string): Promise<void> {
  const row = deps.db.prepare('SELECT sha256, name, size, uploaded, available FROM blobs WHERE sha256 = ?').get(sha256) as BlobRow | undefined;
  if (row?.uploaded) return;
  let status = await deps.api.blobStatus(sha256);
  if (!status.complete) {
    if (!row || !row.available || !deps.files.has(sha256)) throw new AppError('DOC_BLOB_MISSING', { sha256 });
    const fd = await fs.promises.open(deps.files.pathOf(sha256), 'r');
    try {
      let offset = status.received;
      deps.onProgress(sha256, offset, row.size);
      while (offset < row.size) {
        const len = Math.min(BLOB_CHUNK_BYTES, row.size - offset);
        const buf = new Uint8Array(len);
        const { bytesRead } = await fd.read(buf, 0, len, offset);
        if (bytesRead !== len) throw new AppError('DOC_BLOB_MISSING', { sha256, offset });
        status = await deps.api.putChunk(sha256, offset, row.size, row.name, buf);
        offset = status.complete ? row.size : status.received;
        deps.onProgress(sha256, offset, row.size);
      }
    } finally {
      await fd.close();
    }
    if (!status.complete) throw new AppError('BLOB_OFFSET_MISMATCH', { sha256, received: status.received });
  }
  deps.db.prepare('UPDATE blobs SET uploaded = 1 WHERE sha256 = ?').run(sha256);
}
