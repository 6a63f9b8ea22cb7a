/**
 * 建议提案 figures, each beside a baseline measured in the same run:
 * - importing 2,000 items from xlsx through the real core (preview: read + validate + duplicates + similar titles;
 *   commit: one local transaction writing items, timeline and outbox) vs a raw exceljs read of the same file;
 * - the server accepting those 2,000 registrations through the outbox (extra figure, vs the same number of raw HTTP pushes
 *   is not comparable, so its baseline is the local commit);
 * - the statistics query over 20,000 items in a local store (all states) vs one raw SQL GROUP BY over the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { startServer } from '../../src-server/server.ts';
import { openStore } from '../../src-main/core/store/db.ts';
import { writeProposal } from '../../src-main/core/proposals/store.ts';
import { proposalStats } from '../../src-main/core/proposals/statsService.ts';
import { applyProposalAction, registerProposal, type ProposalAction, type ProposalActor } from '../../shared/domain/proposalsStateMachine.ts';
import { CN_CALENDAR } from '../../shared/domain/workdays.ts';
import type { Proposal } from '../../shared/schemas/proposals.ts';
import { itemsXlsx, row } from '../proposals/xlsxFixture.ts';
import type { BenchFigure } from './figures.ts';

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), `xt-bench-${p}-`));
const PASSWORD = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/seed/demo-users.json'), 'utf8')) as { password: string }).password;

async function call<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const r = await core.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function rawExcelRead(data: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  let cells = 0;
  wb.worksheets[0].eachRow((r) => { r.eachCell(() => { cells++; }); });
  return cells;
}

async function importFigures(): Promise<BenchFigure[]> {
  const server = await startServer({ dataDir: tmp('server'), port: 0, host: '127.0.0.1', seed: 'demo', logger: false, settings: { scryptCost: 1024 } });
  const core = await createCore({ dataDir: tmp('core'), serverUrl: server.url });
  try {
    await call(core, 'auth.login', { serverUrl: server.url, username: 'bgt.handler', password: PASSWORD });
    await call(core, 'sync.setOffline', { offline: true });
    const data = await itemsXlsx(2000);
    const raw = performance.now();
    await rawExcelRead(data);
    const rawMs = performance.now() - raw;
    const t0 = performance.now();
    const preview = await call<{ previewId: string; valid: number }>(core, 'proposals.importPreview', { name: 'bench.xlsx', data });
    const t1 = performance.now();
    const { batchId } = await call<{ batchId: string }>(core, 'proposals.importCommit', { previewId: preview.previewId });
    const t2 = performance.now();
    if (preview.valid !== 2000) throw new Error(`expected 2000 valid rows, got ${preview.valid}`);
    await call(core, 'sync.setOffline', { offline: false });
    const t3 = performance.now();
    for (;;) {
      const s = await call<{ synced: number }>(core, 'proposals.importStatus', { batchId });
      if (s.synced === 2000) break;
      await new Promise<void>((resolve) => { const off = core.onEvent(() => { off(); resolve(); }); setTimeout(() => { off(); resolve(); }, 200); });
    }
    const t4 = performance.now();
    return [
      { name: 'proposals: import 2,000 items (preview + commit, local)', value: t2 - t0, unit: 'ms',
        baseline: { name: 'raw exceljs read of the same file', value: rawMs, unit: 'ms' }, extra: { previewMs: t1 - t0, commitMs: t2 - t1, fileKB: data.length / 1024 } },
      { name: 'proposals: server accepts 2,000 imported items (outbox push + pull)', value: t4 - t3, unit: 'ms',
        baseline: { name: 'local commit of the same items', value: t2 - t1, unit: 'ms' } },
    ];
  } finally {
    await core.close();
    await server.close();
  }
}

/** 20,000 items in every state, produced by the real state machine, written to a local store. */
function seedStore(n: number) {
  const db = openStore(path.join(tmp('stats'), 'bench.sqlite'));
  const office: ProposalActor = { unitCode: 'BGT', isOffice: true, name: '办公厅' };
  const units = Array.from({ length: 69 }, (_, i) => `U-${String(i).padStart(3, '0')}`);
  const step = (p: Proposal, a: ProposalAction, actor: ProposalActor, now: string) => {
    const r = applyProposalAction(p, a, { actor, now, calendar: CN_CALENDAR });
    if (!r.ok) throw new Error(r.reason);
    return r.item;
  };
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const cells = row(i);
      const r = registerProposal({ id: uuidv7(), importBatchId: null, draft: {
        kind: cells[0] === '提案' ? 'proposal' : 'suggestion', year: 2020 + (i % 7), session: String(cells[1]), number: i, title: String(cells[3]),
        leadAuthor: String(cells[4]), coAuthors: [], group: null, category: String(cells[7]), content: String(cells[8]), contact: null, receivedOn: '2026-01-20',
      } }, { actor: office, now: '2026-01-20T02:00:00Z', calendar: CN_CALENDAR });
      if (!r.ok) throw new Error(r.reason);
      let p = r.item;
      const stage = i % 8;
      const lead: ProposalActor = { unitCode: units[i % 69], isOffice: false, name: '承办人' };
      if (stage >= 1) p = step(p, { type: 'assign', leadUnit: lead.unitCode, coUnits: i % 5 === 0 ? [units[(i + 1) % 69]] : [], deadline: null }, office, '2026-02-02T02:00:00Z');
      if (stage >= 2) p = step(p, { type: 'sign' }, lead, '2026-02-03T02:00:00Z');
      if (stage >= 3 && p.coUnits.length > 0) p = step(p, { type: 'countersign', agree: true, opinion: '同意' }, { unitCode: p.coUnits[0], isOffice: false, name: '协办' }, '2026-02-04T02:00:00Z');
      if (stage >= 4) p = step(p, { type: 'reply', outcome: (['A', 'B', 'C', 'D'] as const)[i % 4], text: '答复', letter: null }, lead, i % 3 ? '2026-04-01T02:00:00Z' : '2026-06-01T02:00:00Z');
      if (stage >= 5) p = step(p, { type: 'review', approve: true, comment: null, outcome: null }, office, '2026-06-02T02:00:00Z');
      if (stage >= 6) p = step(p, { type: 'feedback', satisfaction: (['satisfied', 'basically', 'unsatisfied'] as const)[i % 3], comment: null }, office, '2026-06-03T02:00:00Z');
      writeProposal(db, p, p, false);
    }
  })();
  return db;
}

