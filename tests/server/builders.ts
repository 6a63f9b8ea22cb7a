/** Builders for documents, blob uploads and pulls used across the server suites. */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AttachmentRef, BlobStatus } from '../../shared/schemas/blobs.ts';
import type { DocumentDraft } from '../../shared/schemas/documents.ts';
import type { Change, PullResponse } from '../../shared/sync/protocol.ts';
import { api } from './harness.ts';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function draft(over: Partial<DocumentDraft> = {}): DocumentDraft {
  return {
    title: '关于做好2026年元旦春节期间有关工作的通知', docNumber: { prefix: '哈政办发', year: 2026, sequence: 12 },
    urgency: 'urgent', secrecy: 'none', mainTo: ['D-DAOLI'], copyTo: [], mainFile: null, attachments: [], note: null, ...over,
  };
}

export function sendMutation(d: DocumentDraft, documentId: string = uuidv7(), id: string = uuidv7()) {
  return { id, clientTime: new Date().toISOString(), type: 'document.send' as const, payload: { ...d, documentId } };
}

export async function uploadBlob(base: string, token: string, bytes: Buffer, name: string, chunk = 8192): Promise<{ status: number; body: BlobStatus & { code?: string } }> {
  const hash = sha256(bytes);
  let last: { status: number; body: BlobStatus & { code?: string } } = { status: 0, body: {} as BlobStatus };
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const part = bytes.subarray(offset, Math.min(bytes.length, offset + chunk));
    last = await api(base, 'PUT', `/blobs/${hash}?offset=${offset}&size=${bytes.length}&name=${encodeURIComponent(name)}`,
      { token, body: part, headers: { 'content-type': 'application/octet-stream' } });
    if (last.status !== 200 || last.body.complete) return last;
  }
  return last;
}

export async function uploadPdf(base: string, token: string, bytes: Buffer, name = '正文.pdf'): Promise<AttachmentRef> {
  const r = await uploadBlob(base, token, bytes, name);
  if (r.status !== 200 || !r.body.complete) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { sha256: sha256(bytes), name, size: bytes.length, kind: 'pdf' };
}

/** Pulls the whole stream from `cursor` page by page. */
export async function pullAll(base: string, token: string, cursor = 0, limit = 500): Promise<{ changes: Change[]; cursor: number; epoch: string }> {
  const changes: Change[] = [];
  let epoch = '';
  for (;;) {
    const r = await api<PullResponse>(base, 'GET', `/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    if (r.status !== 200) throw new Error(`pull failed: ${r.status} ${JSON.stringify(r.body)}`);
    changes.push(...r.body.changes);
    cursor = r.body.cursor;
    epoch = r.body.epoch;
    if (!r.body.hasMore) return { changes, cursor, epoch };
  }
}

type DataOf<E extends Change['entity']> = Extract<Change, { entity: E }>['data'];

/** The latest state of each entity in a list of changes. */
export function latest<E extends Change['entity']>(changes: Change[], entity: E): Map<string, DataOf<E>> {
  const out = new Map<string, DataOf<E>>();
  for (const c of changes) {
    if (c.entity !== entity) continue;
    const data = c.data as DataOf<E>;
    out.set((data as { id: string }).id, data);
  }
  return out;
}
