/**
 * Reads geometry back from a PDF: text lines from the pdf.js text matrix (mm from the page's top-left), and
 * horizontal rules / coloured ink from a pdftoppm raster. Used to check GB/T 9704 positions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export const PT = 72 / 25.4;

export interface TextRun {
  str: string;
  /** left, right, baseline in mm from the top-left of the page */
  x0: number;
  x1: number;
  baseline: number;
  /** em-top: baseline − 0.88 em */
  emTop: number;
  size: number;
  font: string;
}
export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  emTop: number;
  size: number;
  runs: TextRun[];
}
export interface PageGeometry {
  width: number;
  height: number;
  lines: TextLine[];
}

export async function readGeometry(data: Uint8Array): Promise<PageGeometry[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageGeometry[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , w, h] = page.view;
    await page.getOperatorList();
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const raw of content.items) {
      const it = raw as TextItem;
      if (typeof it.str !== 'string' || it.str.trim() === '') continue;
      const size = Math.hypot(it.transform[0], it.transform[1]);
      const baseline = (h - it.transform[5]) / PT;
      let font = it.fontName;
      try {
        font = (page.commonObjs.get(it.fontName) as { name?: string }).name ?? it.fontName;
      } catch {
        /* keep the loaded name */
      }
      runs.push({ str: it.str, x0: it.transform[4] / PT, x1: (it.transform[4] + it.width) / PT, baseline, emTop: baseline - (0.88 * size) / PT, size, font });
    }
    const lines: TextLine[] = [];
    for (const r of runs.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0)) {
      const l = lines.find((x) => Math.abs(x.baseline - r.baseline) < 0.3 && Math.abs(x.size - r.size) < 0.5);
      if (l) {
        l.runs.push(r);
        l.x0 = Math.min(l.x0, r.x0);
        l.x1 = Math.max(l.x1, r.x1);
      } else lines.push({ text: '', x0: r.x0, x1: r.x1, baseline: r.baseline, emTop: r.emTop, size: r.size, runs: [r] });
    }
    for (const l of lines) {
      l.runs.sort((a, b) => a.x0 - b.x0);
      l.text = l.runs.map((r) => r.str).join('');
    }
    pages.push({ width: w / PT, height: h / PT, lines });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

export interface Raster {
  width: number;
  height: number;
  dpi: number;
  rgb: Buffer;
}

/** Renders one page with pdftoppm to raw RGB. */
export function rasterize(pdf: Uint8Array, page: number, dpi = 300): Raster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-raster-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file, path.join(dir, 'out')]);
    const ppm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.ppm'))!));
    // P6\n<w> <h>\n255\n<data>
    const headerEnd = (() => {
      let nl = 0;
      for (let i = 0; i < ppm.length; i++) if (ppm[i] === 0x0a && ++nl === 3) return i + 1;
      throw new Error('bad ppm');
    })();
    const [, w, hgt] = ppm.subarray(0, headerEnd).toString('latin1').split(/\s+/);
    return { width: Number(w), height: Number(hgt), dpi, rgb: ppm.subarray(headerEnd) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** red: saturated red ink; reddish: also anti-aliased thin red strokes on white; dark: black/grey ink. */
export type Ink = 'red' | 'reddish' | 'dark';
export function isInk(r: Raster, x: number, y: number, ink: Ink): boolean {
  const o = (y * r.width + x) * 3;
  const R = r.rgb[o], G = r.rgb[o + 1], B = r.rgb[o + 2];
  if (ink === 'red') return R > 180 && G < 90 && B < 90;
  if (ink === 'reddish') return R > 150 && R - G > 50 && R - B > 50;
  return R < 90 && G < 90 && B < 90;
}

export interface Rule {
  /** centre y, thickness, x extent in mm */
  y: number;
  thickness: number;
  x0: number;
  x1: number;
}

/** Horizontal rules: runs of rows where ≥ 90 % of the pixels between 30 and 182 mm are ink. */
export function findRules(r: Raster, ink: Ink, minLengthMm = 100): Rule[] {
  const px = (mmv: number) => Math.round((mmv / 25.4) * r.dpi);
  const mmOf = (p: number) => (p / r.dpi) * 25.4;
  const rows: Array<{ y: number; x0: number; x1: number }> = [];
  for (let y = 0; y < r.height; y++) {
    let best = { len: 0, x0: 0, x1: 0 };
    let start = -1;
    for (let x = 0; x <= r.width; x++) {
      const on = x < r.width && isInk(r, x, y, ink);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > best.len) best = { len: x - start, x0: start, x1: x };
        start = -1;
      }
    }
    if (best.len >= px(minLengthMm)) rows.push({ y, x0: best.x0, x1: best.x1 });
  }
  const rules: Rule[] = [];
  let group: typeof rows = [];
  const flush = () => {
    if (group.length === 0) return;
    const yc = (group[0].y + group[group.length - 1].y + 1) / 2;
    rules.push({ y: mmOf(yc), thickness: mmOf(group.length), x0: mmOf(Math.min(...group.map((g) => g.x0))), x1: mmOf(Math.max(...group.map((g) => g.x1))) });
    group = [];
  };
  for (const row of rows) {
    if (group.length > 0 && row.y !== group[group.length - 1].y + 1) flush();
    group.push(row);
  }
  flush();
  return rules;
}

/** Bounding box (mm) of ink pixels of a colour inside a region (mm). */
export function inkBox(r: Raster, ink: Ink, region = { x0: 0, y0: 0, x1: 10_000, y1: 10_000 }): { x0: number; y0: number; x1: number; y1: number } | null {
  const px = (mmv: number) => Math.round((mmv / 25.4) * r.dpi);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let y = Math.max(0, px(region.y0)); y < Math.min(r.height, px(region.y1)); y++)
    for (let x = Math.max(0, px(region.x0)); x < Math.min(r.width, px(region.x1)); x++)
      if (isInk(r, x, y, ink)) {
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
  if (x0 === Infinity) return null;
  const mmOf = (p: number) => (p / r.dpi) * 25.4;
  return { x0: mmOf(x0), y0: mmOf(y0), x1: mmOf(x1 + 1), y1: mmOf(y1 + 1) };
}
