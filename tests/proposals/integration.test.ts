/**
 * 建议提案 through the real server and real client cores (separate stores): import 500 items from xlsx, assign,
 * a unit returns one and the office reassigns it, handling and replies with categories, review, 不满意 reopens one,
 * and the statistics match what this test counted by hand as it went.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Core } from '../../src-main/core/index.ts';
import { CN_CALENDAR, defaultHandlingDeadline, reopenDeadline, shanghaiDate } from '../../shared/domain/workdays.ts';
import type { Outcome } from '../../shared/schemas/proposals.ts';
import { call, callErr, client, startTestServer, waitFor, type RunningServer, type TestClient } from '../core/harness.ts';
import { itemsXlsx, row, xlsxOf } from './xlsxFixture.ts';

const settled = (c: Core) => waitFor(c, async () => (await call(c, 'sync.status')).pending === 0, 'the outbox to drain', 60_000);
async function idsByNumber(c: Core, filter: Record<string, unknown> = {}): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await call(c, 'proposals.list', { filter, offset, limit: 1000 });
    for (const r of page.rows) out.set(r.number, r.id);
    if (offset + 1000 >= page.total) return out;
  }
}

describe('proposal handling end to end (real server, real cores)', () => {
  let server: RunningServer & { dataDir: string };
  let office: TestClient; let daoli: TestClient; let nangang: TestClient; let songbei: TestClient;
  const today = shanghaiDate(new Date());
  beforeAll(async () => {
    server = await startTestServer();
    [office, daoli, nangang, songbei] = await Promise.all(['bgt.handler', 'daoli.handler', 'nangang.handler', 'songbei.handler'].map((u) => client(server.url, u)));
  });
  afterAll(async () => {
    await Promise.all([office, daoli, nangang, songbei].map((c) => c?.core.close()));
    await server?.close();
  });

  it('refuses a file with wrong columns, and commits nothing from a file with bad rows', async () => {
    const wrong = await xlsxOf([['x', 'y']], ['名称', '说明']);
    expect((await callErr(office.core, 'proposals.importPreview', { name: 'wrong.xlsx', data: wrong })).code).toBe('PROPOSAL_IMPORT_BAD_FILE');
    const notExcel = new TextEncoder().encode('%PDF-1.7 not a sheet');
    expect((await callErr(office.core, 'proposals.importPreview', { name: 'a.xlsx', data: notExcel })).code).toBe('PROPOSAL_IMPORT_BAD_FILE');
    const bad = await xlsxOf([row(9001), [...row(9002).slice(0, 10), '2026-02-30'], row(9001)]);
    const p = await call(office.core, 'proposals.importPreview', { name: 'bad.xlsx', data: bad });
    expect(p).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(p.rows[1].errors[0]).toMatchObject({ field: '收到日期' });
    expect(p.rows[2].errors[0].message).toContain('编号重复');
    expect((await callErr(office.core, 'proposals.importCommit', { previewId: p.previewId })).code).toBe('PROPOSAL_IMPORT_HAS_ERRORS');
    expect((await call(office.core, 'proposals.list', {})).total).toBe(0);
    expect((await callErr(daoli.core, 'proposals.importPreview', { name: 'x.xlsx', data: bad })).code).toBe('FORBIDDEN');
  });

  it('imports 500 items, assigns, returns and reassigns, handles, answers, reviews, reopens, and counts right', async () => {
    // an item from an earlier year, so the import flags its look-alike
    await call(office.core, 'proposals.register', {
      kind: 'suggestion', year: 2025, session: '市十六届人大四次会议', number: 77, title: '关于加快推进老旧小区改造工作的建议', leadAuthor: '代表甲',
      coAuthors: [], group: null, category: '城乡建设', content: '去年的建议', contact: null, receivedOn: '2025-01-15',
    });
    const preview = await call(office.core, 'proposals.importPreview', { name: '2026建议提案.xlsx', data: await itemsXlsx(500) });
    expect(preview).toMatchObject({ total: 500, valid: 500, invalid: 0 });
    expect(preview.flagged).toBeGreaterThan(0);
    expect(preview.rows.find((r) => r.draft?.number === 10)?.similar[0]).toMatchObject({ year: 2025, title: '关于加快推进老旧小区改造工作的建议' });
    const { batchId, imported } = await call(office.core, 'proposals.importCommit', { previewId: preview.previewId });
    expect(imported).toBe(500);
    await waitFor(office.core, async () => (await call(office.core, 'proposals.importStatus', { batchId })).synced === 500, 'the server to accept 500 items', 60_000);
    expect(await call(office.core, 'proposals.importStatus', { batchId })).toMatchObject({ total: 500, pending: 0, rejected: 0 });
    // The items come back on the live channel before the push answer clears the outbox; wait for both.
    await settled(office.core);

    // 分办: 1–200 to 道里; 201–400 to 南岗 (201–230 with 道里 co-handling); 401–500 stay registered
    const ids = await idsByNumber(office.core, { year: 2026 });
    expect(ids.size).toBe(500);
    const id = (n: number) => ids.get(n)!;
    await call(office.core, 'sync.setOffline', { offline: true }); // queued locally, pushed in batches when back online
    for (let n = 1; n <= 400; n++) {
      await call(office.core, 'proposals.assign', { proposalId: id(n), leadUnit: n <= 200 ? 'D-DAOLI' : 'D-NANGANG', coUnits: n > 200 && n <= 230 ? ['D-DAOLI'] : [] });
    }
    expect((await call(office.core, 'sync.status')).pending).toBe(400);
    expect((await call(office.core, 'proposals.list', { filter: { statuses: ['assigned'] } })).total).toBe(400); // visible at once, offline
    await call(office.core, 'sync.setOffline', { offline: false });
    await settled(office.core);
    await call(daoli.core, 'sync.now');
    const daoliList = await call(daoli.core, 'proposals.list', { filter: { unit: 'D-DAOLI' }, limit: 1000 });
    expect(daoliList.total).toBe(230);
    expect(daoliList.rows.find((r) => r.number === 5)).toMatchObject({ status: 'assigned', deadline: defaultHandlingDeadline(CN_CALENDAR, today) });
    expect((await callErr(daoli.core, 'proposals.get', { proposalId: id(450) })).code).toBe('NOT_FOUND');

    // 道里 returns #1 (suggesting 松北区); the office reassigns it there
    await call(daoli.core, 'proposals.return', { proposalId: id(1), reason: '该事项属松北区职责', suggestedUnit: 'D-SONGBEI' });
    await settled(daoli.core);
    await call(office.core, 'sync.now');
    expect((await call(office.core, 'proposals.get', { proposalId: id(1) })).item).toMatchObject({ status: 'returned', suggestedUnit: 'D-SONGBEI' });
    await call(office.core, 'proposals.reassign', { proposalId: id(1), leadUnit: 'D-SONGBEI', coUnits: [] });
    await settled(office.core);
    await call(songbei.core, 'sync.now');
    const moved = await call(songbei.core, 'proposals.get', { proposalId: id(1) });
    expect(moved.actions).toEqual(['sign', 'return']);
    expect(moved.events.map((e) => e.detail.type)).toEqual(['registered', 'assigned', 'returned', 'assigned']);

    // handling: answering before signing is refused; then sign, note, reply with a category
    expect((await callErr(songbei.core, 'proposals.reply', { proposalId: id(1), outcome: 'A', text: '答复' })).code).toBe('PROPOSAL_BAD_STATE');
    const answered: { n: number; unit: 'songbei' | 'daoli' | 'nangang'; outcome: Outcome }[] = [];
    const handle = async (c: TestClient, n: number, outcome: Outcome, unit: 'songbei' | 'daoli' | 'nangang') => {
      await call(c.core, 'proposals.sign', { proposalId: id(n) });
      await call(c.core, 'proposals.addNote', { proposalId: id(n), kind: n % 2 ? 'phone' : 'meeting', text: '已与代表沟通办理意见', contactedOn: today });
      await call(c.core, 'proposals.reply', { proposalId: id(n), outcome, text: `关于第${n}号的答复：已研究落实。` });
      answered.push({ n, unit, outcome });
    };
    const OUT: Outcome[] = ['A', 'B', 'C', 'D', 'A'];
    await handle(songbei, 1, 'A', 'songbei');
    for (let n = 2; n <= 51; n++) await handle(daoli, n, OUT[n % 5], 'daoli');
    // 南岗 needs 道里's opinion on 201–230 before it can answer
    await call(nangang.core, 'sync.now');
    for (let n = 201; n <= 230; n++) await call(nangang.core, 'proposals.sign', { proposalId: id(n) });
    expect((await callErr(nangang.core, 'proposals.reply', { proposalId: id(201), outcome: 'B', text: '答复' })).code).toBe('PROPOSAL_COHANDLERS_PENDING');
    await settled(nangang.core);
    await call(daoli.core, 'sync.now');
    for (let n = 201; n <= 230; n++) await call(daoli.core, 'proposals.countersign', { proposalId: id(n), opinion: '同意主办单位意见' });
    await Promise.all([settled(daoli.core), settled(songbei.core)]);
    await call(nangang.core, 'sync.now');
    for (let n = 201; n <= 230; n++) {
      await call(nangang.core, 'proposals.reply', { proposalId: id(n), outcome: OUT[n % 5], text: `第${n}号答复` });
      answered.push({ n, unit: 'nangang', outcome: OUT[n % 5] });
    }
    await settled(nangang.core);
    await call(office.core, 'sync.now');

    // review all 81, then feedback: 40 满意, 20 基本满意, #2 不满意
    for (const a of answered) await call(office.core, 'proposals.review', { proposalId: id(a.n), approve: true });
    const rated = answered.slice(0, 61);
    for (const [k, a] of rated.entries()) {
      const satisfaction = a.n === 2 ? 'unsatisfied' : k < 41 ? 'satisfied' : 'basically';
      await call(office.core, 'proposals.feedback', { proposalId: id(a.n), satisfaction, comment: satisfaction === 'unsatisfied' ? '问题未解决' : null });
    }
    await settled(office.core);
    await call(daoli.core, 'sync.now');
    const reopened = await call(daoli.core, 'proposals.get', { proposalId: id(2) });
    expect(reopened.item).toMatchObject({ status: 'handling', round: 2, deadline: reopenDeadline(CN_CALENDAR, today), satisfaction: 'unsatisfied' });
    expect(reopened.actions).toContain('reply');
    expect(reopened.events.at(-1)?.detail).toMatchObject({ type: 'feedback', satisfaction: 'unsatisfied' });

    // statistics against the hand count
    const stats = await call(office.core, 'proposals.stats', {});
    const count = (f: (a: (typeof answered)[number]) => boolean) => answered.filter(f).length;
    const satisfiedNs = new Set(rated.filter((a, k) => a.n !== 2 && k < 41).map((a) => a.n));
    const basicallyNs = new Set(rated.filter((a, k) => a.n !== 2 && k >= 41).map((a) => a.n));
    expect(stats.total).toBe(501);
    expect(stats.totals).toMatchObject({
      assigned: 400, answered: 81, answeredOnTime: 81, overdue: 0, closed: 60, satisfied: satisfiedNs.size, basically: basicallyNs.size, unsatisfied: 1,
      outcomes: { A: count((a) => a.outcome === 'A'), B: count((a) => a.outcome === 'B'), C: count((a) => a.outcome === 'C'), D: count((a) => a.outcome === 'D') },
    });
    expect(stats.totals.satisfactionRate).toBeCloseTo(60 / 61, 6);
    const unit = (u: string) => stats.units.find((x) => x.unit === u)!;
    expect(unit('D-DAOLI')).toMatchObject({ assigned: 199, coHandled: 30, answered: 50, closed: count((a) => a.unit === 'daoli' && a.n !== 2 && (satisfiedNs.has(a.n) || basicallyNs.has(a.n))) });
    expect(unit('D-NANGANG')).toMatchObject({ assigned: 200, answered: 30 });
    expect(unit('D-SONGBEI')).toMatchObject({ assigned: 1, answered: 1, satisfied: 1 });
    const npc = stats.sessions.find((s) => s.session === '市十六届人大五次会议')!;
    expect(npc.total).toBe([...Array(500).keys()].filter((k) => (k + 1) % 3 !== 0).length);
    // a unit's statistics cover only its own items
    expect((await call(daoli.core, 'proposals.stats', {})).total).toBe(229);

    // lists, search, export and the reply letter
    expect((await call(office.core, 'proposals.list', { filter: { statuses: ['closed'] } })).total).toBe(60);
    expect((await call(office.core, 'proposals.list', { filter: { author: '代表12' } })).rows.map((r) => r.number)).toContain(12);
    const hits = await call(office.core, 'proposals.search', { query: '松花江湿地' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.title.includes('松花江湿地'))).toBe(true);
    const xlsx = await call(office.core, 'proposals.exportStatsXlsx', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('按承办单位')!;
    const daoliRow = sheet.getRows(3, sheet.rowCount)!.find((r) => String(r.getCell(1).value).includes('道里区'))!;
    expect(daoliRow.getCell(2).value).toBe(199);
    const letter = await call(songbei.core, 'proposals.replyLetterPdf', { proposalId: id(1) });
    expect(new TextDecoder().decode(letter.data.subarray(0, 5))).toBe('%PDF-');
  }, 300_000);
});
