/**
 * Text drawn in a page's visual coordinates (see pageSpace), per-character font fallback, subset-embedded.
 */
import { rgb, type PDFPage } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import type { FontRole } from '../../../shared/schemas/gongwen.ts';
import type { DocFonts, FontSet, LoadedFont } from './fonts.ts';
import type { PageSpace } from './pageSpace.ts';

export interface TextStyle {
  role: FontRole;
  size: number;
  color: { r: number; g: number; b: number };
}

function segments(fonts: FontSet, text: string, role: FontRole): Array<{ text: string; font: LoadedFont; adv1: number }> {
  const out: Array<{ text: string; font: LoadedFont; adv1: number }> = [];
  const missing: string[] = [];
  for (const ch of text) {
    const f = fonts.fontFor(role, ch.codePointAt(0)!);
    if (!f) {
      missing.push(ch);
      continue;
    }
    const adv1 = f.font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / f.font.unitsPerEm;
    const last = out[out.length - 1];
    if (last && last.font === f) {
      last.text += ch;
      last.adv1 += adv1;
    } else out.push({ text: ch, font: f, adv1 });
  }
  if (missing.length > 0) throw new AppError('PDF_GLYPH_MISSING', { characters: missing });
  return out;
}

/** Width in pt of the text at a size. */
export function measure(fonts: FontSet, text: string, role: FontRole, size: number): number {
  return segments(fonts, text, role).reduce((s, g) => s + g.adv1 * size, 0);
}

/** Draws text with its baseline origin at visual (vx, vy); returns the width in pt. */
export async function drawVisualText(
  page: PDFPage, space: PageSpace, fonts: FontSet, docFonts: DocFonts, text: string, style: TextStyle, vx: number, vy: number,
): Promise<number> {
  let x = vx;
  for (const seg of segments(fonts, text, style.role)) {
    const font = await docFonts.get(seg.font);
    const p = space.toUser(x, vy);
    page.drawText(seg.text, { x: p.x, y: p.y, size: style.size, font, color: rgb(style.color.r, style.color.g, style.color.b), rotate: space.angle });
    x += seg.adv1 * style.size;
  }
  return x - vx;
}

/** A straight line between two visual points. */
export function drawVisualLine(page: PDFPage, space: PageSpace, a: [number, number], b: [number, number], thickness: number, color: { r: number; g: number; b: number }): void {
  const s = space.toUser(a[0], a[1]);
  const e = space.toUser(b[0], b[1]);
  page.drawLine({ start: s, end: e, thickness, color: rgb(color.r, color.g, color.b) });
}
