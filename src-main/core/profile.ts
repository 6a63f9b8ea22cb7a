/**
 * One signed-in user: their local store (dataDir/profiles/<username>.sqlite), server client, blob files, download
 * queue and sync engine. Opening it starts syncing; closing it stops everything and closes the database.
 */
import path from 'node:path';
import type { EventHub } from './events.ts';
import { ServerApi } from './net/api.ts';
import { openStore, type Db } from './store/db.ts';
import { BlobFiles } from './blobs/blobFiles.ts';
import { DownloadQueue } from './blobs/downloads.ts';
import { SyncEngine } from './sync/engine.ts';
import type { StoredSession } from './auth/sessionFile.ts';

export interface ProfileDeps {
  dataDir: string;
  fetch: typeof fetch;
  events: EventHub;
  isOffline: () => boolean;
  onSessionExpired: () => void;
}

export class Profile {
  readonly db: Db;
  readonly api: ServerApi;
  readonly files: BlobFiles;
  readonly downloads: DownloadQueue;
  readonly engine: SyncEngine;
  private closed = false;

  constructor(readonly session: StoredSession, deps: ProfileDeps) {
    this.db = openStore(path.join(deps.dataDir, 'profiles', `${session.user.username}.sqlite`));
    this.api = new ServerApi({ serverUrl: session.serverUrl, fetch: deps.fetch, token: () => this.session.token, isOffline: deps.isOffline });
    this.files = new BlobFiles(deps.dataDir);
    this.downloads = new DownloadQueue({
      db: () => (this.closed ? null : this.db),
      api: this.api,
      files: this.files,
      onChanged: () => deps.events.emit({ type: 'changed', entities: ['files', 'documents'] }),
    });
    this.engine = new SyncEngine({
      db: this.db, api: this.api, files: this.files, events: deps.events, downloads: this.downloads,
      unit: session.unit.code, actor: session.user.displayName, isOffline: deps.isOffline, onSessionExpired: deps.onSessionExpired,
    });
  }

  get unit(): string {
    return this.session.unit.code;
  }

  get actor(): string {
    return this.session.user.displayName;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.downloads.stop();
    this.api.abortAll();
    await this.engine.stop();
    this.closed = true;
    this.db.close();
  }
}
