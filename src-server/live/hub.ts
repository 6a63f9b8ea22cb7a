/**
 * Live pokes: each connected socket belongs to one unit; after a commit that advanced a unit's stream, that unit's
 * sockets get {type:'poke', unit, latestSeq}. On PostgreSQL the commit carries a NOTIFY and every server process
 * LISTENs, so a push handled by one process pokes sockets held by another. A ping goes out every heartbeat; at the
 * same tick, sockets whose session has ended (logout, expiry, disabled user or unit) are closed with code 4401.
 */
import pg from 'pg';
import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../shared/sync/protocol.ts';
import type { StreamEntry } from '../context.ts';
import type { FastifyBaseLogger } from 'fastify';

/** Returns which of these session token hashes are still valid. */
export type SessionCheck = (tokenHashes: string[]) => Promise<Set<string>>;
export const SESSION_ENDED_CLOSE_CODE = 4401;
/** Commits that append more than this to one stream are announced by poke only. */
const MAX_LIVE_CHANGES = 200;

export class LiveHub {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly tokens = new WeakMap<WebSocket, string>();
  checkSessions: SessionCheck | null = null;
  private readonly timer: NodeJS.Timeout;
  private listener: pg.Client | null = null;
  private closed = false;

  constructor(private readonly heartbeatMs: number, private readonly now: () => Date, private readonly log: FastifyBaseLogger | null) {
    this.timer = setInterval(() => { void this.heartbeat(); }, heartbeatMs);
    this.timer.unref();
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  private async heartbeat(): Promise<void> {
    if (this.checkSessions) {
      const all = [...this.sockets.values()].flatMap((set) => [...set]);
      try {
        const valid = await this.checkSessions([...new Set(all.map((s) => this.tokens.get(s) ?? ''))]);
        for (const s of all) if (!valid.has(this.tokens.get(s) ?? '')) s.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
      } catch (err) {
        this.log?.warn({ err }, 'live session check failed');
      }
    }
    this.broadcast({ type: 'ping', at: this.now().toISOString() });
  }

  add(unit: string, socket: WebSocket, tokenHash: string): void {
    this.tokens.set(socket, tokenHash);
    const set = this.sockets.get(unit) ?? new Set<WebSocket>();
    set.add(socket);
    this.sockets.set(unit, set);
    socket.on('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(unit) === set) this.sockets.delete(unit);
    });
  }

  send(socket: WebSocket, msg: LiveMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
  }

  /**
   * Sends each unit's new stream entries (a LiveChangesMessage, built from the stored JSON text once per unit) to that
   * unit's sockets, so clients at the previous cursor apply them without pulling. Large batches are left to the pull.
   */
  sendChanges(epoch: string, entries: ReadonlyMap<string, readonly StreamEntry[]>): void {
    for (const [unit, list] of entries) {
      const sockets = this.sockets.get(unit);
      if (!sockets || sockets.size === 0 || list.length === 0 || list.length > MAX_LIVE_CHANGES) continue;
      const changes = list.map((c) => `{"seq":${c.seq},"entity":${JSON.stringify(c.entity)},"data":${c.data}}`).join(',');
      const text = `{"type":"changes","epoch":${JSON.stringify(epoch)},"unit":${JSON.stringify(unit)},"after":${list[0].seq - 1},`
        + `"cursor":${list[list.length - 1].seq},"changes":[${changes}]}`;
      for (const s of sockets) if (s.readyState === s.OPEN) s.send(text);
    }
  }

  poke(touched: ReadonlyMap<string, number>): void {
    for (const [unit, latestSeq] of touched) {
      for (const s of this.sockets.get(unit) ?? []) this.send(s, { type: 'poke', unit, latestSeq });
    }
  }

  private broadcast(msg: LiveMessage): void {
    for (const set of this.sockets.values()) for (const s of set) this.send(s, msg);
  }

  /** PostgreSQL: LISTEN on the channel every process of this store NOTIFies on commit. */
  async listen(config: pg.ClientConfig, channel: string): Promise<void> {
    const client = new pg.Client(config);
    client.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      try {
        const touched = new Map<string, number>(Object.entries(JSON.parse(n.payload) as Record<string, number>));
        this.poke(touched);
      } catch (e) {
        this.log?.warn({ err: e }, 'bad live notification');
      }
    });
    client.on('error', (err) => {
      this.log?.error({ err }, 'live LISTEN connection failed; reconnecting');
      this.listener = null;
      if (!this.closed) setTimeout(() => { void this.listen(config, channel).catch(() => undefined); }, 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${channel}"`);
    this.listener = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const set of this.sockets.values()) for (const s of set) s.close(1001, 'server shutting down');
    this.sockets.clear();
    if (this.listener) await this.listener.end().catch(() => undefined);
  }
}
