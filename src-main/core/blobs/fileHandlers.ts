/**
 * files.add stages a picked file: size limit, type by content, hash, PDF checks + text extraction, bytes written to
 * dataDir/blobs/<sha256>. files.read returns the bytes, downloading them first when they are not here yet.
 */
import { AppError } from '../../../shared/errors.ts';
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import { BlobKindSchema } from '../../../shared/schemas/blobs.ts';
import type { CoreContext } from '../context.ts';
import { stageBlob } from './stage.ts';

export function fileHandlers(ctx: CoreContext): Handlers<Contract>['files'] {
  return {
    add: ({ name, data }) => stageBlob(ctx.requireProfile(), name, data),
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
