/**
 * Tiled watermark (unit, user, time) for printed/exported copies. The text is drawn as vector outlines in one
 * form XObject reused on every page, so text extraction, search and copy-paste never see it
 * (no text operators at all), and the file grows by one small object whatever the page count.
 */
import { PDFDocument, degrees, rgb, type PDFEmbeddedPage } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { WatermarkSchema } from '../../../shared/schemas/pdfOps.ts';
import { defaultFontSet, type FontSet } from './fonts.ts';
import { loadForEdit, saveEdited } from './pdfLib.ts';
import { pageSpace } from './pageSpace.ts';

const SIZE = 18;
const LINE_GAP = 8;
const GREY = rgb(0.55, 0.55, 0.55);
const OPACITY = 0.18;
export const WATERMARK_ANGLE = 30;

interface PathCommand {
  command: string;
  args: number[];
}

/** SVG path data for a text line at `size`, baseline at y = 0, x from 0; SVG y points down. */
function textOutline(fonts: FontSet, text: string, size: number): { d: string; width: number } {
  let x = 0;
  const parts: string[] = [];
  const missing: string[] = [];
  for (const ch of text) {
    const f = fonts.fontFor('heiti', ch.codePointAt(0)!);
    if (!f) {
      missing.push(ch);
      continue;
    }
    const glyph = f.font.glyphForCodePoint(ch.codePointAt(0)!);
    const k = size / f.font.unitsPerEm;
    const px = (v: number) => (x + v * k).toFixed(2);
    const py = (v: number) => (-v * k).toFixed(2);
    for (const c of (glyph.path as unknown as { commands: PathCommand[] }).commands) {
      const a = c.args;
      switch (c.command) {
        case 'moveTo': parts.push(`M${px(a[0])} ${py(a[1])}`); break;
        case 'lineTo': parts.push(`L${px(a[0])} ${py(a[1])}`); break;
        case 'quadraticCurveTo': parts.push(`Q${px(a[0])} ${py(a[1])} ${px(a[2])} ${py(a[3])}`); break;
        case 'bezierCurveTo': parts.push(`C${px(a[0])} ${py(a[1])} ${px(a[2])} ${py(a[3])} ${px(a[4])} ${py(a[5])}`); break;
        case 'closePath': parts.push('Z'); break;
      }
    }
    x += glyph.advanceWidth * k;
  }
  if (missing.length > 0) throw new AppError('PDF_GLYPH_MISSING', { characters: missing });
  return { d: parts.join(''), width: x };
}

/** One tile (two lines of outlines) as a form XObject of the target document. */
async function buildTile(doc: PDFDocument, fonts: FontSet, lines: string[]): Promise<{ tile: PDFEmbeddedPage; w: number; h: number }> {
  const outlines = lines.map((l) => textOutline(fonts, l, SIZE));
  const w = Math.max(...outlines.map((o) => o.width)) + 4;
  const h = lines.length * SIZE + (lines.length - 1) * LINE_GAP + 8;
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const page = scratch.addPage([w, h]);
  outlines.forEach((o, i) => {
    const baseline = h - 4 - SIZE * 0.88 - i * (SIZE + LINE_GAP);
    page.drawSvgPath(o.d, { x: 2 + (w - 4 - o.width) / 2, y: baseline, color: GREY, borderWidth: 0 });
  });
  const tile = await doc.embedPage(page);
  return { tile, w, h };
}

export async function watermark(pdf: Uint8Array, input: unknown, opts: { fonts?: FontSet; now?: Date } = {}): Promise<Uint8Array> {
  const parsed = WatermarkSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  const { unit, user, time } = parsed.data;
  const doc = await loadForEdit(pdf);
  const { tile, w, h } = await buildTile(doc, opts.fonts ?? defaultFontSet(), [`${unit}  ${user}`, time]);
  const rad = (WATERMARK_ANGLE * Math.PI) / 180;
  const stepX = w + 60;
  const stepY = h + 90;
  for (const page of doc.getPages()) {
    const space = pageSpace(page);
    for (let vy = -h; vy < space.height + stepY; vy += stepY) {
      const shift = (Math.round(vy / stepY) % 2) * (stepX / 2);
      for (let vx = -w - shift; vx < space.width + stepX; vx += stepX) {
        const p = space.toUser(vx, vy);
        // Tiles that would lie wholly off the page are skipped.
        const cx = vx + (w / 2) * Math.cos(rad);
        if (cx < -w || cx > space.width + w) continue;
        page.drawPage(tile, { x: p.x, y: p.y, opacity: OPACITY, rotate: degrees(WATERMARK_ANGLE + space.rotation) });
      }
    }
  }
  return saveEdited(doc, opts.now);
}
