/**
 * Sandboxed preload: exposes exactly the IPC contract as a frozen window.api — `invoke(channel, input)` for contract
 * channels only and `onEvent(cb)` for core events. No Electron object, no ipcRenderer, no Node API reaches the page.
 * Main re-checks the sender and the input of every message (security-policy.ts); this is the first of two gates.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract } from '../../shared/ipc/contract.ts';
import { channelNames, type IpcResult } from '../../shared/ipc/define.ts';
import { IPC_EVENT, IPC_INVOKE } from './ipc-channels.ts';

const CHANNELS: ReadonlySet<string> = new Set(channelNames(contract));

function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  if (typeof channel !== 'string' || !CHANNELS.has(channel)) {
    return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'unknown channel' } });
  }
  return ipcRenderer.invoke(IPC_INVOKE, channel, input) as Promise<IpcResult<unknown>>;
}

function onEvent(listener: (event: unknown) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(IPC_EVENT, handler);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT, handler);
  };
}

contextBridge.exposeInMainWorld(
  'api',
  Object.freeze({ invoke, onEvent, channels: Object.freeze([...CHANNELS]) }),
);
