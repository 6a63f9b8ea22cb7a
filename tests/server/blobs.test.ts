import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStatus } from '../../shared/schemas/blobs.ts';
import { api, BACKENDS, login, pdfBytes, startTestServer, type TestServer } from './harness.ts';
import { sha256, uploadBlob } from './builders.ts';
import { openContext } from '../../src-server/server.ts';

describe.each(BACKENDS)('blobs on %s', (backend) => {
  let server: TestServer;
  let bgt: string;
  let daoli: string;
  let nangang: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    bgt = (await login(server.url, 'bgt.clerk')).token;
    daoli = (await login(server.url, 'daoli.clerk')).token;
    nangang = (await login(server.url, 'nangang.clerk')).token;
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  const put = (token: string, bytes: Buffer, offset: number, size: number, name = 'a.pdf', hash = sha256(bytes)) =>
    api<BlobStatus & { code?: string; details?: { received?: number } }>(server.url, 'PUT', `/blobs/${hash}?offset=${offset}&size=${size}&name=${encodeURIComponent(name)}`,
      { token, body: bytes.subarray(offset), headers: { 'content-type': 'application/octet-stream' } });

  it('resumes after a partial upload from the offset the server reports, and verifies the whole file', async () => {
    const bytes = pdfBytes(30_000);
    const hash = sha256(bytes);
    const first = await api<BlobStatus>(server.url, 'PUT', `/blobs/${hash}?offset=0&size=${bytes.length}&name=resume.pdf`,
      { token: bgt, body: bytes.subarray(0, 10_000), headers: { 'content-type': 'application/octet-stream' } });
    expect(first.body).toMatchObject({ received: 10_000, complete: false });
    // The connection dropped; the client asks where to resume.
    const status = await api<BlobStatus>(server.url, 'GET', `/blobs/${hash}/status`, { token: bgt });
    expect(status.body).toMatchObject({ received: 10_000, size: 30_000, complete: false, kind: null });
    const wrongOffset = await put(bgt, bytes, 5_000, bytes.length, 'resume.pdf', hash);
    expect(wrongOffset.status).toBe(400);
    expect(wrongOffset.body).toMatchObject({ code: 'BLOB_OFFSET_MISMATCH', details: { received: 10_000 } });
    const rest = await put(bgt, bytes, 10_000, bytes.length, 'resume.pdf', hash);
    expect(rest.body).toMatchObject({ complete: true, received: 30_000, kind: 'pdf' });
    // Idempotent: uploading again answers complete at once.
    const again = await put(bgt, bytes, 0, bytes.length, 'resume.pdf', hash);
    expect(again.body).toMatchObject({ complete: true, kind: 'pdf' });
    const got = await api<Buffer>(server.url, 'GET', `/blobs/${hash}`, { token: bgt });
    expect(sha256(got.body)).toBe(hash);
  });

  it('serves byte ranges', async () => {
    const bytes = pdfBytes(20_000);
    const r = await uploadBlob(server.url, bgt, bytes, 'range.pdf', 6000);
    expect(r.body.complete).toBe(true);
    const hash = sha256(bytes);
    const part = await api<Buffer>(server.url, 'GET', `/blobs/${hash}`, { token: bgt, headers: { range: 'bytes=5990-12009' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 5990-12009/${bytes.length}`);
    expect(part.body.equals(bytes.subarray(5990, 12010))).toBe(true);
    const suffix = await api<Buffer>(server.url, 'GET', `/blobs/${hash}`, { token: bgt, headers: { range: 'bytes=-100' } });
    expect(suffix.body.equals(bytes.subarray(bytes.length - 100))).toBe(true);
    const bad = await api(server.url, 'GET', `/blobs/${hash}`, { token: bgt, headers: { range: 'bytes=999999-' } });
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('discards an upload whose bytes do not match the hash', async () => {
    const bytes = pdfBytes(9_000);
    const claimed = sha256(Buffer.from('something else'));
    const r = await put(bgt, bytes, 0, bytes.length, 'a.pdf', claimed);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'BLOB_HASH_MISMATCH' });
    const status = await api<BlobStatus>(server.url, 'GET', `/blobs/${claimed}/status`, { token: bgt });
    expect(status.body).toMatchObject({ received: 0, complete: false });
    expect((await api(server.url, 'GET', `/blobs/${claimed}`, { token: bgt })).status).toBe(404);
  });

  it('refuses a text file named .pdf by its content', async () => {
    const text = Buffer.from('这不是PDF文件，只是改了扩展名的文本。\n'.repeat(100));
    const r = await uploadBlob(server.url, bgt, text, '通知.pdf');
    expect(r.status).toBe(415);
    expect(r.body).toMatchObject({ code: 'BLOB_TYPE_REFUSED' });
    expect((await api(server.url, 'GET', `/blobs/${sha256(text)}`, { token: bgt })).status).toBe(404);
  });

  it('refuses oversized declarations, bad names, bad hashes and non-binary bodies', async () => {
    const bytes = pdfBytes(1000);
    expect((await put(bgt, bytes, 0, 200 * 1024 * 1024)).body).toMatchObject({ code: 'BLOB_TOO_LARGE' });
    expect((await put(bgt, bytes, 0, bytes.length, '../../etc/passwd')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(server.url, 'GET', '/blobs/not-a-hash/status', { token: bgt })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const json = await api(server.url, 'PUT', `/blobs/${sha256(bytes)}?offset=0&size=${bytes.length}&name=a.pdf`, { token: bgt, json: { data: 'x' } });
    expect(json.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const tooBig = await api(server.url, 'PUT', `/blobs/${sha256(bytes)}?offset=0&size=${20 * 1024 * 1024}&name=a.pdf`,
      { token: bgt, body: Buffer.alloc(9 * 1024 * 1024), headers: { 'content-type': 'application/octet-stream' } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('scopes reads: knowing the hash is not enough; uploading the same bytes grants access and stores them once', async () => {
    const bytes = pdfBytes(15_000);
    const hash = sha256(bytes);
    expect((await uploadBlob(server.url, daoli, bytes, 'mine.pdf')).body.complete).toBe(true);
    expect((await api(server.url, 'GET', `/blobs/${hash}`, { token: nangang })).status).toBe(404);
    expect((await api<BlobStatus>(server.url, 'GET', `/blobs/${hash}/status`, { token: nangang })).body).toMatchObject({ complete: false, received: 0 });
    // A partial upload by another unit does not grant access either.
    await put(nangang, bytes.subarray(0, 5000), 0, bytes.length, 'x.pdf', hash);
    expect((await api(server.url, 'GET', `/blobs/${hash}`, { token: nangang })).status).toBe(404);
    const rest = await put(nangang, bytes, 5000, bytes.length, 'x.pdf', hash);
    expect(rest.body).toMatchObject({ complete: true });
    const got = await api<Buffer>(server.url, 'GET', `/blobs/${hash}`, { token: nangang });
    expect(got.body.equals(bytes)).toBe(true);
    const { store, ctx } = await openContext(server.store.options);
    try {
      const parts = await ctx.db.selectFrom('blob_parts').select(['owner', 'length']).where('owner', 'like', `%${hash}`).execute();
      expect(parts.every((p) => p.owner === hash)).toBe(true); // no pending copy left behind
      expect(parts.reduce((n, p) => n + Number(p.length), 0)).toBe(bytes.length); // one stored copy
    } finally {
      await store.close();
    }
  });
});

describe.each(BACKENDS)('housekeeping on %s', (backend) => {
  it('prunes abandoned partial uploads after a week, keeping recent ones and complete blobs', async () => {
    const server = await startTestServer(backend);
    try {
      const token = (await login(server.url, 'acheng.clerk')).token;
      const abandoned = pdfBytes(12_000);
      const complete = pdfBytes(9_000);
      await api(server.url, 'PUT', `/blobs/${sha256(abandoned)}?offset=0&size=${abandoned.length}&name=a.pdf`,
        { token, body: abandoned.subarray(0, 4000), headers: { 'content-type': 'application/octet-stream' } });
      expect((await uploadBlob(server.url, token, complete, 'b.pdf')).body.complete).toBe(true);
      const { pruneStale } = await import('../../src-server/admin/maintenance.ts');
      const soon = await openContext({ ...server.store.options, now: () => new Date(Date.now() + 24 * 3600_000) });
      try {
        expect((await pruneStale(soon.ctx)).uploads).toBe(0);
      } finally { await soon.store.close(); }
      const later = await openContext({ ...server.store.options, now: () => new Date(Date.now() + 8 * 24 * 3600_000) });
      try {
        expect((await pruneStale(later.ctx)).uploads).toBe(1);
        const left = await later.ctx.db.selectFrom('blob_parts').select('owner').where('owner', 'like', `%${sha256(abandoned)}`).execute();
        expect(left).toEqual([]);
      } finally { await later.store.close(); }
      expect((await api<BlobStatus>(server.url, 'GET', `/blobs/${sha256(abandoned)}/status`, { token })).body).toMatchObject({ received: 0 });
      expect((await api<Buffer>(server.url, 'GET', `/blobs/${sha256(complete)}`, { token })).body.equals(complete)).toBe(true);
    } finally {
      await server.close();
      await server.store.drop();
    }
  });
});
