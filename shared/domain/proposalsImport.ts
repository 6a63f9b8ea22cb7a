/**
 * Bulk import of 建议提案 from a sheet (xlsx or csv already read into cells): header mapping, per-row validation,
 * duplicate numbers (in the file and against the store) and similar titles from earlier years.
 * Pure: the file reading lives in the client core; the commit is all-or-nothing there.
 */
import { AppError } from '../errors.ts';
import { ProposalDraftSchema, type ProposalDraft, type ProposalKind } from '../schemas/proposals.ts';
import type { ImportPreviewRow } from '../schemas/proposalsIpc.ts';
import { TitleIndex, type IndexedTitle } from './proposalsSimilarity.ts';

export type Cell = string | number | boolean | Date | null | undefined;
export interface SheetTable { headers: Cell[]; rows: Cell[][] }

export const MAX_IMPORT_ROWS = 10_000;

type Field = keyof ProposalDraft;
/** Accepted header texts per field (first one is what the template uses). */
export const IMPORT_COLUMNS: Record<Field, readonly string[]> = {
  kind: ['类型', '建议/提案', '类别'],
  year: ['年度', '年份'],
  session: ['届次', '会议'],
  number: ['编号', '案号', '建议号', '提案号'],
  title: ['标题', '案由', '题目'],
  leadAuthor: ['领衔人', '提出人', '领衔代表', '领衔委员'],
  coAuthors: ['联名人', '联名', '附议人'],
  group: ['代表团/界别', '代表团', '界别'],
  category: ['分类', '内容分类', '专题'],
  content: ['内容', '正文', '建议内容', '提案内容'],
  contact: ['联系方式', '联系电话', '电话'],
  receivedOn: ['收到日期', '提交日期', '收文日期', '日期'],
};
const REQUIRED: readonly Field[] = ['kind', 'session', 'number', 'title', 'leadAuthor', 'category', 'content', 'receivedOn'];
export const FIELD_LABELS: Record<Field, string> = Object.fromEntries(
  Object.entries(IMPORT_COLUMNS).map(([f, names]) => [f, names[0]]),
) as Record<Field, string>;

const cellText = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
};

/** Maps header cells to fields; throws PROPOSAL_IMPORT_BAD_FILE listing the required columns that are missing. */
export function mapHeaders(headers: Cell[]): { columns: Map<Field, number>; ignored: string[] } {
  const columns = new Map<Field, number>();
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const text = cellText(h).replace(/\s+/g, '');
    if (!text) return;
    const field = (Object.keys(IMPORT_COLUMNS) as Field[]).find((f) => IMPORT_COLUMNS[f].includes(text) && !columns.has(f));
    if (field) columns.set(field, i);
    else ignored.push(text);
  });
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new AppError('PROPOSAL_IMPORT_BAD_FILE', { missingColumns: missing.map((f) => FIELD_LABELS[f]) },
      `缺少必需的列：${missing.map((f) => FIELD_LABELS[f]).join('、')}`);
  }
  return { columns, ignored };
}

const KIND_WORDS: Record<string, ProposalKind> = { 建议: 'suggestion', 代表建议: 'suggestion', suggestion: 'suggestion', 提案: 'proposal', 委员提案: 'proposal', proposal: 'proposal' };

