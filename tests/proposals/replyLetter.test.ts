/**
 * The reply carries its letter: when the lead unit answers, its core renders the 答复函 (信函 format), stages it as a
 * blob, the push uploads it before the reply, the server checks it and grants the General Office read access, and
 * the office's core downloads the same PDF. A reply naming a blob the unit never uploaded is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index.ts';
import { extractPdfText } from '../../src-main/core/pdf/index.ts';
import { call, client, PASSWORD, startTestServer, waitFor, type RunningServer, type TestClient } from '../core/harness.ts';
import { api, login, mutation, push } from '../server/harness.ts';
import { draft } from './fixtures.ts';

const settled = (c: Core) => waitFor(c, async () => (await call(c, 'sync.status')).pending === 0, 'the outbox to drain', 30_000);
const TITLE = '关于在松花江沿岸增设市民健身步道的建议';

describe('the reply letter travels with the reply', () => {
  let server: RunningServer & { dataDir: string };
  let office: TestClient; let daoli: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    [office, daoli] = await Promise.all(['bgt.handler', 'daoli.handler'].map((u) => client(server.url, u)));
  });
  afterAll(async () => {
    await Promise.all([office, daoli].map((c) => c?.core.close()));
    await server?.close();
  });

  it('the office reads the lead unit’s letter PDF after sync; a letter never uploaded is refused', async () => {
    const a = (await call(office.core, 'proposals.register', draft({ number: 301, title: TITLE }))).proposalId;
    const b = (await call(office.core, 'proposals.register', draft({ number: 302, title: '关于另一事项的建议' }))).proposalId;
    for (const id of [a, b]) await call(office.core, 'proposals.assign', { proposalId: id, leadUnit: 'D-DAOLI', coUnits: [] });
    await settled(office.core);
    await call(daoli.core, 'sync.now');
    for (const id of [a, b]) await call(daoli.core, 'proposals.sign', { proposalId: id });
    await call(daoli.core, 'proposals.reply', { proposalId: a, outcome: 'A', text: '我局已会同相关部门完成步道选线，年内开工建设。' });
    const mine = (await call(daoli.core, 'proposals.get', { proposalId: a })).item.replyLetter;
    expect(mine).toMatchObject({ kind: 'pdf', name: '市十六届人大五次会议第301号答复函.pdf' });
    await settled(daoli.core);

    await call(office.core, 'sync.now');
    const item = (await call(office.core, 'proposals.get', { proposalId: a })).item;
    expect(item.status).toBe('answered');
    expect(item.replyLetter).toEqual(mine);
    const file = await call(office.core, 'files.read', { sha256: item.replyLetter!.sha256 });
    expect(file.kind).toBe('pdf');
    expect(new TextDecoder().decode(file.data.subarray(0, 5))).toBe('%PDF-');
    const text = (await extractPdfText(file.data)).pages.join('').replace(/\s+/g, '');
    expect(text).toContain(TITLE);
    expect(text).toContain('我局已会同相关部门完成步道选线');

    // a unit not involved in the item cannot fetch the letter by its hash
    const nangang = (await login(server.url, 'nangang.handler', PASSWORD)).token;
    expect((await api(server.url, 'GET', `/blobs/${item.replyLetter!.sha256}`, { token: nangang })).status).not.toBe(200);
    // the server checks the named blob like a document attachment; a reply without a letter still applies
    const token = (await login(server.url, 'daoli.handler', PASSWORD)).token;
    const fake = { sha256: 'ab'.repeat(32), name: '伪造答复函.pdf', size: 1000, kind: 'pdf' as const };
    const reply = (letter: typeof fake | null, eventId: string) => push(server.url, token, [mutation({ type: 'proposal.reply', payload: { proposalId: b, eventId, outcome: 'B', text: '正在推进', letter } })]);
    expect((await reply(fake, '019ac000-0000-7000-8000-000000000001'))[0].error?.code).toBe('DOC_BLOB_MISSING');
    expect((await reply(null, '019ac000-0000-7000-8000-000000000002'))[0].status).toBe('applied');
  });
});
