/** What a host needs from the client core (structurally the Core returned by createCore in src-main/core). */
import type { IpcResult } from '../../shared/ipc/define.ts';
import type { CoreEvent } from '../../shared/ipc/contract.ts';

export interface CorePort {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (e: CoreEvent) => void): () => void;
  close(): Promise<void>;
}
