/**
 * Reads an import file into cells: xlsx (exceljs, first worksheet) or csv (UTF-8 with or without BOM, else GB18030 as
 * Excel in China saves it). The file kind is decided by content (zip magic), not by its name.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import type { Cell, SheetTable } from '../../../shared/domain/proposalsImport.ts';

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function excelCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return excelCell((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readXlsx(data: Uint8Array): Promise<SheetTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new AppError('PROPOSAL_IMPORT_BAD_FILE', { cause: String((e as Error).message ?? e) }, '无法读取 Excel 文件（.xlsx）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('PROPOSAL_IMPORT_BAD_FILE', undefined, 'Excel 文件中没有工作表');
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    rows[n - 1] = values.slice(1).map(excelCell);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const [headers = [], ...body] = rows;
  return { headers, rows: body };
}

export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a tab-separated file works too. */
export function parseCsv(text: string): string[][] {
  const sep = (text.split('\n', 1)[0].match(/\t/g)?.length ?? 0) > (text.split('\n', 1)[0].match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

export async function readSheet(name: string, data: Uint8Array): Promise<SheetTable> {
  if (data.length === 0) throw new AppError('PROPOSAL_IMPORT_BAD_FILE', undefined, '文件为空');
  if (isZip(data)) return readXlsx(data);
  if (!/\.(csv|txt)$/i.test(name)) throw new AppError('PROPOSAL_IMPORT_BAD_FILE', { name }, '仅支持 .xlsx 或 .csv 文件');
  const [headers = [], ...rows] = parseCsv(decodeText(data).replace(/^\uFEFF/, ''));
  return { headers, rows };
}
