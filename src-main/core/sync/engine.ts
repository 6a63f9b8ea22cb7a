/**
 * The sync engine of one signed-in profile: push the outbox, then pull the stream; retried with back-off on a timer
 * that needs no new write, immediately on reconnect, on every live poke, and by polling every 30 s while the live
 * channel is down. Emits 'sync' when the status changes and 'changed' / 'notify' after applying data.
 */
import { AppError } from '../../../shared/errors.ts';
import type { SyncStatus } from '../../../shared/ipc/contract.ts';
import { isTransient, type ServerApi } from '../net/api.ts';
import type { Db } from '../store/db.ts';
import type { EventHub } from '../events.ts';
import type { BlobFiles } from '../blobs/blobFiles.ts';
import type { DownloadQueue } from '../blobs/downloads.ts';
import { saveDirectory } from '../directory/directoryStore.ts';
import { backoffDelay } from './backoff.ts';
import { LiveChannel } from './live.ts';
import { outboxCount } from './outbox.ts';
import { pullAll } from './pull.ts';
import { applyPage, type PageEffects } from './applyPage.ts';
import type { LiveChangesMessage } from '../../../shared/sync/protocol.ts';
import { pushOutbox } from './push.ts';
import { readSyncState } from './syncState.ts';

export const POLL_INTERVAL_MS = 30_000;

export interface EngineDeps {
  db: Db;
  api: ServerApi;
  files: BlobFiles;
  events: EventHub;
  downloads: DownloadQueue;
  unit: string;
  actor: string;
  isOffline: () => boolean;
  onSessionExpired: () => void;
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private online = false;
  private lastError: SyncStatus['lastError'] = null;
  private uploading = new Set<string>();
  private lastEmitted = '';
  private directoryFetched = false;
  readonly live: LiveChannel;

  constructor(private readonly deps: EngineDeps) {
    this.live = new LiveChannel({
      url: () => deps.api.liveUrl(),
      enabled: () => !deps.isOffline() && !this.stopped,
      onMessage: (m) => {
        if (m.type === 'ping') return;
        if (m.type === 'hello' || m.latestSeq > readSyncState(deps.db).cursor) this.kick();
      },
      onChanges: (m) => this.applyLive(m),
      onState: (connected) => {
        if (connected) this.kick();
        this.emitStatus();
      },
      onUnauthorized: () => this.kick(), // the next request tells whether the session is gone
    });
  }

  status(): SyncStatus {
    const s = readSyncState(this.deps.db);
    const rejected = this.deps.db.prepare('SELECT mutation_id, type, code, message, at FROM rejected ORDER BY at DESC LIMIT 100').all() as
      { mutation_id: string; type: string; code: SyncStatus['rejected'][number]['code']; message: string; at: string }[];
    return {
      online: this.online && !this.deps.isOffline(),
      live: this.live.connected,
      pending: outboxCount(this.deps.db),
      uploading: this.uploading.size,
      lastSyncedAt: s.lastSyncedAt,
      lastError: this.lastError,
      rejected: rejected.map((r) => ({ mutationId: r.mutation_id, type: r.type, code: r.code, message: r.message, at: r.at })),
    };
  }

  emitStatus(): void {
    if (this.stopped) return;
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.deps.events.emit({ type: 'sync', status });
  }

  start(): void {
    this.stopped = false;
    this.live.start();
    this.pollTimer = setInterval(() => {
      if (!this.live.connected) this.kick();
    }, POLL_INTERVAL_MS);
    this.pollTimer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live.stop();
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.pollTimer = null;
    this.retryTimer = null;
    await this.running;
  }

  /** Offline toggle changed: back online → reconnect and sync at once. */
  offlineChanged(offline: boolean): void {
    if (offline) {
      this.online = false;
      this.live.restart(); // drops the socket; connect() declines while offline
    } else {
      this.failures = 0;
      this.live.restart();
      this.kick();
    }
    this.emitStatus();
  }

