/**
 * End to end with a real server and several real cores: the General Office sends a PDF to 3 units, each signs,
 * the sender sees every recipient signed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PDFS, hasFixtures } from '../helpers/environment.ts';
import { call, client, startTestServer, waitFor, type RunningServer, type TestClient } from './harness.ts';

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
});
