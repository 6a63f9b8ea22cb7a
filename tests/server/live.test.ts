import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_PREFIX, LiveMessageSchema, type LiveMessage, type PullResponse } from '../../shared/sync/protocol.ts';
import { api, BACKENDS, login, newStore, pdfBytes, PG_AVAILABLE, push, startTestServer, waitFor, type TestServer } from './harness.ts';
import { draft, sendMutation, sha256, uploadPdf } from './builders.ts';

/** A live client that records every message it gets. */
async function connectLive(base: string, token: string): Promise<{ messages: LiveMessage[]; ws: WebSocket }> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${API_PREFIX}/live?token=${encodeURIComponent(token)}`);
  const messages: LiveMessage[] = [];
  ws.on('message', (data) => messages.push(LiveMessageSchema.parse(JSON.parse(String(data)))));
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  return { messages, ws };
}

function rejectedStatus(base: string, token: string): Promise<number> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${API_PREFIX}/live?token=${encodeURIComponent(token)}`);
  ws.on('error', () => undefined); // aborting a refused handshake reports an error: expected here
  return new Promise((resolve) => {
    ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
    ws.once('open', () => { resolve(101); ws.close(); });
  });
}

describe.each(BACKENDS)('live channel on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(backend, { settings: { liveHeartbeatMs: 150 } }); });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  it('says hello, pokes the recipient unit after a commit that touches it, and pings', async () => {
    const daoli = await login(server.url, 'daoli.clerk');
    const nangang = await login(server.url, 'nangang.clerk');
    const a = await connectLive(server.url, daoli.token);
    const b = await connectLive(server.url, nangang.token);
    const hello = await waitFor('hello', () => a.messages.find((m) => m.type === 'hello'));
    expect(hello).toEqual({ type: 'hello', unit: 'D-DAOLI', latestSeq: 0, epoch: server.epoch });
    const bgt = (await login(server.url, 'bgt.clerk')).token;
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI'] }))]);
    const poke = await waitFor('poke', () => a.messages.find((m) => m.type === 'poke'));
    expect(poke).toEqual({ type: 'poke', unit: 'D-DAOLI', latestSeq: 2 });
    await waitFor('ping', () => b.messages.find((m) => m.type === 'ping'));
    expect(b.messages.some((m) => m.type === 'poke')).toBe(false);
    a.ws.close();
    b.ws.close();
  });

  it('closes a live socket at the next heartbeat once its session is logged out', async () => {
    const s = await login(server.url, 'pingfang.clerk');
    const live = await connectLive(server.url, s.token);
    let closedWith = 0;
    live.ws.on('close', (code) => { closedWith = code; });
    await waitFor('ping', () => live.messages.find((m) => m.type === 'ping'));
    expect(closedWith).toBe(0);
    await api(server.url, 'POST', '/auth/logout', { token: s.token });
    expect(await waitFor('close after logout', () => closedWith)).toBe(4401);
  });

  it('refuses the upgrade without a valid token', async () => {
    expect(await rejectedStatus(server.url, 'y'.repeat(43))).toBe(401);
  });
});

describe.skipIf(!PG_AVAILABLE)('two server processes on one PostgreSQL schema', () => {
  const store = newStore('postgres');
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer('postgres', {}, store), startTestServer('postgres', {}, store)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await store.drop();
  });

  it('share one epoch; a client live on A is poked by a push to B and downloads a blob uploaded through B', async () => {
    expect(a.epoch).toBe(b.epoch);
    const recipient = await login(a.url, 'hulan.clerk');
    const live = await connectLive(a.url, recipient.token);
    await waitFor('hello', () => live.messages.find((m) => m.type === 'hello'));
    const bgt = (await login(b.url, 'bgt.clerk')).token;
    const bytes = pdfBytes(40_000);
    const mainFile = await uploadPdf(b.url, bgt, bytes);
    await push(b.url, bgt, [sendMutation(draft({ mainTo: ['D-HULAN'], mainFile }))]);
    const poke = await waitFor('poke from the other process', () => live.messages.find((m) => m.type === 'poke'));
    expect(poke).toMatchObject({ unit: 'D-HULAN', latestSeq: 2 });
    const file = await api<Buffer>(a.url, 'GET', `/blobs/${mainFile.sha256}`, { token: recipient.token });
    expect(file.status).toBe(200);
    expect(sha256(file.body)).toBe(sha256(bytes));
    live.ws.close();
  });
});

describe('logs', () => {
  it('never carry the live token', async () => {
    const { redactUrl } = await import('../../src-server/app.ts');
    expect(redactUrl('/api/v1/live?token=abcDEF123_-x')).toBe('/api/v1/live?token=[redacted]');
    expect(redactUrl('/api/v1/live?x=1&token=secret&y=2')).toBe('/api/v1/live?x=1&token=[redacted]&y=2');
  });
});

describe.each(BACKENDS)('commit order under concurrent writers on %s', (backend) => {
  const store = newStore(backend);
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer(backend, {}, store);
    // On PostgreSQL the second writer is another server instance on the same schema.
    b = backend === 'postgres' ? await startTestServer(backend, {}, store) : a;
  });
  afterAll(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await store.drop();
  });

  it('a reader pulling while two senders write never skips or repeats a change', async () => {
    const bgt = (await login(a.url, 'bgt.clerk')).token;
    const nangang = (await login(b.url, 'nangang.clerk')).token;
    const reader = (await login(a.url, 'shuangcheng.clerk')).token;
    const writer = async (base: string, token: string, tag: string) => {
      for (let i = 0; i < 12; i++) await push(base, token, [sendMutation(draft({ mainTo: ['D-SHUANGCHENG'], title: `${tag}-${i}` }))]);
    };
    let done = false;
    const writers = Promise.all([writer(a.url, bgt, 'A'), writer(b.url, nangang, 'B')]).finally(() => { done = true; });
    const seqs: number[] = [];
    let cursor = 0;
    for (;;) {
      const finished = done;
      const r = await api<PullResponse>(a.url, 'GET', `/sync/pull?cursor=${cursor}&limit=5`, { token: reader });
      seqs.push(...r.body.changes.map((c) => c.seq));
      cursor = r.body.cursor;
      if (finished && !r.body.hasMore) break;
    }
    await writers;
    expect(seqs).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });
});
