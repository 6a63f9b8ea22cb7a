/**
 * Building blocks that turn text into flow items: paragraphs on the grid, centred titles, single placed lines.
 */
import type { PDFPage } from 'pdf-lib';
import type { FontRole } from '../../../../shared/schemas/gongwen.ts';
import type { DocFonts, FontSet } from '../fonts.ts';
import type { FlowItem } from './flow.ts';
import { AREA_LEFT, CELL_PT, SIZE_2, SIZE_3, baselineMm, mm, AREA_W } from './geometry.ts';
import { breakLines, breakTitle, toGlyphs, type LaidLine, type StyledRun } from './lineBreak.ts';
import { drawLine } from './typeset.ts';

export interface Ctx {
  fonts: FontSet;
  docFonts: DocFonts;
}

export const MEASURE = mm(AREA_W);

export function lineItem(ctx: Ctx, laid: LaidLine, size: number, extra: Partial<FlowItem> = {}): FlowItem {
  return {
    lines: 1,
    draw: (page: PDFPage, line: number) => drawLine(page, ctx.docFonts, laid, AREA_LEFT, baselineMm(line, size)),
    ...extra,
  };
}

export const blank = (n = 1): FlowItem[] => Array.from({ length: n }, () => ({ lines: 1, blank: true }));

export interface ParaOptions {
  firstIndent?: number;
  restIndent?: number;
  size?: number;
  justify?: boolean;
  /** Width of the measure in pt (default: the type area), and left offset inside it. */
  width?: number;
  offset?: number;
}

/** Lays a paragraph on the grid (3号: 28 cells per line) and returns its lines. */
export function layParagraph(ctx: Ctx, runs: StyledRun[], o: ParaOptions = {}): LaidLine[] {
  const size = o.size ?? SIZE_3;
  const glyphs = toGlyphs(runs, ctx.fonts);
  const gridTc = size === SIZE_3 ? CELL_PT - SIZE_3 : 0;
  const lines = breakLines(glyphs, {
    width: o.width ?? MEASURE,
    firstIndent: o.firstIndent ?? 2 * CELL_PT,
    restIndent: o.restIndent ?? 0,
    gridTc,
    justify: o.justify ?? true,
  });
  if (o.offset) for (const l of lines) l.indent += o.offset;
  return lines;
}

export function paragraph(ctx: Ctx, runs: StyledRun[], o: ParaOptions = {}): FlowItem[] {
  return layParagraph(ctx, runs, o).map((l) => lineItem(ctx, l, o.size ?? SIZE_3));
}

/** A centred 2号 小标宋 title; "\n" in the text forces a break. */
export function title(ctx: Ctx, text: string, keepWithNext = true): FlowItem[] {
  const parts = text.split('\n').map((t) => t.trim()).filter(Boolean);
  const glyphLines = parts.map((p) => toGlyphs([{ text: p, role: 'xiaobiaosong', size: SIZE_2 }], ctx.fonts));
  return breakTitle(glyphLines, MEASURE).map((l) => lineItem(ctx, l, SIZE_2, { keepWithNext }));
}

/** A single line placed against the right edge minus `rightPt`, or with its start at `leftPt`. */
export function placedLine(ctx: Ctx, runs: StyledRun[], size: number, at: { left?: number; right?: number; center?: number }): LaidLine {
  const glyphs = toGlyphs(runs, ctx.fonts);
  const tc = size === SIZE_3 ? CELL_PT - SIZE_3 : 0;
  const width = glyphs.reduce((s, g) => s + g.adv, 0) + (glyphs.length - 1) * tc;
  let indent = at.left ?? 0;
  if (at.right !== undefined) indent = MEASURE - at.right - width;
  if (at.center !== undefined) indent = at.center - width / 2;
  return { glyphs, indent, tc, width };
}

export const run = (text: string, role: FontRole = 'fangsong', size = SIZE_3): StyledRun => ({ text, role, size });

/** 2026-03-05 → 2026年3月5日 (full year, no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const CN_DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings and list numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}
