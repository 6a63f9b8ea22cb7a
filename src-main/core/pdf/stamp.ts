/**
 * 收文章: a red receipt stamp (receiving unit, 收文编号, 收文日期) in the top margin of page 1, top right,
 * appended as new content so the original's text and drawing stay untouched.
 */
import type { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { ReceiptStampSchema, type ReceiptStamp } from '../../../shared/schemas/pdfOps.ts';
import { DocFonts, defaultFontSet, type FontSet } from './fonts.ts';
import { loadForEdit, saveEdited } from './pdfLib.ts';
import { pageSpace } from './pageSpace.ts';
import { drawVisualLine, drawVisualText, measure, type TextStyle } from './visualText.ts';

const MM = 72 / 25.4;
const RED = { r: 0.86, g: 0.08, b: 0.1 };
export const STAMP = { widthMm: 64, heightMm: 21, topMm: 6, rightMm: 14, labelColMm: 20 } as const;

export function parseReceipt(input: unknown): ReceiptStamp {
  const parsed = ReceiptStampSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  return parsed.data;
}

export async function stampReceipt(pdf: Uint8Array, input: unknown, opts: { fonts?: FontSet; now?: Date } = {}): Promise<Uint8Array> {
  const receipt = parseReceipt(input);
  const doc = await loadForEdit(pdf);
  await drawReceiptStamp(doc, receipt, opts.fonts ?? defaultFontSet(), new DocFonts(doc));
  return saveEdited(doc, opts.now);
}

/** Draws the stamp on page 1 of a loaded document. */
export async function drawReceiptStamp(doc: PDFDocument, receipt: ReceiptStamp, fonts: FontSet, docFonts: DocFonts): Promise<void> {
  const { unit, date, number } = receipt;
  const page = doc.getPage(0);
  const space = pageSpace(page);

  // Pages smaller than the stamp (labels, slips) get a proportionally smaller stamp that stays on the page.
  const k = Math.min(1, (0.9 * space.width) / ((STAMP.widthMm + STAMP.rightMm) * MM), (0.8 * space.height) / ((STAMP.heightMm + STAMP.topMm) * MM));
  const w = STAMP.widthMm * MM * k;
  const h = STAMP.heightMm * MM * k;
  const right = space.width - STAMP.rightMm * MM * k;
  const left = right - w;
  const top = space.height - STAMP.topMm * MM * k;
  const bottom = top - h;
  const row = h / 3;
  const col = left + STAMP.labelColMm * MM * k;
  const line = (a: [number, number], b: [number, number], t = 0.8) => drawVisualLine(page, space, a, b, t * k, RED);
  line([left, top], [right, top], 1.2);
  line([left, bottom], [right, bottom], 1.2);
  line([left, top], [left, bottom], 1.2);
  line([right, top], [right, bottom], 1.2);
  line([left, top - row], [right, top - row]);
  line([left, top - 2 * row], [right, top - 2 * row]);
  line([col, top - row], [col, bottom]);

  const [y, m, d] = date.split('-').map(Number);
  const cells: Array<{ text: string; x0: number; x1: number; r: number; role: TextStyle['role'] }> = [
    { text: unit, x0: left, x1: right, r: 0, role: 'heiti' },
    { text: '收文编号', x0: left, x1: col, r: 1, role: 'songti' },
    { text: number, x0: col, x1: right, r: 1, role: 'songti' },
    { text: '收文日期', x0: left, x1: col, r: 2, role: 'songti' },
    { text: `${y}年${m}月${d}日`, x0: col, x1: right, r: 2, role: 'songti' },
  ];
  for (const c of cells) {
    const avail = c.x1 - c.x0 - 2 * MM * k;
    const size = Math.min((c.r === 0 ? 11 : 10) * k, (10 * avail) / measure(fonts, c.text, c.role, 10));
    const width = measure(fonts, c.text, c.role, size);
    const baseline = top - c.r * row - row / 2 - 0.35 * size;
    await drawVisualText(page, space, fonts, docFonts, c.text, { role: c.role, size, color: RED }, (c.x0 + c.x1 - width) / 2, baseline);
  }
}
