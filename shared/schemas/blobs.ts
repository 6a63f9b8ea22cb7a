import { z } from 'zod';
import { Sha256Schema, TextSchema } from './common.ts';

export const MAX_BLOB_BYTES = 100 * 1024 * 1024; // 100 MB per attachment
export const BLOB_CHUNK_BYTES = 4 * 1024 * 1024; // resumable upload chunk

export const BLOB_KINDS = ['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'png', 'jpeg', 'gif', 'tiff'] as const;
export const BlobKindSchema = z.enum(BLOB_KINDS);
export type BlobKind = z.infer<typeof BlobKindSchema>;

/** File names as stored: no path separators, no traversal, no control characters. */
export const FileNameSchema = TextSchema(200)
  .min(1)
  .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..' && !n.startsWith('.'), '文件名不合法');

/** A file attached to a record, referenced by its content hash. */
export const AttachmentRefSchema = z.strictObject({
  sha256: Sha256Schema,
  name: FileNameSchema,
  size: z.number().int().min(1).max(MAX_BLOB_BYTES),
  kind: BlobKindSchema,
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** Server answer to HEAD/status of a blob upload. */
export const BlobStatusSchema = z.strictObject({
  sha256: Sha256Schema,
  size: z.number().int().min(0),
  received: z.number().int().min(0),
  complete: z.boolean(),
  kind: BlobKindSchema.nullable(),
});
export type BlobStatus = z.infer<typeof BlobStatusSchema>;
