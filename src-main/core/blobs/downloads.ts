/**
 * Download queue for attachments of received documents: one transfer per blob at a time, resumed with Range from the
 * partial file, hash-checked before it is moved into place. Background fetches run a few at a time; files.read jumps
 * the queue.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import type { ServerApi } from '../net/api.ts';
import type { Db } from '../store/db.ts';
import { documentsNaming, reindexDocument } from '../store/records.ts';
import { mapStorageError } from '../store/db.ts';
import type { BlobFiles } from './blobFiles.ts';
import { extractText } from './pdfText.ts';
import { backoffDelay } from '../sync/backoff.ts';

/** Resolves when the stream drains or closes, leaving no listener behind. */
function drained(out: fs.WriteStream): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

export interface DownloadDeps {
  db: () => Db | null;
  api: ServerApi;
  files: BlobFiles;
  onChanged: () => void;
}

export class DownloadQueue {
  private inflight = new Map<string, Promise<void>>();
  private waiting: string[] = [];
  private active = 0;
  private failures = new Map<string, number>();
  private stopped = false;
  constructor(private readonly deps: DownloadDeps, private readonly concurrency = 4) {}

  /** Queues every known blob that is not on this machine yet. */
  enqueueMissing(): void {
    const db = this.deps.db();
    if (!db) return;
    const rows = db.prepare('SELECT sha256 FROM blobs WHERE available = 0').all() as { sha256: string }[];
    for (const r of rows) if (!this.inflight.has(r.sha256) && !this.waiting.includes(r.sha256)) this.waiting.push(r.sha256);
    this.pump();
  }

  /** A failed background download is tried again with back-off (and on every sync cycle), not only after new data. */
  private retryLater(sha256: string): void {
    const n = (this.failures.get(sha256) ?? 0) + 1;
    this.failures.set(sha256, n);
    if (n > 8 || this.stopped) return; // the next successful sync cycle queues it again
    const t = setTimeout(() => {
      if (!this.waiting.includes(sha256)) this.waiting.push(sha256);
      this.pump();
    }, backoffDelay(n, 1_000, 60_000));
    t.unref();
  }

  get pendingCount(): number {
    return this.waiting.length + this.inflight.size;
  }

  /** The profile is closing: nothing new starts. */
  stop(): void {
    this.stopped = true;
    this.waiting = [];
  }

  private pump(): void {
    if (this.stopped) return;
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const sha = this.waiting.shift()!;
      if (this.inflight.has(sha)) continue;
      this.active++;
      this.fetch(sha)
        .then(() => this.failures.delete(sha))
        .catch(() => this.retryLater(sha))
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  /** Downloads now (or joins the transfer already running). */
  fetch(sha256: string): Promise<void> {
    const running = this.inflight.get(sha256);
    if (running) return running;
    const p = this.transfer(sha256).finally(() => this.inflight.delete(sha256));
    this.inflight.set(sha256, p);
    return p;
  }

  private async transfer(sha256: string): Promise<void> {
    const db = this.deps.db();
    if (!db) throw new AppError('AUTH_REQUIRED');
    const row = db.prepare('SELECT size, kind FROM blobs WHERE sha256 = ?').get(sha256) as { size: number; kind: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', { sha256 });
    if (!this.deps.files.has(sha256)) {
      const part = this.deps.files.partialOf(sha256);
      let have = fs.existsSync(part) ? fs.statSync(part).size : 0;
      if (have > row.size) {
        fs.rmSync(part, { force: true });
        have = 0;
      }
      if (have < row.size) {
        const res = await this.deps.api.getBlob(sha256, have);
        const append = res.status === 206 && have > 0;
        const out = fs.createWriteStream(part, { flags: append ? 'a' : 'w' });
        let failure: unknown = null;
        out.on('error', (e) => {
          failure ??= mapStorageError(e);
        });
        const closed = new Promise<void>((r) => out.once('close', () => r()));
        try {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            if (failure) break;
            if (!out.write(chunk)) await drained(out);
          }
        } catch (e) {
          failure = e;
        }
        // Keep what arrived (flushed to the partial file) so the next attempt resumes from there with Range.
        out.end();
        await closed;
        if (failure) {
          if (failure instanceof AppError) throw failure;
          throw new AppError('SERVER_UNREACHABLE', { cause: String((failure as Error)?.message ?? failure), sha256 });
        }
      }
      await this.deps.files.commitPartial(sha256);
    }
    const current = this.deps.db();
    if (!current) return;
    current.prepare('UPDATE blobs SET available = 1, uploaded = 1, path = ? WHERE sha256 = ?').run(this.deps.files.pathOf(sha256), sha256);
    // The bytes are usable now; the text for search follows in the background.
    if (row.kind === 'pdf') void this.index(sha256);
    this.deps.onChanged();
  }

  private async index(sha256: string): Promise<void> {
    const text = await extractText(await this.deps.files.read(sha256)).catch(() => null);
    const db = this.deps.db();
    if (!text || !db) return;
    db.transaction(() => {
      db.prepare('UPDATE blobs SET text = ?, pages = ? WHERE sha256 = ?').run(text.text, JSON.stringify(text.pages), sha256);
      for (const id of documentsNaming(db, sha256)) reindexDocument(db, id);
    })();
    this.deps.onChanged();
  }
}