async function statsFigures(): Promise<BenchFigure[]> {
  const N = 20_000;
  const db = seedStore(N);
  const office: ProposalActor = { unitCode: 'BGT', isOffice: true, name: '办公厅' };
  const now = new Date('2026-07-01T02:00:00Z');
  const times: number[] = [];
  const rawTimes: number[] = [];
  let total = 0;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    total = proposalStats(db, office, { kind: null, year: null, session: null }, now).total;
    times.push(performance.now() - t);
    t = performance.now();
    db.prepare(`SELECT lead_unit, COUNT(*) AS assigned, SUM(json_extract(data, '$.firstAnsweredOn') IS NOT NULL) AS answered,
        SUM(json_extract(data, '$.answeredOnTime') = 1) AS on_time, SUM(outcome = 'A'), SUM(outcome = 'B'), SUM(outcome = 'C'), SUM(outcome = 'D'),
        SUM(satisfaction = 'satisfied'), SUM(satisfaction = 'basically'), SUM(satisfaction = 'unsatisfied'),
        SUM(status IN ('assigned','signed','handling') AND deadline < '2026-07-01'), SUM(status = 'closed')
      FROM proposals WHERE lead_unit IS NOT NULL AND status != 'returned' GROUP BY lead_unit`).all();
    rawTimes.push(performance.now() - t);
  }
  db.close();
  if (total !== N) throw new Error(`stats saw ${total} items`);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [{ name: 'proposals: statistics over 20,000 items (per unit + per session, local store)', value: med(times), unit: 'ms',
    baseline: { name: 'raw SQL GROUP BY lead unit over the same rows', value: med(rawTimes), unit: 'ms' }, extra: { items: N, runs: 5 } }];
}

export async function run(): Promise<BenchFigure[]> {
  return [...(await importFigures()), ...(await statsFigures())];
}
