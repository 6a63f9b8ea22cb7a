/** Draws laid-out lines and rules on a pdf-lib page. */
import { rgb, setCharacterSpacing, type PDFPage } from 'pdf-lib';
import type { DocFonts } from '../fonts.ts';
import { toX, toY, mm } from './geometry.ts';
import type { Glyph, LaidLine, Rgb } from './lineBreak.ts';

const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/** Draws one line: the first glyph's origin at leftMm + indent, on the baseline (mm from the top). */
export async function drawLine(page: PDFPage, fonts: DocFonts, line: LaidLine, leftMm: number, baselineMm: number): Promise<void> {
  let x = toX(leftMm) + line.indent;
  const y = toY(baselineMm);
  const segs: Glyph[][] = [];
  for (const g of line.glyphs) {
    const last = segs[segs.length - 1];
    const p = last?.[0];
    if (p && p.font === g.font && p.size === g.size && (p.color ?? BLACK) === (g.color ?? BLACK)) last.push(g);
    else segs.push([g]);
  }
  page.pushOperators(setCharacterSpacing(line.tc));
  for (const seg of segs) {
    const font = await fonts.get(seg[0].font);
    const c = seg[0].color ?? BLACK;
    const text = seg.map((g) => g.ch).join('');
    page.drawText(text, { x, y, size: seg[0].size, font, color: rgb(c.r, c.g, c.b) });
    x += seg.reduce((s, g) => s + g.adv + line.tc, 0);
  }
  page.pushOperators(setCharacterSpacing(0));
}

/** A horizontal rule from x0 to x1 (mm) at y (mm from the top), thickness in mm. */
export function drawRule(page: PDFPage, x0: number, x1: number, y: number, thicknessMm: number, color: Rgb = BLACK): void {
  page.drawLine({
    start: { x: toX(x0), y: toY(y) },
    end: { x: toX(x1), y: toY(y) },
    thickness: mm(thicknessMm),
    color: rgb(color.r, color.g, color.b),
  });
}
