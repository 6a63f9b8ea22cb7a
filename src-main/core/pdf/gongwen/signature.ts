/**
 * 发文机关署名, 成文日期, 印章 and 附注 (§7.3.5, §7.3.6).
 * Sealed: date 4 characters in from the right, 署名 centred over the date, the seal centred on the date and
 * pressing both lines, two blank lines above for the seal. Unsealed: 署名 one blank line below the body,
 * 2 characters in from the right; the date on the next line starting 2 characters right of the 署名.
 */
import type { PDFImage } from 'pdf-lib';
import { AREA_LEFT, CELL_PT, SIZE_3, emTopMm, mm, toX, toY, PT_PER_MM } from './geometry.ts';
import { blank, chineseDate, lineItem, MEASURE, paragraph, placedLine, run, type Ctx } from './blocks.ts';
import type { FlowItem } from './flow.ts';
import { drawLine } from './typeset.ts';
import { baselineMm } from './geometry.ts';

export interface SignatureInput {
  organ?: string;
  date: string;
  seal?: { image: PDFImage; diameterMm: number };
  note?: string;
}

export function signatureItems(ctx: Ctx, s: SignatureInput): FlowItem[] {
  const dateText = chineseDate(s.date);
  const items: FlowItem[] = [];
  if (s.seal) {
    const date = placedLine(ctx, [run(dateText)], SIZE_3, { right: 4 * CELL_PT });
    const dateCentre = date.indent + date.width / 2;
    const organ = s.organ ? placedLine(ctx, [run(s.organ)], SIZE_3, { center: dateCentre }) : null;
    if (organ && organ.indent + organ.width > MEASURE) {
      // A long 署名 would overrun the right edge: shift both left so the 署名 ends at the edge.
      const shift = organ.indent + organ.width - MEASURE;
      organ.indent -= shift;
      date.indent -= shift;
    }
    const seal = s.seal;
    const lines = organ ? 2 : 1;
    items.push(...blank(2).map((b) => ({ ...b, keepWithNext: true })));
    items.push({
      lines,
      keepWithNext: !!s.note,
      draw: async (page, line) => {
        if (organ) await drawLine(page, ctx.docFonts, organ, AREA_LEFT, baselineMm(line));
        await drawLine(page, ctx.docFonts, date, AREA_LEFT, baselineMm(line + lines - 1));
        const d = seal.diameterMm;
        const cx = toX(AREA_LEFT) + date.indent + date.width / 2;
        // Centre on the top of the 署名 glyphs: both lines sit below the seal's centre and under its lower half.
        const cyMm = emTopMm(line);
        page.drawImage(seal.image, { x: cx - mm(d) / 2, y: toY(cyMm) - mm(d) / 2, width: mm(d), height: mm(d) });
      },
    });
  } else {
    const dateNatural = placedLine(ctx, [run(dateText)], SIZE_3, { left: 0 });
    let organ = s.organ ? placedLine(ctx, [run(s.organ)], SIZE_3, { right: 2 * CELL_PT }) : null;
    let dateIndent = organ ? organ.indent + 2 * CELL_PT : MEASURE - 2 * CELL_PT - dateNatural.width;
    if (organ && dateIndent + dateNatural.width > MEASURE - 2 * CELL_PT) {
      dateIndent = MEASURE - 2 * CELL_PT - dateNatural.width;
      organ = { ...organ, indent: dateIndent - 2 * CELL_PT };
    }
    const date = { ...dateNatural, indent: dateIndent };
    items.push(...blank(1).map((b) => ({ ...b, keepWithNext: true })));
    if (organ) items.push(lineItem(ctx, organ, SIZE_3, { keepWithNext: true }));
    items.push(lineItem(ctx, date, SIZE_3, { keepWithNext: !!s.note }));
  }
  if (s.note) items.push(...paragraph(ctx, [run(`（${s.note}）`)], { firstIndent: 2 * CELL_PT }));
  void PT_PER_MM;
  return items;
}
