/** Statistics over the local replica (what the caller may see) and their export as an xlsx workbook. */
import ExcelJS from 'exceljs';
import { computeStats, type StatsItem } from '../../../shared/domain/proposalsStats.ts';
import { shanghaiDate } from '../../../shared/domain/workdays.ts';
import { PROPOSAL_KIND_LABELS, type ProposalKind } from '../../../shared/schemas/proposals.ts';
import type { ProposalStats, StatsLine } from '../../../shared/schemas/proposalsIpc.ts';
import type { ProposalActor } from '../../../shared/domain/proposalsStateMachine.ts';
import type { Db } from '../store/db.ts';
import { unitName } from '../directory/directoryStore.ts';
import { reconcile } from './store.ts';
import { visibility } from './queries.ts';

export interface StatsFilter { kind: ProposalKind | null; year: number | null; session: string | null }

export function loadStatsItems(db: Db, actor: ProposalActor, f: StatsFilter): StatsItem[] {
  const vis = visibility(actor);
  const where = [vis.sql];
  const params: Record<string, unknown> = { ...vis.params };
  if (f.kind) { where.push('kind = @kind'); params.kind = f.kind; }
  if (f.year !== null) { where.push('year = @year'); params.year = f.year; }
  if (f.session) { where.push('session = @session'); params.session = f.session; }
  const rows = db.prepare(`SELECT kind, year, session, status, lead_unit, co_units, outcome, satisfaction, deadline,
      json_extract(data, '$.firstAnsweredOn') AS first_answered_on, json_extract(data, '$.answeredOnTime') AS on_time
    FROM proposals WHERE ${where.join(' AND ')}`).all(params) as {
    kind: StatsItem['kind']; year: number; session: string; status: StatsItem['status']; lead_unit: string | null; co_units: string;
    outcome: StatsItem['outcome']; satisfaction: StatsItem['satisfaction']; deadline: string | null; first_answered_on: string | null; on_time: number | null;
  }[];
  return rows.map((r) => ({
    kind: r.kind, year: r.year, session: r.session, status: r.status, leadUnit: r.lead_unit, coUnits: JSON.parse(r.co_units) as string[],
    outcome: r.outcome, satisfaction: r.satisfaction, deadline: r.deadline, firstAnsweredOn: r.first_answered_on,
    answeredOnTime: r.on_time === null ? null : r.on_time === 1,
  }));
}

export function proposalStats(db: Db, actor: ProposalActor, f: StatsFilter, now = new Date()): ProposalStats {
  reconcile(db);
  return computeStats(loadStatsItems(db, actor, f), shanghaiDate(now));
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const lineCells = (l: StatsLine) => [
  l.assigned, l.answered, l.answeredOnTime, l.assigned === 0 ? '' : pct(l.answeredOnTime / l.assigned),
  l.outcomes.A, l.outcomes.B, l.outcomes.C, l.outcomes.D, l.satisfied, l.basically, l.unsatisfied, pct(l.satisfactionRate), l.overdue, l.closed,
];
const LINE_HEADERS = ['交办件数', '已答复', '按期答复', '按期答复率', 'A类(已解决)', 'B类(正在解决)', 'C类(计划解决)', 'D类(留作参考)', '满意', '基本满意', '不满意', '满意率', '超期未办', '已办结'];

export async function statsWorkbook(db: Db, stats: ProposalStats): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xietong 协同';
  const byUnit = wb.addWorksheet('按承办单位');
  byUnit.addRow([`建议提案办理情况统计（截至${stats.asOf}）`]);
  byUnit.addRow(['承办单位', ...LINE_HEADERS, '协办件数']).font = { bold: true };
  for (const u of stats.units) byUnit.addRow([unitName(db, u.unit), ...lineCells(u), u.coHandled]);
  byUnit.addRow(['合计', ...lineCells(stats.totals), '']).font = { bold: true };
  byUnit.columns.forEach((c, i) => { c.width = i === 0 ? 28 : 12; });
  const bySession = wb.addWorksheet('按届次');
  bySession.addRow(['类型', '年度', '届次', '件数', ...LINE_HEADERS]).font = { bold: true };
  for (const s of stats.sessions) bySession.addRow([PROPOSAL_KIND_LABELS[s.kind], s.year, s.session, s.total, ...lineCells(s)]);
  bySession.columns.forEach((c, i) => { c.width = i === 2 ? 26 : 12; });
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}
