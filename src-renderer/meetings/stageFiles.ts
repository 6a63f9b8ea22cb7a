/** Stages picked files with the core (hash, type by content) and adds each to a list once; errors are shown, not thrown. */
import type { Dispatch, SetStateAction } from 'react';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import { getApi } from '../api/index.ts';
import { notifyError } from '../app/notifyError.ts';

export async function stageFiles(list: FileList | null, setFiles: Dispatch<SetStateAction<AttachmentRef[]>>): Promise<void> {
  for (const f of Array.from(list ?? [])) {
    try {
      const ref = await getApi().files.add({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
      setFiles((xs) => (xs.some((x) => x.sha256 === ref.sha256) ? xs : [...xs, ref]));
    } catch (e) {
      notifyError(e);
    }
  }
}
