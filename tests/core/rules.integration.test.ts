/**
 * Rules a user (or an attacker) would check, against a real server: one unit cannot read another's documents,
 * classified material is refused (field and PDF mark), files are checked by content, search works offline on Chinese
 * text from the title and the PDF, urgent documents and reminders notify, recall only before signing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/ipc/contract.ts';
import { API_PREFIX } from '../../shared/sync/protocol.ts';
import { FIXTURE_PDFS, hasFixtures } from '../helpers/environment.ts';
import { call, callErr, client, PASSWORD, startTestServer, waitFor, type RunningServer, type TestClient } from './harness.ts';
import { cjkPdf } from './cjkPdf.ts';
import { pngBytes } from './fakeServer.ts';

const base = { docNumber: { prefix: '哈政办发', year: 2026, sequence: 41 }, urgency: 'normal', secrecy: 'none', copyTo: [], attachments: [], note: null, confirmNonClassified: true } as const;

describe('rules (real server)', () => {
  let server: RunningServer;
  let bgt: TestClient;
  let daoli: TestClient;
  let nangang: TestClient;
  const events: CoreEvent[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    [bgt, daoli, nangang] = await Promise.all(['bgt.clerk', 'daoli.clerk', 'nangang.clerk'].map((u) => client(server.url, u)));
    daoli.core.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await Promise.all([bgt, daoli, nangang].map((c) => c?.core.close()));
    await server?.close();
  });

  it('a unit cannot read another unit’s documents, through the core or the server', async () => {
    const file = await call(bgt.core, 'files.add', { name: '南岗专送.png', data: pngBytes(77) });
    const { documentId } = await call(bgt.core, 'documents.send', { ...base, title: '仅发南岗区的通知', mainTo: ['D-NANGANG'], mainFile: file });
    const row = await waitFor(nangang.core, async () => (await call(nangang.core, 'documents.inbox', {})).rows.find((r) => r.documentId === documentId), 'nangang to receive');
    await call(daoli.core, 'sync.now');
    expect((await call(daoli.core, 'documents.inbox', {})).rows.some((r) => r.documentId === documentId)).toBe(false);
    expect((await callErr(daoli.core, 'documents.get', { documentId })).code).toBe('NOT_FOUND');
    expect((await callErr(daoli.core, 'files.read', { sha256: file.sha256 })).code).toBe('NOT_FOUND');
    expect((await callErr(daoli.core, 'documents.sign', { deliveryId: row.deliveryId, opinion: null })).code).toBe('NOT_FOUND');
    expect((await call(daoli.core, 'documents.search', { query: '仅发南岗' })).length).toBe(0);
    // The server refuses the same reads with daoli's own token.
    const login = await fetch(`${server.url}${API_PREFIX}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'daoli.clerk', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const blob = await fetch(`${server.url}${API_PREFIX}/blobs/${file.sha256}`, { headers: { authorization: `Bearer ${token}` } });
    expect([403, 404]).toContain(blob.status);
  });

  it('refuses classified material: the secrecy field and a 密级 mark in the PDF, queueing nothing', async () => {
    const clean = await call(bgt.core, 'files.add', { name: '正文.pdf', data: await cjkPdf(['哈尔滨市人民政府办公厅', '关于做好春节期间值班工作的通知']) });
    const before = await call(bgt.core, 'sync.status');
    const sentBefore = (await call(bgt.core, 'documents.sent', {})).total;
    const field = await callErr(bgt.core, 'documents.send', { ...base, title: '涉密测试', secrecy: 'secret', mainTo: ['D-DAOLI'], mainFile: clean });
    expect(field.code).toBe('DOC_CLASSIFIED_REFUSED');
    const marked = await call(bgt.core, 'files.add', { name: '密件.pdf', data: await cjkPdf(['机密★1年', '哈尔滨市人民政府办公厅', '关于某项工作的通知']) });
    const mark = await callErr(bgt.core, 'documents.send', { ...base, title: '看似普通的通知', mainTo: ['D-DAOLI'], mainFile: clean, attachments: [marked] });
    expect(mark.code).toBe('DOC_CLASSIFIED_REFUSED');
    expect(mark.details).toMatchObject({ page: 1, mark: '机密★1年' });
    expect((await call(bgt.core, 'sync.status')).pending).toBe(before.pending);
    expect((await call(bgt.core, 'documents.sent', {})).total).toBe(sentBefore);
  });

  it('checks files by content: wrong type, broken and encrypted PDFs, bad names, missing uploads', async () => {
    expect((await callErr(bgt.core, 'files.add', { name: '通知.pdf', data: new TextEncoder().encode('这不是PDF，只是文本') })).code).toBe('BLOB_TYPE_REFUSED');
    expect((await callErr(bgt.core, 'files.add', { name: '../../etc/passwd', data: pngBytes() })).code).toBe('VALIDATION_FAILED');
    expect((await callErr(bgt.core, 'files.add', { name: 'bad.pdf', data: new TextEncoder().encode('%PDF-1.4\n这不是一个完整的PDF') })).code).toBe('PDF_BROKEN');
    if (hasFixtures()) {
      const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_PDFS, f)));
      expect((await callErr(bgt.core, 'files.add', { name: 'locked.pdf', data: read('issue6010_1.pdf') })).code).toBe('PDF_ENCRYPTED');
      // A damaged file pdf.js can repair is accepted (with its text).
      expect((await call(bgt.core, 'files.add', { name: 'repaired.pdf', data: read('helloworld-bad.pdf') })).kind).toBe('pdf');
    }
    const ghost = { sha256: 'a'.repeat(64), name: '不存在.pdf', size: 10, kind: 'pdf' };
    expect((await callErr(bgt.core, 'documents.send', { ...base, title: '缺附件', mainTo: ['D-DAOLI'], mainFile: ghost })).code).toBe('DOC_BLOB_MISSING');
    const png = await call(bgt.core, 'files.add', { name: 'x.png', data: pngBytes(3) });
    expect((await callErr(bgt.core, 'documents.send', { ...base, title: '无主送', mainTo: [], mainFile: png })).code).toBe('DOC_NO_RECIPIENT');
    expect((await callErr(bgt.core, 'documents.send', { ...base, title: '未知单位', mainTo: ['NOPE-UNIT'], mainFile: png })).code).toBe('VALIDATION_FAILED');
    expect((await callErr(bgt.core, 'documents.send', { ...base, title: '坏文号', docNumber: { prefix: 'ABC', year: 2026, sequence: 0 }, mainTo: ['D-DAOLI'], mainFile: png })).code).toBe('VALIDATION_FAILED');
  });

  it('finds Chinese text from the PDF and the title, offline', async () => {
    const pdf = await cjkPdf(['哈尔滨市人民政府办公厅', '关于印发松花江流域防汛抗旱应急预案的通知', '各区、县（市）人民政府：现将预案印发给你们，请认真贯彻执行。']);
    const file = await call(bgt.core, 'files.add', { name: '防汛预案.pdf', data: pdf });
    const { documentId } = await call(bgt.core, 'documents.send', { ...base, title: '2026年汛期工作安排', docNumber: { prefix: '哈政办发', year: 2026, sequence: 42 }, mainTo: ['D-DAOLI'], mainFile: file });
    await waitFor(daoli.core, async () => {
      const hits = await call(daoli.core, 'documents.search', { query: '防汛抗旱应急预案' });
      return hits.some((h) => h.documentId === documentId);
    }, 'the PDF text to be indexed at the recipient', 30_000);
    await call(daoli.core, 'sync.setOffline', { offline: true });
    try {
      const body = await call(daoli.core, 'documents.search', { query: '防汛抗旱应急预案' });
      expect(body[0]).toMatchObject({ documentId, box: 'inbox', senderUnitName: '哈尔滨市人民政府办公厅' });
      expect(body[0].snippet).toContain('[[防汛抗旱应急预案]]');
      const title = await call(daoli.core, 'documents.search', { query: '汛期' });
      expect(title.find((h) => h.documentId === documentId)?.snippet).toContain('[[汛期]]');
      const number = await call(daoli.core, 'documents.search', { query: '〔2026〕42号' });
      expect(number.map((h) => h.documentId)).toContain(documentId);
      expect((await call(bgt.core, 'documents.search', { query: '贯彻执行' })).find((h) => h.documentId === documentId)?.box).toBe('sent');
    } finally {
      await call(daoli.core, 'sync.setOffline', { offline: false });
    }
  });

  it('notifies urgent documents and reminders; recall works only before signing', async () => {
    const png = await call(bgt.core, 'files.add', { name: 'u.png', data: pngBytes(9) });
    const { documentId } = await call(bgt.core, 'documents.send', { ...base, title: '特急：关于寒潮天气防范的紧急通知', urgency: 'extra-urgent', mainTo: ['D-DAOLI', 'D-NANGANG'], mainFile: png });
    await waitFor(daoli.core, () => events.some((e) => e.type === 'notify' && e.kind === 'urgent-document' && e.documentId === documentId), 'the urgent notice');
    const detail = await waitFor(bgt.core, async () => {
      const d = await call(bgt.core, 'documents.get', { documentId });
      return d.deliveries.length === 2 ? d : null;
    }, 'deliveries at the sender');
    const toDaoli = detail.deliveries.find((d) => d.recipientUnit === 'D-DAOLI')!;
    const toNangang = detail.deliveries.find((d) => d.recipientUnit === 'D-NANGANG')!;
    expect((await call(bgt.core, 'documents.remind', { deliveryIds: [toDaoli.id], message: '请今日内签收' })).reminded).toBe(1);
    await waitFor(daoli.core, () => events.some((e) => e.type === 'notify' && e.kind === 'remind' && e.documentId === documentId), 'the reminder');
    const inbox = (await call(daoli.core, 'documents.inbox', {})).rows;
    expect(inbox[0]).toMatchObject({ documentId, urgency: 'extra-urgent', remindCount: 1 }); // 特急 sorts first
    await call(daoli.core, 'documents.sign', { deliveryId: toDaoli.id, opinion: null });
    await waitFor(bgt.core, async () => (await call(bgt.core, 'documents.get', { documentId })).deliveries.find((d) => d.id === toDaoli.id)?.status === 'signed', 'the signature');
    expect((await callErr(bgt.core, 'documents.recall', { deliveryId: toDaoli.id })).code).toBe('DELIVERY_ALREADY_SIGNED');
    await call(bgt.core, 'documents.recall', { deliveryId: toNangang.id });
    await waitFor(nangang.core, async () => (await call(nangang.core, 'documents.inbox', {})).rows.find((r) => r.documentId === documentId)?.status === 'recalled', 'the recall at nangang');
    const counts = await call(daoli.core, 'documents.counts');
    expect(counts.urgentUnsigned).toBe(0);
  });
});
