/**
 * The client core: createCore() opens the data directory, resumes a stored session (and starts syncing), and exposes
 * the IPC contract as typed handlers plus `invoke(channel, input)` for hosts (Electron IPC, browser host).
 * Node only — never imports electron.
 */
import { restoreNativeJson } from './nativeJson.ts'; // first: keeps the engine's JSON functions
import type { Contract, CoreEvent } from '../../shared/ipc/contract.ts';
import type { Handlers, IpcResult } from '../../shared/ipc/define.ts';
import { authHandlers } from './auth/authHandlers.ts';
import { fileHandlers } from './blobs/fileHandlers.ts';
import { CoreContext, type CoreOptions } from './context.ts';
import { directoryHandlers } from './directory/directoryHandlers.ts';
import { documentHandlers } from './documents/documentHandlers.ts';
import { meetingHandlers } from './meetings/meetingHandlers.ts';
import { EventHub } from './events.ts';
import { proposalHandlers } from './proposals/proposalHandlers.ts';
import { invoke } from './router.ts';
import { syncHandlers } from './sync/syncHandlers.ts';

export type { CoreOptions } from './context.ts';

export interface Core {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  handlers: Handlers<Contract>;
  onEvent(listener: (e: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  restoreNativeJson();
  const events = new EventHub();
  const ctx = new CoreContext(opts, events);
  const handlers: Handlers<Contract> = {
    auth: authHandlers(ctx),
    directory: directoryHandlers(ctx),
    documents: documentHandlers(ctx),
    files: fileHandlers(ctx),
    meetings: meetingHandlers(ctx),
    proposals: proposalHandlers(ctx),
    sync: syncHandlers(ctx),
  };
  const stored = ctx.sessionFiles.session();
  if (stored) await ctx.open(stored);
  let closed = false;
  return {
    invoke: (channel, input) => invoke(handlers, channel, input),
    handlers,
    onEvent: (listener) => events.on(listener),
    async close() {
      if (closed) return;
      closed = true;
      await ctx.closeProfile();
    },
  };
}
