/**
 * Offline and failure paths against a real server: a unit offline during the send, a send queued offline, a response
 * lost after the server applied the push, and the server restarted mid-sync — nothing lost, nothing duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { startServer } from '../../src-server/server.ts';
import { call, client, PASSWORD, startTestServer, tempDir, waitFor, type RunningServer, type TestClient } from './harness.ts';
import { pngBytes } from './fakeServer.ts';

async function sendTo(core: Core, mainTo: string[], title: string, seq = 1): Promise<string> {
  const file = await call(core, 'files.add', { name: `${title.slice(0, 10)}.png`, data: pngBytes(seq % 250) });
  const { documentId } = await call(core, 'documents.send', {
    title, docNumber: { prefix: '哈政办发', year: 2026, sequence: seq }, urgency: 'normal', secrecy: 'none',
    mainTo, copyTo: [], mainFile: file, attachments: [], note: null, confirmNonClassified: true,
  });
  return documentId;
}

const inboxIds = async (c: Core) => (await call(c, 'documents.inbox', { limit: 500 })).rows.map((r) => r.documentId);
const acknowledged = async (c: Core) => (await call(c, 'sync.status')).pending === 0;

describe('offline and failures (real server)', () => {
  let server: RunningServer & { dataDir: string };
  let bgt: TestClient;
  let daoli: TestClient;
  let nangang: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    [bgt, daoli, nangang] = await Promise.all(['bgt.clerk', 'daoli.clerk', 'nangang.clerk'].map((u) => client(server.url, u)));
  });
  afterAll(async () => {
    await Promise.all([bgt, daoli, nangang].map((c) => c?.core.close()));
    await server?.close();
  });

  it('a unit offline during the send receives it after reconnecting', async () => {
    await call(nangang.core, 'sync.setOffline', { offline: true });
    const id = await sendTo(bgt.core, ['D-NANGANG'], '关于报送年度工作总结的通知', 101);
    await waitFor(bgt.core, () => acknowledged(bgt.core), 'the server to accept the send');
    const offline = await call(nangang.core, 'sync.now');
    expect(offline.online).toBe(false);
    expect(await inboxIds(nangang.core)).not.toContain(id);
    await call(nangang.core, 'sync.setOffline', { offline: false });
    await waitFor(nangang.core, async () => (await inboxIds(nangang.core)).includes(id), 'delivery after reconnecting');
    expect((await inboxIds(nangang.core)).filter((x) => x === id)).toHaveLength(1);
  });

  it('a send queued offline is delivered exactly once after reconnecting', async () => {
    await call(bgt.core, 'sync.setOffline', { offline: true });
    const id = await sendTo(bgt.core, ['D-DAOLI'], '关于开展消防安全大检查的通知', 102);
    const queued = await call(bgt.core, 'documents.sent', {});
    expect(queued.rows.find((r) => r.documentId === id)).toMatchObject({ pending: true });
    expect((await call(bgt.core, 'sync.status')).pending).toBe(1);
    await call(bgt.core, 'sync.setOffline', { offline: false });
    await waitFor(daoli.core, async () => (await inboxIds(daoli.core)).includes(id), 'the queued send to arrive');
    await call(bgt.core, 'sync.now');
    await call(daoli.core, 'sync.now');
    expect((await inboxIds(daoli.core)).filter((x) => x === id)).toHaveLength(1);
    const detail = await call(bgt.core, 'documents.get', { documentId: id });
    expect(detail.pending).toBe(false);
    expect(detail.deliveries.map((d) => d.recipientUnit)).toEqual(['D-DAOLI']);
  });

  it('a push whose response is lost is replayed and applied once', async () => {
    const dataDir = tempDir('lossy');
    let dropNextPush = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (dropNextPush && String(input).includes('/sync/push')) {
        dropNextPush = false;
        await res.arrayBuffer();
        throw new TypeError('socket hang up'); // the server applied it; the client never heard back
      }
      return res;
    };
    const core = await createCore({ dataDir, serverUrl: server.url, fetch: lossy });
    try {
      await call(core, 'auth.login', { username: 'bgt.secretary', password: PASSWORD });
      const id = await sendTo(core, ['D-DAOLI'], '关于调整办公时间的通知', 103);
      await waitFor(core, () => acknowledged(core), 'the replayed push', 20_000);
      expect(dropNextPush).toBe(false);
      await waitFor(daoli.core, async () => (await inboxIds(daoli.core)).includes(id), 'the document');
      await call(daoli.core, 'sync.now');
      expect((await inboxIds(daoli.core)).filter((x) => x === id)).toHaveLength(1);
      expect((await call(core, 'documents.get', { documentId: id })).deliveries).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('the server restarted mid-sync loses and duplicates nothing', async () => {
    const port = Number(new URL(server.url).port);
    let restarted: Promise<void> | null = null;
    const old = server;
    // The sender's network: the server goes down right after applying the push, before the client hears back.
    const crashing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!restarted && String(input).includes('/sync/push')) {
        await res.arrayBuffer();
        restarted = (async () => {
          await old.close();
          server = { ...(await startServer({ dataDir: old.dataDir, port, host: '127.0.0.1', seed: 'demo', settings: { scryptCost: 1024 } })), dataDir: old.dataDir };
        })();
        throw new TypeError('connection reset');
      }
      return res;
    };
    const sender = await createCore({ dataDir: tempDir('crash'), serverUrl: server.url, fetch: crashing });
    try {
      await call(sender, 'auth.login', { username: 'bgt.secretary', password: PASSWORD });
      await call(sender, 'sync.setOffline', { offline: true });
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await sendTo(sender, ['D-DAOLI', 'D-NANGANG'], `重启测试文件第${i + 1}号`, 200 + i));
      await call(sender, 'sync.setOffline', { offline: false });
      await waitFor([sender, daoli.core, nangang.core], async () => {
        if (!restarted || !(await acknowledged(sender))) return false;
        const [a, b] = [await inboxIds(daoli.core), await inboxIds(nangang.core)];
        return ids.every((id) => a.includes(id) && b.includes(id));
      }, 'all 20 documents at both units after the restart', 45_000);
      await restarted;
      for (const c of [daoli.core, nangang.core]) {
        await call(c, 'sync.now');
        const got = (await inboxIds(c)).filter((id) => ids.includes(id));
        expect(got.length).toBe(20);
        expect(new Set(got).size).toBe(20);
      }
      const sent = await call(sender, 'documents.sent', { limit: 500 });
      const mine = sent.rows.filter((r) => ids.includes(r.documentId));
      expect(mine).toHaveLength(20);
      expect(mine.every((r) => !r.pending && r.rejected === null && r.recipients === 2)).toBe(true);
    } finally {
      await sender.close();
    }
  });
});
