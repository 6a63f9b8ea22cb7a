/**
 * Durability of local writes: a client killed mid-transaction loses nothing it accepted and keeps no half-write;
 * a full disk (SQLITE_FULL) answers DISK_FULL and leaves nothing half-written.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreContext } from '../../src-main/core/context.ts';
import { EventHub } from '../../src-main/core/events.ts';
import { authHandlers } from '../../src-main/core/auth/authHandlers.ts';
import { documentHandlers } from '../../src-main/core/documents/documentHandlers.ts';
import { fileHandlers } from '../../src-main/core/blobs/fileHandlers.ts';
import { openStore, type Db } from '../../src-main/core/store/db.ts';
import { AppError } from '../../shared/errors.ts';
import { FakeServer, FAKE_URL, pngBytes } from './fakeServer.ts';
import { tempDir } from './harness.ts';

const n = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;
function consistency(db: Db) {
  return {
    documents: n(db, 'SELECT COUNT(*) n FROM documents'),
    sends: n(db, "SELECT COUNT(*) n FROM outbox WHERE type = 'document.send'"),
    indexed: n(db, 'SELECT COUNT(*) n FROM doc_search'),
    orphans: n(db, "SELECT COUNT(*) n FROM documents WHERE id NOT IN (SELECT entity_id FROM outbox WHERE type = 'document.send')"),
  };
}

const contexts: CoreContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.closeProfile()));
});

describe('durability', () => {
  it('a client killed mid-transaction keeps every accepted write whole', async () => {
    const file = path.join(tempDir('crash'), 'p.sqlite');
    openStore(file).close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crashWriter.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('writer never became ready')), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error('writer exited early')));
      });
      // Let it write a while longer (until 200 more rows are visible), then pull the plug.
      await new Promise<void>((resolve, reject) => {
        const reader = openStore(file);
        const deadline = Date.now() + 30_000;
        const check = setInterval(() => {
          const enough = n(reader, 'SELECT COUNT(*) n FROM documents') >= 250;
          if (enough || Date.now() > deadline) {
            clearInterval(check);
            reader.close();
            if (enough) resolve();
            else reject(new Error('the writer stalled'));
          }
        }, 20);
      });
    } finally {
      child.kill('SIGKILL'); // never leave a writer behind
      await exited;
    }
    const db = openStore(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const c = consistency(db);
    expect(c.documents).toBeGreaterThanOrEqual(250);
    expect(c).toEqual({ documents: c.documents, sends: c.documents, indexed: c.documents, orphans: 0 });
    db.close();
  });

  it('a full disk answers DISK_FULL and writes nothing half', async () => {
    const fake = new FakeServer();
    const ctx = new CoreContext({ dataDir: tempDir('full'), serverUrl: FAKE_URL, fetch: fake.fetch }, new EventHub());
    contexts.push(ctx);
    await authHandlers(ctx).login({ username: 'bgt.clerk', password: 'whatever-123' });
    await ctx.profile!.engine.syncNow();
    ctx.offline = true; // keep the outbox as it is
    const file = await fileHandlers(ctx).add({ name: 'a.png', data: pngBytes() });
    const docs = documentHandlers(ctx);
    const db = ctx.profile!.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let failure: unknown = null;
    let accepted = 0;
    for (let i = 0; i < 500 && !failure; i++) {
      const before = consistency(db);
      try {
        await docs.send({
          title: `磁盘测试${i}`, docNumber: null, urgency: 'normal', secrecy: 'none', mainTo: ['D-DAOLI'], copyTo: [], mainFile: file, attachments: [],
          note: '内容'.repeat(900), confirmNonClassified: true, draftId: null,
        });
        accepted++;
      } catch (e) {
        failure = e;
        expect(consistency(db)).toEqual(before); // the failed send left no trace
      }
    }
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('DISK_FULL');
    expect(consistency(db)).toMatchObject({ documents: accepted, sends: accepted, indexed: accepted, orphans: 0 });
  });
});
