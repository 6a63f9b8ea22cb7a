/**
 * Live channel: WebSocket /live?token=…; the server only pokes (hello / poke / ping) and the client pulls.
 * Reconnects with back-off; a connection silent for longer than 2.5 heartbeats is considered dead.
 */
import WebSocket from 'ws';
import { LIVE_HEARTBEAT_MS, LiveMessageSchema, type LiveChangesMessage, type LiveMessage } from '../../../shared/sync/protocol.ts';
import { backoffDelay } from './backoff.ts';

export interface LiveDeps {
  url: () => string;
  enabled: () => boolean;
  onMessage: (m: Exclude<LiveMessage, LiveChangesMessage>) => void;
  /** The server sent the entries a commit appended to the stream (validated per change when applied). */
  onChanges?: (m: LiveChangesMessage) => void;
  onState: (connected: boolean) => void;
  /** The server refused the token (401 on upgrade). */
  onUnauthorized: () => void;
}

export class LiveChannel {
  private ws: WebSocket | null = null;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  connected = false;

  constructor(private readonly deps: LiveDeps, private readonly heartbeatTimeoutMs = LIVE_HEARTBEAT_MS * 2.5) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.drop();
  }

  /** Reconnect now (e.g. when the cable is plugged back in). */
  restart(): void {
    this.failures = 0;
    this.clearTimers();
    this.drop();
    if (!this.stopped) this.connect();
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.reconnectTimer = null;
    this.heartbeatTimer = null;
  }

  private drop(): void {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
    }
    this.setConnected(false);
  }

  private setConnected(v: boolean): void {
    if (this.connected !== v) {
      this.connected = v;
      this.deps.onState(v);
    }
  }

  private armHeartbeat(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      this.drop();
      this.scheduleReconnect();
    }, this.heartbeatTimeoutMs);
    this.heartbeatTimer.unref();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = backoffDelay(this.failures++, 500, 30_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private connect(): void {
    if (this.stopped || this.ws) return;
    if (!this.deps.enabled()) return; // offline: plugged back in → restart()
    const ws = new WebSocket(this.deps.url(), { handshakeTimeout: 10_000 });
    this.ws = ws;
    ws.on('open', () => {
      this.failures = 0;
      this.setConnected(true);
      this.armHeartbeat();
    });
    ws.on('message', (raw) => {
      this.armHeartbeat();
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(raw));
      } catch {
        return;
      }
      const m = LiveMessageSchema.safeParse(parsed);
      if (!m.success) return;
      if (m.data.type === 'changes') this.deps.onChanges?.(m.data);
      else this.deps.onMessage(m.data);
    });
    ws.on('unexpected-response', (_req, res) => {
      if (res.statusCode === 401) this.deps.onUnauthorized();
      this.drop();
      this.scheduleReconnect();
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
      this.setConnected(false);
      this.scheduleReconnect();
    });
  }
}
