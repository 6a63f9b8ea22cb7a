import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { ChangeSchema, type PullResponse } from '../../shared/sync/protocol.ts';
import { api, BACKENDS, login, push, startTestServer, type TestServer } from './harness.ts';
import { draft, pullAll, sendMutation } from './builders.ts';

describe.each(BACKENDS)('change streams on %s', (backend) => {
  let server: TestServer;
  let bgt: string;
  let pingfang: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    bgt = (await login(server.url, 'bgt.clerk')).token;
    pingfang = (await login(server.url, 'pingfang.clerk')).token;
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  it('pages a stream by cursor with hasMore, in commit order, without gaps or repeats', async () => {
    const ids = Array.from({ length: 7 }, () => uuidv7());
    const results = await push(server.url, bgt, ids.map((id, i) => sendMutation(draft({ mainTo: ['D-PINGFANG'], title: `分页 ${i}` }), id)));
    expect(results.every((r) => r.status === 'applied')).toBe(true);

    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const r = await api<PullResponse>(server.url, 'GET', `/sync/pull?epoch=${server.epoch}&cursor=${cursor}&limit=3`, { token: pingfang });
      expect(r.status).toBe(200);
      expect(r.body.unit).toBe('D-PINGFANG');
      for (const c of r.body.changes) expect(ChangeSchema.safeParse(c).success).toBe(true);
      seen.push(...r.body.changes.map((c) => c.seq));
      pages += 1;
      if (r.body.changes.length > 0) expect(r.body.cursor).toBe(r.body.changes[r.body.changes.length - 1].seq);
      cursor = r.body.cursor;
      if (!r.body.hasMore) break;
      expect(r.body.changes).toHaveLength(3);
    }
    expect(seen).toEqual(Array.from({ length: 14 }, (_, i) => i + 1)); // document + delivery per send
    expect(pages).toBe(5);
    const { changes } = await pullAll(server.url, pingfang);
    const titles = changes.filter((c) => c.entity === 'document').map((c) => (c.data as { title: string }).title);
    expect(titles).toEqual(ids.map((_, i) => `分页 ${i}`));
    const tail = await api<PullResponse>(server.url, 'GET', `/sync/pull?cursor=${cursor}`, { token: pingfang });
    expect(tail.body).toMatchObject({ changes: [], hasMore: false, cursor });
  });

  it('answers 409 SYNC_EPOCH_CHANGED with the server epoch when the client epoch differs', async () => {
    const r = await api(server.url, 'GET', `/sync/pull?epoch=some-old-epoch&cursor=10`, { token: pingfang });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ code: 'SYNC_EPOCH_CHANGED', message: expect.any(String), epoch: server.epoch });
  });

  it('validates pull queries and push bodies', async () => {
    expect((await api(server.url, 'GET', '/sync/pull?cursor=-1', { token: pingfang })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(server.url, 'GET', '/sync/pull?limit=100000', { token: pingfang })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(server.url, 'GET', '/sync/pull?cursor=0&evil=1', { token: pingfang })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(server.url, 'POST', '/sync/push', { token: bgt, json: { mutations: [] } })).status).toBe(400);
    expect((await api(server.url, 'POST', '/sync/push', { token: bgt, json: { mutations: [{}], extra: 1 } })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => ({}));
    expect((await api(server.url, 'POST', '/sync/push', { token: bgt, json: { mutations: tooMany } })).status).toBe(400);
  });

  it('keeps mutation ids per unit: another unit reusing an id does not see the first unit’s result', async () => {
    const id = uuidv7();
    const [mine] = await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-PINGFANG'], title: '同号' }), uuidv7(), id)]);
    expect(mine.status).toBe('applied');
    const [theirs] = await push(server.url, pingfang, [sendMutation(draft({ mainTo: ['BGT'], secrecy: 'secret' }), uuidv7(), id)]);
    expect(theirs.error?.code).toBe('DOC_CLASSIFIED_REFUSED');
  });

  it('applies concurrent pushes of the same mutation exactly once', async () => {
    const m = sendMutation(draft({ mainTo: ['D-PINGFANG'], title: '并发重放' }));
    const all = await Promise.all(Array.from({ length: 6 }, () => push(server.url, bgt, [m])));
    expect(all.map((r) => r[0].status)).toEqual(Array(6).fill('applied'));
    const { changes } = await pullAll(server.url, pingfang);
    expect(changes.filter((c) => c.entity === 'document' && (c.data as { title: string }).title === '并发重放')).toHaveLength(1);
  });
});
