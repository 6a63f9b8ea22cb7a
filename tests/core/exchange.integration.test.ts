/**
 * End to end with a real server and several real cores: the General Office sends a PDF to 3 units, each signs,
 * the sender sees every recipient signed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PDFS, hasFixtures } from '../helpers/environment.ts';
import { call, callErr, client, startTestServer, waitFor, type RunningServer, type TestClient } from './harness.ts';
import { pngBytes } from './fakeServer.ts';

const UNITS = { daoli: 'D-DAOLI', nangang: 'D-NANGANG', daowai: 'D-DAOWAI' };

describe('document exchange: General Office → 3 units', () => {
  let server: RunningServer;
  let bgt: TestClient;
  let units: TestClient[];
  beforeAll(async () => {
    server = await startTestServer();
    bgt = await client(server.url, 'bgt.clerk');
    units = await Promise.all(['daoli.clerk', 'nangang.clerk', 'daowai.clerk'].map((u) => client(server.url, u)));
  });
  afterAll(async () => {
    await Promise.all([bgt, ...units].map((c) => c?.core.close()));
    await server?.close();
  });

  it.runIf(hasFixtures())('delivers a PDF to 3 units, each signs, and the sender sees all 3 signed', async () => {
    const pdf = new Uint8Array(fs.readFileSync(path.join(FIXTURE_PDFS, 'tracemonkey.pdf')));
    const ref = await call(bgt.core, 'files.add', { name: 'tracemonkey.pdf', data: pdf });
    expect(ref.kind).toBe('pdf');
    const { documentId } = await call(bgt.core, 'documents.send', {
      title: '关于做好2026年冬季供暖保障工作的通知', docNumber: { prefix: '哈政办发', year: 2026, sequence: 12 }, urgency: 'urgent', secrecy: 'none',
      mainTo: [UNITS.daoli, UNITS.nangang], copyTo: [UNITS.daowai], mainFile: ref, attachments: [], note: null, confirmNonClassified: true,
    });
    // Visible at once in the sender's sent box, pending until the server accepts it.
    const first = await call(bgt.core, 'documents.sent', {});
    expect(first.rows[0]).toMatchObject({ documentId, recipients: 3 });

    for (const u of units) {
      const row = await waitFor(u.core, async () => (await call(u.core, 'documents.inbox', {})).rows.find((r) => r.documentId === documentId), `${u.username} inbox`);
      expect(row).toMatchObject({ status: 'delivered', urgency: 'urgent', docNumberText: '哈政办发〔2026〕12号', senderUnit: 'BGT' });
      const file = await call(u.core, 'files.read', { sha256: ref.sha256 });
      expect(Buffer.from(file.data).equals(Buffer.from(pdf))).toBe(true);
      await call(u.core, 'documents.sign', { deliveryId: row.deliveryId, opinion: '已收到' });
      const signedLocally = (await call(u.core, 'documents.inbox', {})).rows.find((r) => r.documentId === documentId);
      expect(signedLocally?.status).toBe('signed');
    }

    const detail = await waitFor(bgt.core, async () => {
      const d = await call(bgt.core, 'documents.get', { documentId });
      return d.deliveries.length === 3 && d.deliveries.every((x) => x.status === 'signed' && !x.pending) ? d : null;
    }, 'sender sees 3 signed');
    expect(detail.deliveries.map((d) => d.recipientUnit).sort()).toEqual([UNITS.daoli, UNITS.daowai, UNITS.nangang].sort());
    expect(detail.deliveries.every((d) => d.signedBy && d.signNumber)).toBe(true);
    const sent = await call(bgt.core, 'documents.sent', {});
    expect(sent.rows.find((r) => r.documentId === documentId)).toMatchObject({ pending: false, recipients: 3, signed: 3, rejected: null });
  });

  it('read receipts, refuse, register, 补发 to an added unit, drafts, inbox filters and counts', async () => {
    const [daoli, nangang, daowai] = units;
    const draft = await call(bgt.core, 'documents.saveDraft', { id: null, draft: { title: '关于征求意见的函', mainTo: [UNITS.daoli] } });
    expect((await call(bgt.core, 'documents.listDrafts')).map((d) => d.id)).toContain(draft.id);
    const file = await call(bgt.core, 'files.add', { name: '征求意见稿.png', data: pngBytes(21) });
    const { documentId } = await call(bgt.core, 'documents.send', {
      title: '关于征求意见的函', docNumber: { prefix: '哈政办函', year: 2026, sequence: 5 }, urgency: 'normal', secrecy: 'internal',
      mainTo: [UNITS.daoli, UNITS.nangang], copyTo: [], mainFile: file, attachments: [], note: '请于三日内反馈', confirmNonClassified: true, draftId: draft.id,
    });
    expect((await call(bgt.core, 'documents.listDrafts')).map((d) => d.id)).not.toContain(draft.id);

    const rowOf = async (c: TestClient) => waitFor(c.core, async () => (await call(c.core, 'documents.inbox', {})).rows.find((r) => r.documentId === documentId), `${c.username} inbox`);
    const d1 = await rowOf(daoli);
    const n1 = await rowOf(nangang);
    const before = await call(daoli.core, 'documents.counts');
    await call(daoli.core, 'documents.markRead', { deliveryId: d1.deliveryId });
    expect((await call(daoli.core, 'documents.counts')).unread).toBe(before.unread - 1);
    await call(daoli.core, 'documents.sign', { deliveryId: d1.deliveryId, opinion: null });
    await call(daoli.core, 'documents.register', { deliveryId: d1.deliveryId });
    expect((await callErr(daoli.core, 'documents.refuse', { deliveryId: d1.deliveryId, reason: '不属于本单位职责' })).code).toBe('DELIVERY_BAD_STATE');
    await call(nangang.core, 'documents.refuse', { deliveryId: n1.deliveryId, reason: '不属于本单位职责' });
    expect((await call(nangang.core, 'documents.inbox', { filter: { unsignedOnly: true } })).rows.some((r) => r.documentId === documentId)).toBe(false);
    expect((await call(nangang.core, 'documents.inbox', { filter: { status: 'refused' } })).rows.map((r) => r.documentId)).toContain(documentId);
    expect((await call(nangang.core, 'documents.inbox', { filter: { fromUnit: 'D-DAOLI' } })).rows.some((r) => r.documentId === documentId)).toBe(false);

    await call(bgt.core, 'documents.addRecipients', { documentId, mainTo: [], copyTo: [UNITS.daowai] });
    expect((await callErr(bgt.core, 'documents.addRecipients', { documentId, mainTo: [UNITS.daoli], copyTo: [] })).code).toBe('VALIDATION_FAILED');
    const w = await rowOf(daowai);
    expect(w.role).toBe('copy');

    const row = await waitFor(bgt.core, async () => {
      const r = (await call(bgt.core, 'documents.sent', {})).rows.find((x) => x.documentId === documentId);
      return r && r.recipients === 3 && r.signed === 1 && r.refused === 1 && r.read === 1 ? r : null;
    }, 'the sender to see read, signed+registered, refused and the added unit');
    expect(row.pending).toBe(false);
    const detail = await call(bgt.core, 'documents.get', { documentId });
    expect(Object.fromEntries(detail.deliveries.map((d) => [d.recipientUnit, d.status]))).toEqual({ [UNITS.daoli]: 'registered', [UNITS.nangang]: 'refused', [UNITS.daowai]: 'delivered' });
    expect(detail.deliveries.find((d) => d.recipientUnit === UNITS.nangang)?.refusedReason).toBe('不属于本单位职责');
    const mine = await call(daowai.core, 'documents.get', { documentId });
    expect(mine.myDelivery?.recipientUnit).toBe(UNITS.daowai);
    expect(mine.deliveries).toEqual([]); // a recipient does not see the other recipients' states
  });
});
