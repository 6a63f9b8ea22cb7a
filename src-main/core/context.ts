/**
 * Core state shared by the handlers: the signed-in profile (if any), the offline toggle, the event hub, and the one
 * helper every UI write goes through (one local transaction, then a sync kick and a 'changed' event).
 */
import { AppError } from '../../shared/errors.ts';
import type { EventHub } from './events.ts';
import { Profile } from './profile.ts';
import { SessionFiles, type StoredSession } from './auth/sessionFile.ts';
import { mapStorageError } from './store/db.ts';

export interface CoreOptions {
  dataDir: string;
  serverUrl?: string;
  fetch?: typeof fetch;
}

export class CoreContext {
  readonly sessionFiles: SessionFiles;
  readonly fetch: typeof fetch;
  offline = false;
  profile: Profile | null = null;
  expired = false;

  constructor(readonly opts: CoreOptions, readonly events: EventHub) {
    this.sessionFiles = new SessionFiles(opts.dataDir);
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  requireProfile(): Profile {
    if (this.expired) throw new AppError('AUTH_SESSION_EXPIRED');
    if (!this.profile) throw new AppError('AUTH_REQUIRED');
    return this.profile;
  }

  /** Opens the profile of a session and starts syncing it. */
  async open(session: StoredSession): Promise<Profile> {
    const same = this.profile && this.profile.session.user.username === session.user.username && this.profile.session.serverUrl === session.serverUrl;
    if (this.profile && !same) await this.closeProfile();
    if (this.profile) {
      // Same user logging in again: keep the store, take the new token.
      Object.assign(this.profile.session, session);
      this.expired = false;
      this.profile.engine.start();
      return this.profile;
    }
    this.expired = false;
    const profile = new Profile(session, {
      dataDir: this.dataDir, fetch: this.fetch, events: this.events,
      isOffline: () => this.offline,
      onSessionExpired: () => void this.expire(),
    });
    this.profile = profile;
    profile.engine.start();
    return profile;
  }

  async closeProfile(): Promise<void> {
    const p = this.profile;
    this.profile = null;
    await p?.close();
  }

  /** The server no longer accepts the token: stop syncing, forget the token, tell the UI. Local data stays. */
  async expire(): Promise<void> {
    if (this.expired || !this.profile) return;
    this.expired = true;
    this.sessionFiles.clearSession();
    await this.profile.engine.stop();
    this.events.emit({ type: 'notify', kind: 'session-expired', title: '登录已过期', body: '登录已过期，请重新登录', documentId: null });
  }

  /** One local transaction for a UI write; DISK_FULL when storage is exhausted, nothing half-written. */
  write<T>(entities: string[], fn: (p: Profile) => T): T {
    const p = this.requireProfile();
    let out: T;
    try {
      out = p.db.transaction(() => fn(p))();
    } catch (e) {
      throw mapStorageError(e);
    }
    this.events.emit({ type: 'changed', entities });
    p.engine.emitStatus();
    p.engine.kick();
    return out;
  }
}
