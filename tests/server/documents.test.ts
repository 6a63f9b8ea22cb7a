import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Delivery, OfficialDocument } from '../../shared/schemas/documents.ts';
import { api, BACKENDS, login, mutation, pdfBytes, push, startTestServer, type TestServer } from './harness.ts';
import { draft, latest, pullAll, sendMutation, uploadPdf } from './builders.ts';

const RECIPIENTS = ['D-DAOLI', 'D-NANGANG', 'C-WUCHANG'] as const;
const CLERK: Record<string, string> = { 'D-DAOLI': 'daoli.clerk', 'D-NANGANG': 'nangang.clerk', 'C-WUCHANG': 'wuchang.clerk', 'D-DAOWAI': 'daowai.clerk' };

describe.each(BACKENDS)('document exchange on %s', (backend) => {
  let server: TestServer;
  let bgt: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer(backend);
    bgt = (await login(server.url, 'bgt.clerk')).token;
    for (const [unit, user] of Object.entries(CLERK)) tokens[unit] = (await login(server.url, user)).token;
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  async function deliveriesOf(token: string, documentId: string): Promise<Delivery[]> {
    const { changes } = await pullAll(server.url, token);
    return [...latest(changes, 'delivery').values()].filter((d) => d.documentId === documentId);
  }

  it('sends to 3 units with a PDF: each pulls the document and its delivery, signs, and the sender sees 3 signed', async () => {
    const mainFile = await uploadPdf(server.url, bgt, pdfBytes(50_000));
    const documentId = uuidv7();
    const [res] = await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI', 'D-NANGANG'], copyTo: ['C-WUCHANG', 'D-DAOLI'], mainFile }), documentId)]);
    expect(res).toEqual({ id: expect.any(String), status: 'applied' });

    for (const unit of RECIPIENTS) {
      const { changes } = await pullAll(server.url, tokens[unit]);
      const doc = latest(changes, 'document').get(documentId) as OfficialDocument;
      expect(doc.title).toContain('元旦春节');
      expect(doc.senderUnit).toBe('BGT');
      expect(doc.createdByName).toBe('王敏');
      const mine = [...latest(changes, 'delivery').values()].filter((d) => d.documentId === documentId);
      expect(mine).toHaveLength(1); // a recipient sees its own delivery only
      expect(mine[0]).toMatchObject({ recipientUnit: unit, status: 'delivered', role: unit === 'C-WUCHANG' ? 'copy' : 'main' });
      const file = await api<Buffer>(server.url, 'GET', `/blobs/${mainFile.sha256}`, { token: tokens[unit] });
      expect(file.status).toBe(200);
      expect(file.body.length).toBe(mainFile.size);
      const [signed] = await push(server.url, tokens[unit], [mutation({ type: 'delivery.sign', payload: { deliveryId: mine[0].id, opinion: '已收到' } })]);
      expect(signed.status).toBe('applied');
    }
    const mine = await deliveriesOf(bgt, documentId);
    expect(mine).toHaveLength(3);
    expect(mine.map((d) => d.status)).toEqual(['signed', 'signed', 'signed']);
    expect(new Set(mine.map((d) => d.recipientUnit))).toEqual(new Set(RECIPIENTS));
    for (const d of mine) {
      expect(d.signNumber).toMatch(/^2\d{3}-\d{4}$/);
      expect(d.signedBy).toBeTruthy();
      expect(d.signOpinion).toBe('已收到');
    }
  });

  it('applies a replayed mutation once and returns the first result', async () => {
    const m = sendMutation(draft({ mainTo: ['D-DAOWAI'], title: '重放测试' }));
    const first = await push(server.url, bgt, [m]);
    const again = await push(server.url, bgt, [m, m]);
    expect(again).toEqual([first[0], first[0]]);
    const docs = [...latest((await pullAll(server.url, tokens['D-DAOWAI'])).changes, 'document').values()].filter((d) => d.title === '重放测试');
    expect(docs).toHaveLength(1);
    expect(await deliveriesOf(tokens['D-DAOWAI'], m.payload.documentId)).toHaveLength(1);
  });

  it('refuses classified documents, no main recipient, unknown recipients, missing blobs; invalid mutations are rejected, not blocking', async () => {
    const results = await push(server.url, bgt, [
      sendMutation(draft({ secrecy: 'secret' })),
      sendMutation(draft({ secrecy: 'top-secret' })),
      sendMutation(draft({ mainTo: [], copyTo: ['D-DAOLI'] })),
      sendMutation(draft({ mainTo: ['X-NOWHERE'] })),
      sendMutation(draft({ mainTo: ['BGT'] })),
      sendMutation(draft({ mainFile: { sha256: 'a'.repeat(64), name: 'x.pdf', size: 10, kind: 'pdf' } })),
      { id: uuidv7(), clientTime: new Date().toISOString(), type: 'document.send', payload: { title: 'x' } },
      { id: uuidv7(), clientTime: new Date().toISOString(), type: 'document.explode', payload: {} },
      sendMutation(draft({ title: '正常发出', mainTo: ['D-NANGANG'] })),
    ]);
    const codes = results.map((r) => r.error?.code ?? r.status);
    expect(codes).toEqual(['DOC_CLASSIFIED_REFUSED', 'DOC_CLASSIFIED_REFUSED', 'DOC_NO_RECIPIENT', 'VALIDATION_FAILED', 'VALIDATION_FAILED',
      'DOC_BLOB_MISSING', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'applied']);
    expect(results.slice(0, 8).every((r) => r.status === 'rejected')).toBe(true);
    const { changes } = await pullAll(server.url, tokens['D-DAOLI']);
    expect([...latest(changes, 'document').values()].some((d) => d.secrecy !== 'none' && d.secrecy !== 'internal')).toBe(false);
  });

  it('refuses sending by a role without the permission', async () => {
    const leader = (await login(server.url, 'bgt.leader')).token;
    const [r] = await push(server.url, leader, [sendMutation(draft())]);
    expect(r.error?.code).toBe('FORBIDDEN');
  });

  it('recalls before signing, refuses recall after signing, counts reminders', async () => {
    const documentId = uuidv7();
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI', 'D-NANGANG'], title: '撤回与催办' }), documentId)]);
    const ds = await deliveriesOf(bgt, documentId);
    const daoli = ds.find((d) => d.recipientUnit === 'D-DAOLI')!;
    const nangang = ds.find((d) => d.recipientUnit === 'D-NANGANG')!;

    const reminds = await push(server.url, bgt, [
      mutation({ type: 'delivery.remind', payload: { deliveryId: nangang.id, message: '请尽快签收' } }),
      mutation({ type: 'delivery.remind', payload: { deliveryId: nangang.id, message: null } }),
    ]);
    expect(reminds.map((r) => r.status)).toEqual(['applied', 'applied']);
    const [recalled] = await push(server.url, bgt, [mutation({ type: 'delivery.recall', payload: { deliveryId: daoli.id } })]);
    expect(recalled.status).toBe('applied');
    const [signLate] = await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'delivery.sign', payload: { deliveryId: daoli.id, opinion: null } })]);
    expect(signLate.error?.code).toBe('DELIVERY_BAD_STATE');

    await push(server.url, tokens['D-NANGANG'], [mutation({ type: 'delivery.sign', payload: { deliveryId: nangang.id, opinion: null } })]);
    const [tooLate] = await push(server.url, bgt, [mutation({ type: 'delivery.recall', payload: { deliveryId: nangang.id } })]);
    expect(tooLate.error?.code).toBe('DELIVERY_ALREADY_SIGNED');
    const [remindSigned] = await push(server.url, bgt, [mutation({ type: 'delivery.remind', payload: { deliveryId: nangang.id, message: null } })]);
    expect(remindSigned.error?.code).toBe('DELIVERY_BAD_STATE');

    const after = await deliveriesOf(bgt, documentId);
    expect(after.find((d) => d.id === daoli.id)).toMatchObject({ status: 'recalled' });
    expect(after.find((d) => d.id === nangang.id)).toMatchObject({ status: 'signed', remindCount: 2, lastRemindMessage: null });
    const seenByRecipient = await deliveriesOf(tokens['D-NANGANG'], documentId);
    expect(seenByRecipient[0]).toMatchObject({ remindCount: 2, status: 'signed' });
    const daoliView = await deliveriesOf(tokens['D-DAOLI'], documentId);
    expect(daoliView[0].status).toBe('recalled');
  });

  it('registers after signing and refuses with a reason', async () => {
    const documentId = uuidv7();
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI', 'D-NANGANG'], title: '登记与退回' }), documentId)]);
    const [d1] = await deliveriesOf(tokens['D-DAOLI'], documentId);
    const [d2] = await deliveriesOf(tokens['D-NANGANG'], documentId);
    const early = await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'delivery.register', payload: { deliveryId: d1.id } })]);
    expect(early[0].error?.code).toBe('DELIVERY_BAD_STATE');
    await push(server.url, tokens['D-DAOLI'], [
      mutation({ type: 'delivery.read', payload: { deliveryId: d1.id } }),
      mutation({ type: 'delivery.sign', payload: { deliveryId: d1.id, opinion: null } }),
      mutation({ type: 'delivery.register', payload: { deliveryId: d1.id } }),
    ]);
    await push(server.url, tokens['D-NANGANG'], [mutation({ type: 'delivery.refuse', payload: { deliveryId: d2.id, reason: '非我单位职责' } })]);
    const seen = await deliveriesOf(bgt, documentId);
    expect(seen.find((d) => d.id === d1.id)).toMatchObject({ status: 'registered', readBy: expect.any(String) });
    expect(seen.find((d) => d.id === d2.id)).toMatchObject({ status: 'refused', refusedReason: '非我单位职责' });
  });

  it('补发: adds deliveries for newly added units only, who then receive document, delivery and attachment', async () => {
    const mainFile = await uploadPdf(server.url, bgt, pdfBytes(12_000));
    const documentId = uuidv7();
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI'], mainFile, title: '补发测试' }), documentId)]);
    expect((await api(server.url, 'GET', `/blobs/${mainFile.sha256}`, { token: tokens['D-DAOWAI'] })).status).toBe(404);
    const [r] = await push(server.url, bgt, [mutation({ type: 'document.addRecipients', payload: { documentId, mainTo: ['D-DAOLI', 'D-DAOWAI'], copyTo: [] } })]);
    expect(r.status).toBe('applied');
    const all = await deliveriesOf(bgt, documentId);
    expect(all.map((d) => d.recipientUnit).sort()).toEqual(['D-DAOLI', 'D-DAOWAI']);
    const { changes } = await pullAll(server.url, tokens['D-DAOWAI']);
    expect(latest(changes, 'document').get(documentId)?.mainTo).toEqual(['D-DAOLI', 'D-DAOWAI']);
    expect((await api(server.url, 'GET', `/blobs/${mainFile.sha256}`, { token: tokens['D-DAOWAI'] })).status).toBe(200);
  });

  it('refuses another unit’s ids: NOT_FOUND for strangers, FORBIDDEN for the wrong side', async () => {
    const documentId = uuidv7();
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI'], title: '越权测试' }), documentId)]);
    const [d] = await deliveriesOf(bgt, documentId);
    const stranger = await push(server.url, tokens['D-NANGANG'], [
      mutation({ type: 'delivery.sign', payload: { deliveryId: d.id, opinion: null } }),
      mutation({ type: 'delivery.recall', payload: { deliveryId: d.id } }),
      mutation({ type: 'document.addRecipients', payload: { documentId, mainTo: ['D-NANGANG'], copyTo: [] } }),
      mutation({ type: 'delivery.read', payload: { deliveryId: uuidv7() } }),
    ]);
    expect(stranger.map((r) => r.error?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const [senderSigns] = await push(server.url, bgt, [mutation({ type: 'delivery.sign', payload: { deliveryId: d.id, opinion: null } })]);
    expect(senderSigns.error?.code).toBe('FORBIDDEN');
    const { changes } = await pullAll(server.url, tokens['D-NANGANG']);
    expect(latest(changes, 'document').has(documentId)).toBe(false);
    expect((await deliveriesOf(tokens['D-DAOLI'], documentId))[0].status).toBe('delivered');
  });
});
