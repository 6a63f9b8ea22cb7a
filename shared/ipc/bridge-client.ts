/**
 * Renderer side of the browser host's WebSocket bridge, environment-free: give it anything shaped like a browser
 * WebSocket (the DOM one in the renderer, `ws` in Node tests). It speaks the frames of bridge.ts and offers the same
 * BridgeTransport shape as the Electron preload's window.api.
 */
import { BridgeAnswerSchema, BridgePushSchema, decodeFrame, encodeFrame, type BridgeTransport } from './bridge.ts';
import type { IpcResult } from './define.ts';

/** The subset of the WebSocket API the client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
}

const OPEN = 1;

export interface BridgeClient extends BridgeTransport {
  /** Resolves once the socket is open; rejects if it closes first (e.g. the upgrade was refused). */
  ready: Promise<void>;
  close(): void;
}

export function createBridgeClient(socket: WebSocketLike): BridgeClient {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, (r: IpcResult<unknown>) => void>();
  const listeners = new Set<(e: unknown) => void>();

  const ready = new Promise<void>((resolve, reject) => {
    if (socket.readyState === OPEN) resolve();
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('close', () => reject(new Error('bridge closed before it opened')));
  });
  ready.catch(() => undefined);

  const failAll = () => {
    closed = true;
    for (const answer of pending.values()) {
      answer({ ok: false, error: { code: 'SERVER_UNREACHABLE', message: 'bridge closed' } });
    }
    pending.clear();
  };
  socket.addEventListener('close', failAll);
  socket.addEventListener('message', (ev) => {
    if (typeof ev.data !== 'string') return;
    let frame: unknown;
    try {
      frame = decodeFrame(ev.data);
    } catch {
      return;
    }
    const answer = BridgeAnswerSchema.safeParse(frame);
    if (answer.success) {
      const resolve = pending.get(answer.data.id);
      pending.delete(answer.data.id);
      resolve?.(answer.data.result as IpcResult<unknown>);
      return;
    }
    const push = BridgePushSchema.safeParse(frame);
    if (push.success) for (const l of listeners) l(push.data.event);
  });

  return {
    ready,
    async invoke(channel, input) {
      await ready;
      if (closed || socket.readyState !== OPEN) {
        return { ok: false, error: { code: 'SERVER_UNREACHABLE', message: 'bridge closed' } };
      }
      const id = nextId++;
      return new Promise<IpcResult<unknown>>((resolve) => {
        pending.set(id, resolve);
        socket.send(encodeFrame({ id, channel, input }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      socket.close(1000, 'bye');
    },
  };
}