  /**
   * Entries pushed on the live channel: applied as a pull page when they continue the stored cursor exactly (same
   * epoch and unit), otherwise a pull is asked for. applyPage is synchronous, so nothing else moves the cursor in
   * between; a pull in flight meanwhile sees the cursor moved and asks again from there (pullAll), so no page from
   * before this commit lands after it.
   */
  private applyLive(m: LiveChangesMessage): void {
    if (this.stopped || this.deps.isOffline()) return;
    const state = readSyncState(this.deps.db);
    if (m.unit !== this.deps.unit || state.epoch !== m.epoch || state.cursor !== m.after) {
      if (m.cursor > state.cursor) this.kick();
      return;
    }
    let fx: PageEffects;
    try {
      fx = applyPage(this.deps.db, { epoch: m.epoch, unit: m.unit, changes: m.changes, cursor: m.cursor, hasMore: false },
        { unit: this.deps.unit, actor: this.deps.actor });
    } catch {
      this.kick(); // a bad entry: the pull reports it the usual way
      return;
    }
    this.emitPage(fx);
    this.deps.downloads.enqueueMissing();
    this.emitStatus();
  }

  private emitPage(fx: PageEffects): void {
    if (fx.entities.size > 0) this.deps.events.emit({ type: 'changed', entities: [...fx.entities] });
    for (const n of fx.notifications) this.deps.events.emit(n);
  }

  /** Ask for a sync cycle soon (coalesced with one already running). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** Run a full cycle that starts after this call, and wait for it. */
  async syncNow(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    this.kick();
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.cycle();
      } while (this.again && !this.stopped);
    } finally {
      this.running = null;
    }
  }

  private async cycle(): Promise<void> {
    if (this.deps.isOffline()) {
      this.online = false;
      this.emitStatus();
      return;
    }
    try {
      if (!this.directoryFetched) {
        saveDirectory(this.deps.db, await this.deps.api.directory());
        this.directoryFetched = true;
        this.deps.events.emit({ type: 'changed', entities: ['directory'] });
      }
      const pushed = await pushOutbox({
        db: this.deps.db, api: this.deps.api, files: this.deps.files, actor: this.deps.actor,
        onProgress: (sha, sent, total) => {
          if (sent < total) this.uploading.add(sha);
          else this.uploading.delete(sha);
          this.deps.events.emit({ type: 'upload', sha256: sha, sent, total });
        },
      });
      if (pushed.applied + pushed.rejected > 0) this.deps.events.emit({ type: 'changed', entities: ['documents', 'deliveries', 'outbox'] });
      this.online = true;
      this.emitStatus();
      await pullAll({
        db: this.deps.db, api: this.deps.api, unit: this.deps.unit, actor: this.deps.actor,
        onPage: (fx) => this.emitPage(fx),
      });
      this.failures = 0;
      this.lastError = null;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.deps.downloads.enqueueMissing();
    } catch (e) {
      this.uploading.clear();
      this.handleFailure(e);
    }
    this.emitStatus();
  }

  private handleFailure(e: unknown): void {
    const err = e instanceof AppError ? e : new AppError('INTERNAL', undefined, String((e as Error)?.message ?? e));
    this.lastError = { code: err.code, message: err.message };
    if (err.code === 'AUTH_SESSION_EXPIRED' || err.code === 'AUTH_REQUIRED' || err.code === 'AUTH_DISABLED') {
      this.online = true;
      this.deps.onSessionExpired();
      return;
    }
    if (err.code === 'SERVER_UNREACHABLE' || err.code === 'SYNC_OFFLINE') this.online = false;
    if (this.stopped || this.deps.isOffline()) return;
    // Transient or not, try again later on a timer: a new write is never needed to unstick the queue.
    const delay = backoffDelay(this.failures++, isTransient(err) ? 500 : 5_000, 60_000);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
    this.retryTimer.unref();
  }
}
