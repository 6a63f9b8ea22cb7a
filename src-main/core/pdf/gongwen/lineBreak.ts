/**
 * CJK line breaking: one unit per ideograph, Latin/digit runs kept whole, 禁则 (no 、。，）… at a line start,
 * no （〔《… at a line end, by pushing characters to the next line), justification to the grid with Tc.
 */
import { AppError } from '../../../../shared/errors.ts';
import type { FontRole } from '../../../../shared/schemas/gongwen.ts';
import type { FontSet, LoadedFont } from '../fonts.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}
export interface StyledRun {
  text: string;
  role: FontRole;
  size: number;
  color?: Rgb;
}
export interface Glyph {
  ch: string;
  font: LoadedFont;
  size: number;
  /** Natural advance in pt. */
  adv: number;
  color?: Rgb;
}
export interface LaidLine {
  glyphs: Glyph[];
  /** Offset of the first glyph from the left edge of the measure, in pt. */
  indent: number;
  /** Character spacing (PDF Tc) for the line, in pt. */
  tc: number;
  /** Width of the ink from the first glyph's origin to the last glyph's advance end, in pt. */
  width: number;
}

export const NO_LINE_START = new Set([...'、。，．：；！？）》」』】〕〉”’％‰…—·,.;:!?)]}%']);
export const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
const WORD = /[A-Za-z0-9.,%\-_/+@#&'"=]/u;

/** Resolves each character to the first font of its role's chain with a glyph; throws PDF_GLYPH_MISSING. */
export function toGlyphs(runs: StyledRun[], fonts: FontSet): Glyph[] {
  const out: Glyph[] = [];
  const missing = new Set<string>();
  for (const run of runs) {
    for (const raw of run.text) {
      const ch = raw === '\t' ? ' ' : raw;
      if (ch === '\n' || ch === '\r') continue;
      const f = fonts.fontFor(run.role, ch.codePointAt(0)!);
      if (!f) {
        missing.add(ch);
        continue;
      }
      const g = f.font.glyphForCodePoint(ch.codePointAt(0)!);
      out.push({ ch, font: f, size: run.size, adv: (g.advanceWidth / f.font.unitsPerEm) * run.size, color: run.color });
    }
  }
  if (missing.size > 0) throw new AppError('PDF_GLYPH_MISSING', { characters: [...missing] }, `所有字体均缺少字符：${[...missing].join('')}`);
  return out;
}

/** Groups glyphs into unbreakable tokens: a Latin/digit word, a run of spaces, or one other character. */
function tokenize(glyphs: Glyph[]): Glyph[][] {
  const tokens: Glyph[][] = [];
  for (const g of glyphs) {
    const last = tokens[tokens.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && WORD.test(g.ch) && WORD.test(prev.ch)) last.push(g);
    else if (prev && g.ch === ' ' && prev.ch === ' ') last.push(g);
    else tokens.push([g]);
  }
  return tokens;
}

const sumAdv = (gs: Glyph[]) => gs.reduce((s, g) => s + g.adv, 0);

export interface BreakOptions {
  /** Width of the measure in pt. */
  width: number;
  firstIndent: number;
  restIndent: number;
  /** Tc that puts glyphs on the character grid (cell − size); also used for the last line. */
  gridTc: number;
  /** Stretch or squeeze every line but the last to fill the measure. */
  justify: boolean;
  /** Cap on the measure used for balancing (titles); defaults to width. */
  target?: number;
}

export function breakLines(glyphs: Glyph[], o: BreakOptions): LaidLine[] {
  const tokens = tokenize(glyphs);
  const lines: LaidLine[] = [];
  let i = 0;
  const fits = (gs: number, adv: number, avail: number) => adv + (gs - 1) * o.gridTc <= avail + 0.3;
  while (i < tokens.length) {
    while (i < tokens.length && tokens[i][0].ch === ' ') i++;
    if (i >= tokens.length) break;
    const indent = lines.length === 0 ? o.firstIndent : o.restIndent;
    const avail = Math.min(o.target ?? o.width, o.width) - indent;
    let j = i;
    let count = 0;
    let adv = 0;
    while (j < tokens.length && fits(count + tokens[j].length, adv + sumAdv(tokens[j]), avail)) {
      count += tokens[j].length;
      adv += sumAdv(tokens[j]);
      j++;
    }
    if (j === i) {
      // A single token wider than the line (a long URL): split it by characters.
      const t = tokens[i];
      let k = 1;
      while (k < t.length && fits(k + 1, sumAdv(t.slice(0, k + 1)), avail)) k++;
      tokens.splice(i, 1, t.slice(0, k), t.slice(k));
      j = i + 1;
    } else if (j < tokens.length) {
      // 禁则: push characters to the next line while the next line would start with a closing mark
      // or this line would end with an opening mark.
      while (j > i + 1 && (NO_LINE_START.has(tokens[j][0].ch) || NO_LINE_END.has(tokens[j - 1][tokens[j - 1].length - 1].ch))) j--;
    }
    let lineGlyphs = tokens.slice(i, j).flat();
    while (lineGlyphs.length > 1 && lineGlyphs[lineGlyphs.length - 1].ch === ' ') lineGlyphs = lineGlyphs.slice(0, -1);
    i = j;
    lines.push({ glyphs: lineGlyphs, indent, tc: o.gridTc, width: 0 });
  }
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const n = l.glyphs.length;
    const natural = sumAdv(l.glyphs);
    const isLast = k === lines.length - 1;
    if (o.justify && !isLast && n > 1) l.tc = (o.width - l.indent - natural) / (n - 1);
    l.width = natural + (n - 1) * l.tc;
  }
  return lines;
}

/** Title lines: balanced (each line about the same length), centred, at natural spacing; "\n" forces a break. */
export function breakTitle(glyphsByLine: Glyph[][], width: number): LaidLine[] {
  const out: LaidLine[] = [];
  for (const gs of glyphsByLine) {
    const total = sumAdv(gs);
    const k = Math.max(1, Math.ceil(total / width));
    const target = Math.min(width, total / k + (gs[0]?.adv ?? 0) * 0.99);
    const ls = breakLines(gs, { width, firstIndent: 0, restIndent: 0, gridTc: 0, justify: false, target });
    out.push(...ls);
  }
  for (const l of out) l.indent = (width - l.width) / 2;
  return out;
}
