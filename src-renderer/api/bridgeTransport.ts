/**
 * The browser host's WebSocket bridge (frames in shared/ipc/bridge.ts). The per-launch token comes from the page
 * URL (?token=…) and is passed on the WebSocket URL; the socket reconnects with backoff and requests wait for it.
 */
import { decodeFrame, encodeFrame } from '../../shared/ipc/bridge.ts';
import { CoreEventSchema, type CoreEvent } from '../../shared/ipc/contract.ts';
import type { IpcResult } from '../../shared/ipc/define.ts';
import { isIpcResult, type Transport } from './transport.ts';

export interface BridgeOptions {
  url: string;
  /** Injected for tests; defaults to the global WebSocket. */
  WebSocketImpl?: typeof WebSocket;
  requestTimeoutMs?: number;
}

export function bridgeUrlFromLocation(loc: Location): string {
  const token = new URLSearchParams(loc.search).get('token') ?? '';
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/bridge?token=${encodeURIComponent(token)}`;
}

interface Pending { resolve: (r: IpcResult<unknown>) => void; timer: ReturnType<typeof setTimeout> }

export function bridgeTransport(opts: BridgeOptions): Transport {
  const WS = opts.WebSocketImpl ?? WebSocket;
  const timeoutMs = opts.requestTimeoutMs ?? 120_000;
  const listeners = new Set<(e: CoreEvent) => void>();
  const pending = new Map<number, Pending>();
  /** Frames waiting for an open socket. */
  const queue: { id: number; frame: string }[] = [];
  /** Ids written to the current socket and not answered yet. */
  const inFlight = new Set<number>();
  let socket: WebSocket | null = null;
  let open = false;
  let nextId = 1;
  let retry = 0;

  const settle = (id: number, result: IpcResult<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(id);
    inFlight.delete(id);
    p.resolve(result);
  };
  const fail = (id: number, message: string) => settle(id, { ok: false, error: { code: 'INTERNAL', message } });

  const send = (ws: WebSocket, id: number, frame: string) => {
    inFlight.add(id);
    ws.send(frame);
  };

  const connect = () => {
    const ws = new WS(opts.url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      retry = 0;
      for (const q of queue.splice(0)) if (pending.has(q.id)) send(ws, q.id, q.frame);
    };
    ws.onmessage = (msg: MessageEvent) => {
      let frame: unknown;
      try { frame = decodeFrame(String(msg.data)); } catch { return; }
      if (!frame || typeof frame !== 'object') return;
      const f = frame as { id?: unknown; result?: unknown; event?: unknown };
      if (typeof f.id === 'number' && isIpcResult(f.result)) settle(f.id, f.result);
      else if (f.event !== undefined) {
        const parsed = CoreEventSchema.safeParse(f.event);
        if (parsed.success) for (const cb of listeners) cb(parsed.data);
      }
    };
    ws.onclose = () => {
      open = false;
      socket = null;
      // Requests written to the dead socket cannot be answered; queued ones wait for the next socket.
      for (const id of [...inFlight]) fail(id, 'bridge closed');
      const delay = Math.min(5000, 200 * 2 ** retry++);
      setTimeout(connect, delay);
    };
  };

  return {
    invoke(channel, input) {
      if (!socket) connect();
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => fail(id, 'bridge timeout'), timeoutMs);
        pending.set(id, { resolve, timer });
        const frame = encodeFrame({ id, channel, input: input ?? {} });
        if (open && socket) send(socket, id, frame);
        else queue.push({ id, frame });
      });
    },
    onEvent(cb) {
      if (!socket) connect();
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
