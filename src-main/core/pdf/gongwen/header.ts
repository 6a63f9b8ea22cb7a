/**
 * 版头 (§7.2): 份号, 密级, 紧急程度, 发文机关标志 (red, 35 mm below the type-area top), 发文字号 / 签发人,
 * red separator 4 mm below the 文号. Letter format (§10.1): 标志 30 mm from the page top, red double rules.
 * Returns the grid line where the title starts (two blank lines below the red rule).
 */
import type { PDFPage } from 'pdf-lib';
import { formatDocNumber } from '../../../../shared/domain/docNumber.ts';
import type { GongwenSpec } from '../../../../shared/schemas/gongwen.ts';
import { placedLine, run, MEASURE, type Ctx } from './blocks.ts';
import {
  AREA_LEFT, AREA_RIGHT, AREA_TOP, CELL_PT, EM_ASCENT, PT_PER_MM, RED, SIZE_3,
  baselineMm, emTopMm, lineAt, PAGE_H_MM, PAGE_W_MM,
} from './geometry.ts';
import { toGlyphs, type LaidLine } from './lineBreak.ts';
import { drawLine, drawRule } from './typeset.ts';

export const MARK_TOP_MM = AREA_TOP + 35; // 72
export const LETTER_MARK_TOP_MM = 30;
export const RED_RULE_MM = 0.5;
const MARK_MAX_PT = 40;

export interface Header {
  /** First grid line of the title. */
  titleLine: number;
  draw(page: PDFPage): Promise<void>;
}

/** The 标志 as one centred red line, sized to fit the type area (at most 40 pt). */
function organMark(ctx: Ctx, text: string): { line: LaidLine; size: number } {
  const at1 = toGlyphs([{ text, role: 'xiaobiaosong', size: 1 }], ctx.fonts).reduce((s, g) => s + g.adv, 0);
  const size = Math.min(MARK_MAX_PT, Math.floor((MEASURE / at1) * 10) / 10);
  const line = placedLine(ctx, [{ text, role: 'xiaobiaosong', size, color: RED }], size, { center: MEASURE / 2 });
  return { line, size };
}

function topLeftMarks(spec: GongwenSpec): Array<{ text: string; role: 'fangsong' | 'heiti' }> {
  const marks: Array<{ text: string; role: 'fangsong' | 'heiti' }> = [];
  if (spec.copyNumber) marks.push({ text: spec.copyNumber, role: 'fangsong' });
  if (spec.secrecy === 'internal') marks.push({ text: '内部', role: 'heiti' });
  if (spec.urgency) marks.push({ text: spec.urgency, role: 'heiti' });
  return marks;
}

/** 发文字号 line: centred, or (upward documents) number 1 character in from the left and 签发人 1 in from the right. */
function numberLine(ctx: Ctx, spec: GongwenSpec): LaidLine[] {
  const text = spec.format === 'minutes' ? (spec.minutes?.issue ?? (spec.docNumber ? formatDocNumber(spec.docNumber) : null)) : spec.docNumber ? formatDocNumber(spec.docNumber) : null;
  const out: LaidLine[] = [];
  if (spec.signers && spec.signers.length > 0 && spec.format !== 'letter') {
    if (text) out.push(placedLine(ctx, [run(text)], SIZE_3, { left: CELL_PT }));
    out.push(placedLine(ctx, [run('签发人：'), run(spec.signers.join('　'), 'kaiti')], SIZE_3, { right: CELL_PT }));
  } else if (text) {
    out.push(placedLine(ctx, [run(text)], SIZE_3, spec.format === 'letter' ? { right: 0 } : { center: MEASURE / 2 }));
  }
  return out;
}

export function buildHeader(ctx: Ctx, spec: GongwenSpec): Header {
  const mark = organMark(ctx, spec.organMark);
  const markEm = mark.size / PT_PER_MM;
  const marks = topLeftMarks(spec).map((m) => placedLine(ctx, [run(m.text, m.role)], SIZE_3, { left: 0 }));
  const numbers = numberLine(ctx, spec);
  const em3 = SIZE_3 / PT_PER_MM;

  if (spec.format === 'letter') {
    const markBottom = LETTER_MARK_TOP_MM + markEm;
    const ruleY = markBottom + 4;
    // Elements under the double rule start 7/8 of a 3号 character below it: the first grid line whose em-top clears that.
    let line = lineAt(ruleY + 1.2 + (7 / 8) * em3);
    while (emTopMm(line) < ruleY + 1.2 + (7 / 8) * em3 - 0.01) line++;
    const numberAt = line;
    const marksStart = line;
    const titleLine = Math.max(marksStart + marks.length, numberAt + 1) + 2;
    return {
      titleLine,
      async draw(page) {
        await drawLine(page, ctx.docFonts, mark.line, AREA_LEFT, LETTER_MARK_TOP_MM + EM_ASCENT * markEm);
        const x0 = (PAGE_W_MM - 170) / 2;
        drawRule(page, x0, x0 + 170, ruleY, 1, RED);
        drawRule(page, x0, x0 + 170, ruleY + 1.2, 0.35, RED);
        const bottom = PAGE_H_MM - 20;
        drawRule(page, x0, x0 + 170, bottom - 1.2, 0.35, RED);
        drawRule(page, x0, x0 + 170, bottom, 1, RED);
        for (let i = 0; i < marks.length; i++) await drawLine(page, ctx.docFonts, marks[i], AREA_LEFT, baselineMm(marksStart + i));
        for (const n of numbers) await drawLine(page, ctx.docFonts, n, AREA_LEFT, baselineMm(numberAt));
      },
    };
  }

  const markBottom = MARK_TOP_MM + markEm;
  const numberAt = lineAt(markBottom) + 3;
  const ruleY = numbers.length > 0 ? emTopMm(numberAt) + em3 + 4 : markBottom + 4;
  const titleLine = lineAt(ruleY) + 3;
  return {
    titleLine,
    async draw(page) {
      for (let i = 0; i < marks.length; i++) await drawLine(page, ctx.docFonts, marks[i], AREA_LEFT, baselineMm(i));
      await drawLine(page, ctx.docFonts, mark.line, AREA_LEFT, MARK_TOP_MM + EM_ASCENT * markEm);
      for (const n of numbers) await drawLine(page, ctx.docFonts, n, AREA_LEFT, baselineMm(numberAt));
      drawRule(page, AREA_LEFT, AREA_RIGHT, ruleY, RED_RULE_MM, RED);
    },
  };
}
