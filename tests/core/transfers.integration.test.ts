/**
 * Attachment transfers against a real server: an upload dropped mid-way resumes from what the server already has
 * (no chunk sent twice), a download dropped mid-stream resumes with Range, and both arrive byte-identical.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { BLOB_CHUNK_BYTES } from '../../shared/schemas/blobs.ts';
import { call, PASSWORD, startTestServer, tempDir, waitFor, type RunningServer } from './harness.ts';

function bigPng(size: number): Uint8Array {
  const b = new Uint8Array(crypto.randomBytes(size));
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

describe('resumable transfers (real server)', () => {
  let server: RunningServer;
  const cores: Core[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await Promise.all(cores.map((c) => c.close()));
    await server?.close();
  });

  it('resumes an upload dropped mid-way and a download dropped mid-stream', async () => {
    const puts: number[] = [];
    let failSecondPut = true;
    const senderFetch: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (init?.method === 'PUT') {
        const offset = Number(url.searchParams.get('offset'));
        puts.push(offset);
        if (offset > 0 && failSecondPut) {
          failSecondPut = false;
          throw new TypeError('network dropped mid-upload');
        }
      }
      return fetch(input, init);
    };
    const ranges: (string | null)[] = [];
    let cutFirstDownload = true;
    const receiverFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (/\/blobs\/[0-9a-f]{64}$/.test(new URL(String(input)).pathname) && (init?.method ?? 'GET') === 'GET') {
        ranges.push((init?.headers as Record<string, string> | undefined)?.range ?? null);
        if (cutFirstDownload) {
          cutFirstDownload = false;
          // The core sees the first 1.5 MB, then the connection breaks. (The test reads the rest off the wire so the
          // server is not left with a half-open response.)
          const all = new Uint8Array(await res.arrayBuffer());
          let sent = 0;
          const cut = new ReadableStream<Uint8Array>({
            pull(ctrl) {
              if (sent >= 1_500_000) return ctrl.error(new TypeError('terminated'));
              ctrl.enqueue(all.subarray(sent, sent + 65_536));
              sent += 65_536;
            },
          });
          return new Response(cut, { status: res.status, headers: res.headers });
        }
      }
      return res;
    };
    const sender = await createCore({ dataDir: tempDir('up'), serverUrl: server.url, fetch: senderFetch });
    const receiver = await createCore({ dataDir: tempDir('down'), serverUrl: server.url, fetch: receiverFetch });
    cores.push(sender, receiver);
    await call(sender, 'auth.login', { username: 'bgt.clerk', password: PASSWORD });
    await call(receiver, 'auth.login', { username: 'daoli.clerk', password: PASSWORD });
    await call(receiver, 'sync.setOffline', { offline: true }); // no background download yet

    const data = bigPng(BLOB_CHUNK_BYTES + 1_000_000);
    const file = await call(sender, 'files.add', { name: '大附件.png', data });
    const { documentId } = await call(sender, 'documents.send', {
      title: '大附件传输测试', docNumber: null, urgency: 'normal', secrecy: 'none', mainTo: ['D-DAOLI'], copyTo: [], mainFile: file,
      attachments: [], note: null, confirmNonClassified: true,
    });
    await waitFor(sender, async () => (await call(sender, 'sync.status')).pending === 0, 'the upload after the drop', 30_000);
    // First chunk once; the dropped second chunk retried from the server's offset, never from 0 again.
    expect(puts).toEqual([0, BLOB_CHUNK_BYTES, BLOB_CHUNK_BYTES]);

    await call(receiver, 'sync.setOffline', { offline: false });
    await waitFor(receiver, async () => (await call(receiver, 'documents.inbox', {})).rows.some((r) => r.documentId === documentId), 'the document');
    const first = await receiver.invoke('files.read', { sha256: file.sha256 });
    if (first.ok) {
      // The background queue got there first and already resumed; the bytes must still be exact.
      expect(Buffer.from((first.value as { data: Uint8Array }).data).equals(Buffer.from(data))).toBe(true);
    } else {
      expect(first.error.code).toBe('SERVER_UNREACHABLE');
      const again = await call(receiver, 'files.read', { sha256: file.sha256 });
      expect(Buffer.from(again.data).equals(Buffer.from(data))).toBe(true);
    }
    expect(ranges[0]).toBeNull();
    expect(ranges.length).toBeGreaterThanOrEqual(2);
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(Number(/bytes=(\d+)-/.exec(ranges[1]!)![1])).toBeGreaterThan(0);
  });
});
