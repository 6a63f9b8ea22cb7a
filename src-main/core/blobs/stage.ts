/**
 * Stages bytes as a content-addressed blob of the profile (dataDir/blobs/<sha256> + a `blobs` row, not yet uploaded):
 * size limit, type by content, PDF checks + text extraction. The sync push uploads it before the mutation naming it.
 */
import { AppError } from '../../../shared/errors.ts';
import { detectFileKind } from '../../../shared/domain/fileKind.ts';
import { MAX_BLOB_BYTES, type AttachmentRef } from '../../../shared/schemas/blobs.ts';
import { mapStorageError } from '../store/db.ts';
import type { Profile } from '../profile.ts';
import { sha256Hex } from './blobFiles.ts';
import { extractText } from './pdfText.ts';

export async function stageBlob(p: Pick<Profile, 'db' | 'files'>, name: string, data: Uint8Array): Promise<AttachmentRef> {
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
}
