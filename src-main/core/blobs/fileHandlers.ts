/**
 * files.add stages a picked file: size limit, type by content, hash, PDF checks + text extraction, bytes written to
 * dataDir/blobs/<sha256>. files.read returns the bytes, downloading them first when they are not here yet.
 */
import { AppError } from '../../../shared/errors.ts';
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import { detectFileKind } from '../../../shared/domain/fileKind.ts';
import { BlobKindSchema, MAX_BLOB_BYTES } from '../../../shared/schemas/blobs.ts';
import { mapStorageError } from '../store/db.ts';
import type { CoreContext } from '../context.ts';
import { sha256Hex } from './blobFiles.ts';
import { extractText } from './pdfText.ts';

export function fileHandlers(ctx: CoreContext): Handlers<Contract>['files'] {
  return {
    async add({ name, data }) {
      const p = ctx.requireProfile();
      if (data.byteLength > MAX_BLOB_BYTES) throw new AppError('BLOB_TOO_LARGE', { size: data.byteLength, max: MAX_BLOB_BYTES });
      if (data.byteLength === 0) throw new AppError('BLOB_TYPE_REFUSED', { size: 0 });
      const kind = detectFileKind(data.subarray(0, 8192), name);
      if (!kind) throw new AppError('BLOB_TYPE_REFUSED', { name });
      const sha256 = sha256Hex(data);
      const text = kind === 'pdf' ? await extractText(data) : null; // throws PDF_BROKEN / PDF_ENCRYPTED
      const file = await p.files.write(sha256, data);
      try {
        p.db.prepare(`INSERT INTO blobs (sha256, name, kind, size, path, uploaded, available, text, pages) VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?)
          ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, available = 1, text = COALESCE(excluded.text, blobs.text), pages = COALESCE(excluded.pages, blobs.pages)`).run(
          sha256, name, kind, data.byteLength, file, text?.text ?? null, text ? JSON.stringify(text.pages) : null,
        );
      } catch (e) {
        throw mapStorageError(e);
      }
      return { sha256, name, size: data.byteLength, kind };
    },
    async read({ sha256 }) {
      const p = ctx.requireProfile();
      const row = p.db.prepare('SELECT kind, available FROM blobs WHERE sha256 = ?').get(sha256) as { kind: string; available: number } | undefined;
      // Only blobs this profile staged or received a record naming: another unit's hash is simply unknown here.
      if (!row) throw new AppError('NOT_FOUND', { sha256 });
      if (!row.available || !p.files.has(sha256)) {
        if (ctx.offline) throw new AppError('SYNC_OFFLINE');
        await p.downloads.fetch(sha256);
      }
      return { sha256, kind: BlobKindSchema.parse(row.kind), data: await p.files.read(sha256) };
    },
  };
}
