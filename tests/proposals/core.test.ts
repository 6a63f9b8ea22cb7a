/** Client-core pieces of 建议提案: reading CSV files, and what happens locally when the server refuses a queued item. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readSheet } from '../../src-main/core/proposals/importFile.ts';
import { buildImportPreview } from '../../shared/domain/proposalsImport.ts';
import { call, callErr, client, startTestServer, waitFor, type RunningServer, type TestClient } from '../core/harness.ts';
import { draft } from './fixtures.ts';

describe('import files', () => {
  it('reads CSV (UTF-8 with BOM, or GB18030 as Excel saves it) with quoted fields and doubled quotes', async () => {
    const text = '类型,届次,编号,标题,领衔人,分类,内容,收到日期\r\n建议,市十六届人大五次会议,3,"关于""一网通办""的建议",张三,营商环境,"第一段,含逗号\n第二段",2026/1/5\r\n';
    expect(decodeText(new TextEncoder().encode(text))).toBe(text); // UTF-8 stays UTF-8
    const gbBytes = new Uint8Array([0xbd, 0xa8, 0xd2, 0xe9]); // "建议" in GB18030
    expect(decodeText(gbBytes)).toBe('建议');
    const rows = parseCsv(text);
    expect(rows[1][3]).toBe('关于"一网通办"的建议');
    expect(rows[1][6]).toBe('第一段,含逗号\n第二段');
    const table = await readSheet('a.csv', new TextEncoder().encode(`\uFEFF${text}`));
    const p = buildImportPreview(table, []);
    expect(p.rows[0].errors).toEqual([]);
    expect(p.rows[0].draft).toMatchObject({ number: 3, title: '关于"一网通办"的建议', receivedOn: '2026-01-05' });
  });
  it('refuses what is neither xlsx nor csv, and a broken xlsx', async () => {
    await expect(readSheet('a.pdf', new TextEncoder().encode('%PDF-1.7'))).rejects.toMatchObject({ code: 'PROPOSAL_IMPORT_BAD_FILE' });
    await expect(readSheet('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'PROPOSAL_IMPORT_BAD_FILE' });
    await expect(readSheet('a.csv', new Uint8Array())).rejects.toMatchObject({ code: 'PROPOSAL_IMPORT_BAD_FILE' });
  });
});

describe('offline registration refused by the server (real server, two office clients)', () => {
  let server: RunningServer & { dataDir: string };
  let a: TestClient; let b: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([client(server.url, 'bgt.handler'), client(server.url, 'bgt.secretary')]);
  });
  afterAll(async () => {
    await Promise.all([a, b].map((c) => c?.core.close()));
    await server?.close();
  });

  it('shows the item at once offline; when another client took the number first, it is withdrawn and reported', async () => {
    await call(a.core, 'sync.setOffline', { offline: true });
    const { proposalId } = await call(a.core, 'proposals.register', draft({ number: 5, title: '关于甲事项的建议' }));
    expect((await call(a.core, 'proposals.get', { proposalId })).pending).toBe(true);
    expect((await callErr(a.core, 'proposals.register', draft({ number: 5, title: '重复编号' }))).code).toBe('PROPOSAL_DUPLICATE_NUMBER');
    await call(b.core, 'proposals.register', draft({ number: 5, title: '关于乙事项的建议' }));
    await waitFor(b.core, async () => (await call(b.core, 'sync.status')).pending === 0, 'b to sync');
    await call(a.core, 'sync.setOffline', { offline: false });
    const status = await waitFor(a.core, async () => { const s = await call(a.core, 'sync.status'); return s.rejected.length > 0 && s.pending === 0 ? s : null; }, 'the refusal');
    expect(status.rejected[0]).toMatchObject({ type: 'proposal.register', code: 'PROPOSAL_DUPLICATE_NUMBER' });
    await call(a.core, 'sync.now');
    const list = await call(a.core, 'proposals.list', {});
    expect(list.rows.map((r) => r.title)).toEqual(['关于乙事项的建议']); // the server's item, not the refused one
    expect((await callErr(a.core, 'proposals.get', { proposalId })).code).toBe('NOT_FOUND');
  });

  it('a refused transition falls back to the server state', async () => {
    const { proposalId } = await call(a.core, 'proposals.register', draft({ number: 6 }));
    await waitFor(a.core, async () => (await call(a.core, 'sync.status')).pending === 0, 'a to sync');
    await call(b.core, 'sync.now');
    await call(a.core, 'sync.setOffline', { offline: true });
    await call(a.core, 'proposals.assign', { proposalId, leadUnit: 'D-DAOLI' });
    expect((await call(a.core, 'proposals.get', { proposalId })).item.status).toBe('assigned');
    await call(b.core, 'proposals.assign', { proposalId, leadUnit: 'D-NANGANG' }); // the other office clerk wins
    await waitFor(b.core, async () => (await call(b.core, 'sync.status')).pending === 0, 'b to sync');
    await call(a.core, 'sync.setOffline', { offline: false });
    await waitFor(a.core, async () => (await call(a.core, 'proposals.get', { proposalId })).item.leadUnit === 'D-NANGANG', 'a to see the server state');
    const d = await call(a.core, 'proposals.get', { proposalId });
    expect(d.pending).toBe(false);
    expect(d.events.filter((e) => e.detail.type === 'assigned')).toHaveLength(1);
  });
});
