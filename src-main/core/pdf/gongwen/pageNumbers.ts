/**
 * 页码 (§7.5): "— 1 —" in 4号 half-width 宋体 digits, the dashes 7 mm below the type area; odd pages 1 character
 * in from the right, even pages 1 character in from the left.
 */
import type { PDFPage } from 'pdf-lib';
import { placedLine, run, type Ctx } from './blocks.ts';
import { AREA_BOTTOM, AREA_LEFT, PT_PER_MM, SIZE_4 } from './geometry.ts';
import { drawLine } from './typeset.ts';

export const PAGE_NUMBER_DASH_MM = AREA_BOTTOM + 7; // 269

export async function drawPageNumber(ctx: Ctx, page: PDFPage, n: number): Promise<void> {
  const text = `— ${n} —`;
  const line = placedLine(ctx, [run(text, 'songti', SIZE_4)], SIZE_4, n % 2 === 1 ? { right: SIZE_4 } : { left: SIZE_4 });
  // Put the middle of the dash stroke on the 269 mm line.
  const dash = line.glyphs[0];
  const bbox = dash.font.font.glyphForCodePoint(0x2014).bbox;
  const midAboveBaselineMm = (((bbox.minY + bbox.maxY) / 2 / dash.font.font.unitsPerEm) * SIZE_4) / PT_PER_MM;
  await drawLine(page, ctx.docFonts, line, AREA_LEFT, PAGE_NUMBER_DASH_MM + midAboveBaselineMm);
}
