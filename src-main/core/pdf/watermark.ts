/**
 * Tiled watermark (unit, user, time) for printed/exported copies. The text is drawn as vector outlines in one
 * form XObject reused on every page, so text extraction, search and copy-paste never see it
 * (no text operators at all), and the file grows by one small object whatever the page count.
 */
import { PDFDocument, degrees, rgb, type PDFPage } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { WatermarkSchema, type Watermark } from '../../../shared/schemas/pdfOps.ts';
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

/** A scratch page holding one tile: the lines of text as outlines, centred. */
async function tilePage(fonts: FontSet, lines: string[]): Promise<{ page: PDFPage; w: number; h: number }> {
  const outlines = lines.map((l) => textOutline(fonts, l, SIZE));
  const w = Math.max(...outlines.map((o) => o.width)) + 4;
  const h = lines.length * SIZE + (lines.length - 1) * LINE_GAP + 8;
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const page = scratch.addPage([w, h]);
  outlines.forEach((o, i) => {
    const baseline = h - 4 - SIZE * 0.88 - i * (SIZE + LINE_GAP);
    page.drawSvgPath(o.d, { x: 2 + (w - 4 - o.width) / 2, y: baseline, color: GREY, borderWidth: 0, opacity: OPACITY });
  });
  return { page, w, h };
}

/**
 * One sheet (visual width × height) with the tiles laid out on a rotated brick pattern. Every page of the
 * target draws the same sheet once, so a 500-page file gains one shared XObject and a few bytes per page.
 */
async function sheetPage(tile: { page: PDFPage; w: number; h: number }, width: number, height: number): Promise<PDFPage> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const sheet = doc.addPage([width, height]);
  const embedded = await doc.embedPage(tile.page);
  const stepX = tile.w + 60;
  const stepY = tile.h + 90;
  for (let row = 0, vy = -tile.h; vy < height + stepY; row++, vy += stepY) {
    for (let vx = -tile.w - (row % 2) * (stepX / 2); vx < width + stepX; vx += stepX) {
      sheet.drawPage(embedded, { x: vx, y: vy, rotate: degrees(WATERMARK_ANGLE) });
    }
  }
  // Embedded pages are written lazily: flush so the sheet's resources exist before it is embedded elsewhere.
  await doc.flush();
  return sheet;
}

export function parseWatermark(input: unknown): Watermark {
  const parsed = WatermarkSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  return parsed.data;
}

export async function watermark(pdf: Uint8Array, input: unknown, opts: { fonts?: FontSet; now?: Date } = {}): Promise<Uint8Array> {
  const wm = parseWatermark(input);
  const doc = await loadForEdit(pdf);
  await drawWatermark(doc, wm, opts.fonts ?? defaultFontSet());
  return saveEdited(doc, opts.now);
}

/** Draws the watermark sheet on every page of a loaded document. */
export async function drawWatermark(doc: PDFDocument, wm: Watermark, fonts: FontSet): Promise<void> {
  const { unit, user, time } = wm;
  const pages = doc.getPages();
  const spaces = pages.map(pageSpace);
  const width = Math.min(Math.max(...spaces.map((s) => s.width)), 5000);
  const height = Math.min(Math.max(...spaces.map((s) => s.height)), 5000);
  const tile = await tilePage(fonts, [`${unit}  ${user}`, time]);
  const sheet = await doc.embedPage(await sheetPage(tile, width, height));
  pages.forEach((page, i) => {
    const space = spaces[i];
    // The sheet's top-left meets the page's visual top-left.
    const origin = space.toUser(0, space.height - height);
    page.drawPage(sheet, { x: origin.x, y: origin.y, rotate: space.angle });
  });
}
