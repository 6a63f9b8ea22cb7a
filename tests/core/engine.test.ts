/**
 * Sync engine behaviours against a scripted server (fakeServer.ts): permanent rejections, retries on a timer without a
 * new write, the epoch-change loop guard, an expired session, resuming a stored session, the router's coded errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { CoreEventSchema, type CoreEvent } from '../../shared/ipc/contract.ts';
import { FakeServer, FAKE_URL, pngBytes } from './fakeServer.ts';
import { call, callErr, tempDir, waitFor } from './harness.ts';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

async function signedIn(fake: FakeServer, dataDir = tempDir('engine')): Promise<{ core: Core; events: CoreEvent[]; dataDir: string }> {
  const core = await createCore({ dataDir, serverUrl: FAKE_URL, fetch: fake.fetch });
  cores.push(core);
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(CoreEventSchema.parse(e)));
  await call(core, 'auth.login', { username: 'bgt.clerk', password: 'whatever-123' });
  await call(core, 'sync.now');
  return { core, events, dataDir };
}

async function send(core: Core, title = '关于开展安全生产检查的通知'): Promise<string> {
  const file = await call(core, 'files.add', { name: '正文.png', data: pngBytes() });
  const { documentId } = await call(core, 'documents.send', {
    title, docNumber: { prefix: '哈政办发', year: 2026, sequence: 3 }, urgency: 'normal', secrecy: 'none',
    mainTo: ['D-DAOLI'], copyTo: [], mainFile: file, attachments: [], note: null, confirmNonClassified: true,
  });
  return documentId;
}

describe('sync engine', () => {
  it('records a permanent rejection, shows it on the sent row, and never retries it', async () => {
    const fake = new FakeServer();
    fake.onPush = (ms) => ({ status: 200, body: { results: ms.map((m) => ({ id: m.id, status: 'rejected', error: { code: 'FORBIDDEN', message: '无权执行此操作' } })) } });
    const { core } = await signedIn(fake);
    const documentId = await send(core);
    const status = await waitFor(core, async () => {
      const s = await call(core, 'sync.status');
      return s.pending === 0 && s.rejected.length === 1 ? s : null;
    }, 'the rejection');
    expect(status.rejected[0]).toMatchObject({ type: 'document.send', code: 'FORBIDDEN' });
    const row = (await call(core, 'documents.sent')).rows.find((r) => r.documentId === documentId);
    expect(row).toMatchObject({ pending: false, rejected: { code: 'FORBIDDEN' } });
    await call(core, 'sync.now');
    expect(fake.pushed).toHaveLength(1);
  });

  it('keeps a mutation through server errors and retries on a timer, without a new write', async () => {
    const fake = new FakeServer();
    let failures = 2;
    const apply = fake.onPush;
    fake.onPush = (ms) => (failures-- > 0 ? { status: 503, body: { code: 'INTERNAL', message: 'down' } } : apply(ms));
    const { core } = await signedIn(fake);
    await send(core);
    const s = await waitFor(core, async () => {
      const st = await call(core, 'sync.status');
      return st.pending === 0 ? st : null;
    }, 'the retried push', 15_000);
    expect(s.rejected).toEqual([]);
    expect(fake.pushed.length).toBe(3); // the same mutation three times; the server dedupes by id
    expect(new Set(fake.pushed.map((m) => m.id)).size).toBe(1);
  });

  it('makes no network call while offline and syncs as soon as it is back online', async () => {
    const fake = new FakeServer();
    const { core } = await signedIn(fake);
    await call(core, 'sync.setOffline', { offline: true });
    const before = fake.calls.length;
    await send(core);
    const offline = await call(core, 'sync.now');
    expect(offline).toMatchObject({ online: false, pending: 1 });
    expect(fake.calls.length).toBe(before);
    await call(core, 'sync.setOffline', { offline: false });
    await waitFor(core, async () => (await call(core, 'sync.status')).pending === 0, 'the push after reconnecting');
    expect(fake.pushed).toHaveLength(1);
  });

  it('resets on an epoch change but does not loop when the epoch keeps changing', async () => {
    const fake = new FakeServer();
    const { core } = await signedIn(fake);
    await call(core, 'documents.saveDraft', { id: null, draft: { title: '未完成的通知' } });
    let n = 0;
    const stable = fake.onPull;
    fake.onPull = () => ({ status: 409, body: { code: 'SYNC_EPOCH_CHANGED', message: 'restored', epoch: `epoch-x${++n}` } });
    const pullsBefore = fake.count('/sync/pull');
    const s = await call(core, 'sync.now');
    expect(s.lastError?.code).toBe('SYNC_EPOCH_CHANGED');
    expect(fake.count('/sync/pull') - pullsBefore).toBeLessThanOrEqual(3);
    expect(await call(core, 'documents.listDrafts')).toHaveLength(1);
    // Once the server settles on an epoch the client follows it and the error clears.
    fake.epoch = `epoch-x${n}`;
    fake.onPull = stable;
    expect((await call(core, 'sync.now')).lastError).toBeNull();
  });

  it('turns a revoked token into a session-expired notice and AUTH_SESSION_EXPIRED', async () => {
    const fake = new FakeServer();
    const { core, events, dataDir } = await signedIn(fake);
    fake.tokenValid = false;
    expect((await callErr(core, 'sync.now')).code).toBe('AUTH_SESSION_EXPIRED');
    expect(events.some((e) => e.type === 'notify' && e.kind === 'session-expired')).toBe(true);
    expect(await call(core, 'auth.session')).toBeNull();
    expect((await callErr(core, 'documents.inbox')).code).toBe('AUTH_SESSION_EXPIRED');
    await core.close();
    const again = await createCore({ dataDir, serverUrl: FAKE_URL, fetch: fake.fetch });
    cores.push(again);
    expect(await call(again, 'auth.session')).toBeNull();
    expect(await call(again, 'auth.remembered')).toEqual({ serverUrl: FAKE_URL, username: 'bgt.clerk' });
  });

  it('resumes a stored session after a restart, with the queued work intact', async () => {
    const fake = new FakeServer();
    const { core, dataDir } = await signedIn(fake);
    await call(core, 'sync.setOffline', { offline: true });
    const documentId = await send(core);
    await core.close();
    const restarted = await createCore({ dataDir, serverUrl: FAKE_URL, fetch: fake.fetch });
    cores.push(restarted);
    expect((await call(restarted, 'auth.session'))?.user.username).toBe('bgt.clerk');
    await waitFor(restarted, async () => (await call(restarted, 'sync.status')).pending === 0, 'the queued send after restart');
    expect(fake.pushed.map((m) => m.type)).toEqual(['document.send']);
    expect((await call(restarted, 'documents.sent')).rows[0]).toMatchObject({ documentId, pending: false });
  });
});

describe('router', () => {
  it('answers coded errors: unknown channel, invalid input, not signed in', async () => {
    const core = await createCore({ dataDir: tempDir('router'), serverUrl: FAKE_URL, fetch: new FakeServer().fetch });
    cores.push(core);
    expect((await callErr(core, 'documents.drop', {})).code).toBe('FORBIDDEN');
    expect((await callErr(core, 'constructor.name', {})).code).toBe('FORBIDDEN');
    const bad = await callErr(core, 'documents.sign', { deliveryId: 'not-a-uuid', extra: 1 });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Array.isArray(bad.details)).toBe(true);
    expect((await callErr(core, 'documents.inbox', {})).code).toBe('AUTH_REQUIRED');
    expect(await call(core, 'auth.remembered')).toEqual({ serverUrl: null, username: null });
  });
});
