/**
 * 版记 (§7.4): 抄送 and 印发机关/印发日期 in 4号 仿宋 between rules as wide as the type area; first and last rule
 * 0.35 mm, the one between 0.25 mm; the last rule coincides with the bottom of the type area. One grid line per row.
 */
import type { PDFPage } from 'pdf-lib';
import { chineseDate, layParagraph, MEASURE, placedLine, run, type Ctx } from './blocks.ts';
import { AREA_LEFT, AREA_RIGHT, LINES_PER_PAGE, SIZE_4, baselineMm, lineTopMm } from './geometry.ts';
import type { LaidLine } from './lineBreak.ts';
import { drawLine, drawRule } from './typeset.ts';

export const THICK_MM = 0.35;
export const THIN_MM = 0.25;

export interface Imprint {
  rows: number;
  draw(page: PDFPage): Promise<void>;
}

export function buildImprint(ctx: Ctx, copyTo: string[], printedBy?: { organ: string; date: string }): Imprint | null {
  if (copyTo.length === 0 && !printedBy) return null;
  const one = SIZE_4; // one 4号 character
  let ccLines: LaidLine[] = [];
  if (copyTo.length > 0) {
    const text = `抄送：${copyTo.join('，')}。`;
    ccLines = layParagraph(ctx, [run(text, 'fangsong', SIZE_4)], {
      size: SIZE_4,
      width: MEASURE - one,
      firstIndent: one,
      restIndent: one + 3 * SIZE_4,
    });
  }
  const printed = printedBy
    ? [
        placedLine(ctx, [run(printedBy.organ, 'fangsong', SIZE_4)], SIZE_4, { left: one }),
        placedLine(ctx, [run(`${chineseDate(printedBy.date)}印发`, 'fangsong', SIZE_4)], SIZE_4, { right: one }),
      ]
    : [];
  const rows = ccLines.length + (printed.length > 0 ? 1 : 0);
  return {
    rows,
    async draw(page) {
      const first = LINES_PER_PAGE - rows;
      drawRule(page, AREA_LEFT, AREA_RIGHT, lineTopMm(first), THICK_MM);
      for (let i = 0; i < ccLines.length; i++) await drawLine(page, ctx.docFonts, ccLines[i], AREA_LEFT, baselineMm(first + i, SIZE_4));
      if (printed.length > 0) {
        const at = LINES_PER_PAGE - 1;
        if (ccLines.length > 0) drawRule(page, AREA_LEFT, AREA_RIGHT, lineTopMm(at), THIN_MM);
        for (const l of printed) await drawLine(page, ctx.docFonts, l, AREA_LEFT, baselineMm(at, SIZE_4));
      }
      drawRule(page, AREA_LEFT, AREA_RIGHT, lineTopMm(LINES_PER_PAGE), THICK_MM);
    },
  };
}