/** Dates as Excel cells come: a Date, an Excel serial number, 2026-01-20, 2026/1/20, 2026.1.20 or 2026年1月20日. */
export function parseCellDate(c: Cell): string | null {
  let y: number; let m: number; let d: number;
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return null;
    // exceljs gives dates as UTC midnight; a local-midnight Date shifted by the offset still rounds to the same day
    const t = new Date(c.getTime() + 12 * 3_600_000);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 20_000 || c > 80_000) return null;
    const t = new Date(Date.UTC(1899, 11, 30) + c * 86_400_000);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else {
    const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(cellText(c));
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

function parseNumber(c: Cell): number | null {
  const text = cellText(c).replace(/^第/, '').replace(/号$/, '');
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

/** One data row → a draft, or the list of what is wrong with it (field labels in Chinese). */
export function parseImportRow(cells: Cell[], columns: Map<Field, number>): { draft: ProposalDraft | null; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const get = (f: Field): Cell => (columns.has(f) ? cells[columns.get(f)!] : null);
  const text = (f: Field): string => cellText(get(f));
  const kind = KIND_WORDS[text('kind')];
  if (!kind) errors.push({ field: FIELD_LABELS.kind, message: '应为“建议”或“提案”' });
  const number = parseNumber(get('number'));
  if (number === null) errors.push({ field: FIELD_LABELS.number, message: '应为1至99999的整数' });
  const receivedOn = parseCellDate(get('receivedOn'));
  if (receivedOn === null) errors.push({ field: FIELD_LABELS.receivedOn, message: `日期无法识别：${text('receivedOn') || '（空）'}` });
  let year = receivedOn ? Number(receivedOn.slice(0, 4)) : NaN;
  if (columns.has('year') && text('year')) {
    year = Number(text('year').replace(/年$/, ''));
    if (!Number.isInteger(year)) errors.push({ field: FIELD_LABELS.year, message: '应为四位年份' });
  }
  const coAuthors = text('coAuthors').split(/[、,，;；\s]+/u).filter(Boolean);
  const candidate = {
    kind: kind ?? 'suggestion', year: Number.isInteger(year) ? year : 2000, session: text('session'), number: number ?? 1,
    title: text('title'), leadAuthor: text('leadAuthor'), coAuthors, group: text('group') || null, category: text('category'),
    content: text('content'), contact: text('contact') || null, receivedOn: receivedOn ?? '2000-01-01',
  };
  const parsed = ProposalDraftSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = String(issue.path[0] ?? '') as Field;
      if (['kind', 'number', 'receivedOn'].includes(f) && errors.some((e) => e.field === FIELD_LABELS[f])) continue;
      const empty = f in candidate && (candidate[f as keyof typeof candidate] === '' || candidate[f as keyof typeof candidate] === null);
      errors.push({ field: FIELD_LABELS[f] ?? f, message: empty ? '不能为空' : issue.message });
    }
  }
  return errors.length === 0 && parsed.success ? { draft: parsed.data, errors } : { draft: null, errors };
}

export interface ExistingItem extends IndexedTitle { kind: ProposalKind; session: string; number: number }

export const numberKey = (x: { kind: ProposalKind; session: string; number: number }) => `${x.kind}|${x.session}|${x.number}`;

/**
 * Every data row with its errors (bad cells, a number used twice in the file or already registered) and the
 * similar titles of earlier years. Empty rows are skipped.
 */
export function buildImportPreview(table: SheetTable, existing: Iterable<ExistingItem>): { rows: ImportPreviewRow[]; ignoredColumns: string[] } {
  const { columns, ignored } = mapHeaders(table.headers);
  const dataRows = table.rows.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => cellText(c) !== ''));
  if (dataRows.length > MAX_IMPORT_ROWS) throw new AppError('PROPOSAL_IMPORT_BAD_FILE', { rows: dataRows.length }, `一次最多导入${MAX_IMPORT_ROWS}行`);
  const taken = new Map<string, string>();
  const index = new TitleIndex();
  for (const e of existing) {
    taken.set(numberKey(e), `已登记：${e.title}`);
    index.add(e);
  }
  const rows: ImportPreviewRow[] = [];
  for (const { cells, row } of dataRows) {
    const { draft, errors } = parseImportRow(cells, columns);
    let similar: ImportPreviewRow['similar'] = [];
    if (draft) {
      const key = numberKey(draft);
      const clash = taken.get(key);
      if (clash) errors.push({ field: FIELD_LABELS.number, message: `编号重复（${clash}）` });
      else taken.set(key, `第${row}行`);
      similar = index.findSimilar(draft.title, { beforeYear: draft.year, limit: 3 }).map(({ id, title, year, score }) => ({ id, title, year, score }));
    }
    rows.push({ row, draft: errors.length === 0 ? draft : null, errors, similar });
  }
  return { rows, ignoredColumns: ignored };
}
