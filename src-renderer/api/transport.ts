/** How a request reaches the core: Electron's preload (window.api) or the browser host's WebSocket bridge. */
import type { IpcResult } from '../../shared/ipc/define.ts';
import { CoreEventSchema, type CoreEvent } from '../../shared/ipc/contract.ts';

export interface Transport {
  /** Sends one request; resolves with the wire envelope (never rejects for an operation error). */
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(cb: (event: CoreEvent) => void): () => void;
}

/** What the Electron preload exposes as window.api. */
export interface PreloadApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onEvent(cb: (event: unknown) => void): (() => void) | void;
}

export function isIpcResult(x: unknown): x is IpcResult<unknown> {
  if (!x || typeof x !== 'object') return false;
  const r = x as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && !!r.error && typeof r.error === 'object';
}

export function preloadTransport(preload: PreloadApi): Transport {
  return {
    async invoke(channel, input) {
      const result = await preload.invoke(channel, input);
      return isIpcResult(result) ? result : { ok: false, error: { code: 'INTERNAL', message: 'malformed reply' } };
    },
    onEvent(cb) {
      // Events are checked like every other input crossing into the page.
      const off = preload.onEvent((raw) => {
        const parsed = CoreEventSchema.safeParse(raw);
        if (parsed.success) cb(parsed.data);
      });
      return typeof off === 'function' ? off : () => undefined;
    },
  };
}
