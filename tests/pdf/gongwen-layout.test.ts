/**
 * GB/T 9704-2012 layout checked from the generated PDF itself: pdf.js text geometry, pdftoppm raster for rules,
 * pdffonts for embedding, qpdf --check for structure. Figures in mm from the page's top-left.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGongwen } from '../../src-main/core/pdf/gongwen/render.ts';
import { NO_LINE_END, NO_LINE_START } from '../../src-main/core/pdf/gongwen/lineBreak.ts';
import { artifactPath, hasPoppler, hasQpdf } from '../helpers/environment.ts';
import { sampleSpec } from './fixtures.ts';
import { findRules, inkBox, rasterize, readGeometry, type PageGeometry, type TextLine } from './measure.ts';

const poppler = hasPoppler();
const qpdf = hasQpdf();
const LINE = 225 / 22; // 10.227 mm
const CELL = 156 / 28; // 5.571 mm
const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a.toFixed(2)} vs ${b.toFixed(2)}`).toBeLessThanOrEqual(tol);
const body = (p: PageGeometry) => p.lines.filter((l) => !/^— \d+ —$/u.test(l.text));
const find = (p: PageGeometry, re: RegExp): TextLine => {
  const l = p.lines.find((x) => re.test(x.text));
  if (!l) throw new Error(`no line matching ${re} in:\n${p.lines.map((x) => x.text).join('\n')}`);
  return l;
};

let pdf: Uint8Array;
let pages: PageGeometry[];

beforeAll(async () => {
  pdf = await renderGongwen(sampleSpec(8));
  pages = await readGeometry(pdf);
  fs.writeFileSync(artifactPath('gongwen-4-pages.pdf'), pdf);
});

describe('公文 layout per GB/T 9704-2012 (4-page sample with every element)', () => {
  it('is 4 A4 pages', () => {
    expect(pages).toHaveLength(4);
    for (const p of pages) {
      near(p.width, 210, 0.2);
      near(p.height, 297, 0.2);
    }
  });

  it('puts 份号 and 紧急程度 flush left on the first lines of the type area', () => {
    const copy = find(pages[0], /^\d{6}$/u);
    near(copy.x0, 28, 0.5);
    near(copy.emTop, 39.29, 0.5);
    const urgent = find(pages[0], /^(特急|加急)$/u);
    near(urgent.x0, 28, 0.5);
    near(urgent.emTop, 39.29 + LINE, 0.5);
    expect(urgent.runs[0].font).toMatch(/Hei/u);
  });

  it('centres the red 发文机关标志 with its top 35 mm below the type-area top', () => {
    const mark = find(pages[0], /文件$/u);
    near(mark.emTop, 72, 1);
    near((mark.x0 + mark.x1) / 2, 106, 1);
    expect(mark.x0).toBeGreaterThanOrEqual(28 - 0.5);
    expect(mark.x1).toBeLessThanOrEqual(184 + 0.5);
  });

  it('centres the 文号 two blank lines below the 标志, red rule 4 mm below it, title two lines below', () => {
    const mark = find(pages[0], /文件$/u);
    const num = find(pages[0], /^\S+〔\d{4}〕[1-9]\d*号$/u);
    expect(num.text).toBe('哈政办发〔2026〕12号');
    near((num.x0 + num.x1) / 2, 106, 0.5);
    expect(num.emTop - (mark.emTop + mark.size / 2.8346)).toBeGreaterThanOrEqual(2 * LINE - (LINE - 5.644));
    const titleLines = pages[0].lines.filter((l) => Math.abs(l.size - 22) < 0.1);
    expect(titleLines.length).toBe(2);
    for (const t of titleLines) near((t.x0 + t.x1) / 2, 106, 1);
    if (poppler) {
      const red = findRules(rasterize(pdf, 1), 'red');
      expect(red).toHaveLength(1);
      near(red[0].y, num.emTop + 5.644 + 4, 0.6);
      near(red[0].x0, 28, 0.5);
      near(red[0].x1, 184, 0.5);
      expect(titleLines[0].emTop - red[0].y).toBeGreaterThanOrEqual(2 * LINE - 0.5);
      // the 标志 is red ink
      const markInk = inkBox(rasterize(pdf, 1, 100), 'red', { x0: 20, y0: 65, x1: 190, y1: 95 });
      expect(markInk).not.toBeNull();
    }
  });

  it('puts 主送机关 flush left one line below the title, ending with a full-width colon', () => {
    const main = find(pages[0], /^各区/u);
    near(main.x0, 28, 0.5);
    expect(main.text.endsWith('：')).toBe(true);
  });

  it('fills a full page with 22 baselines on a 28.99 pt pitch and 28 characters per full line', () => {
    const lines = body(pages[1]);
    expect(lines).toHaveLength(22);
    near(lines[0].emTop, 39.29, 0.5);
    for (let i = 1; i < lines.length; i++) near((lines[i].baseline - lines[i - 1].baseline) * 2.8346, 28.99, 0.3);
    near(lines[21].baseline + 0.12 * 5.644, 262 - (LINE - 5.644) / 2, 0.5);
    const fullCjk = lines.filter((l) => /^[\u3000-\u9fff\uff00-\uffef]{28}$/u.test(l.text));
    expect(fullCjk.length).toBeGreaterThanOrEqual(5);
    for (const l of fullCjk) {
      near(l.x0, 28, 0.5);
      near(l.x1, 184, 0.5);
    }
  });

  it('indents paragraphs 2 characters, justifies to 184 mm and sets heading levels in 黑体/楷体', () => {
    const all = pages.flatMap(body).filter((l) => Math.abs(l.size - 16) < 0.1);
    const h1 = all.filter((l) => /^[一二三四五六七八九十]+、/u.test(l.text));
    expect(h1.length).toBeGreaterThan(0);
    for (const l of h1) {
      near(l.x0, 28 + 2 * CELL, 0.5);
      expect(l.runs[0].font).toMatch(/Hei/u);
    }
    const h2 = all.filter((l) => /^（[一二三四五六七八九十]+）/u.test(l.text));
    expect(h2.length).toBeGreaterThan(0);
    for (const l of h2) expect(l.runs[0].font).toMatch(/Kai/u);
    const paraStarts = all.filter((l) => l.text.startsWith('为进一步'));
    for (const l of paraStarts) {
      near(l.x0, 39.14, 0.5);
      near(l.x1, 184, 0.5);
    }
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket (禁则)', () => {
    const lines = pages.flatMap(body);
    for (const l of lines) {
      expect(NO_LINE_START.has([...l.text][0]), l.text).toBe(false);
      expect(NO_LINE_END.has([...l.text].at(-1)!), l.text).toBe(false);
    }
  });

  it('places 附件说明 2 characters in, the date 4 characters in from the right and the seal over 署名 and date', () => {
    const p = pages.findIndex((pg) => pg.lines.some((l) => /^\d{4}年[1-9]\d?月[1-9]\d?日$/u.test(l.text)));
    expect(p).toBeGreaterThanOrEqual(0);
    const note = pages.flatMap(body).find((l) => l.text.startsWith('附件：'))!;
    near(note.x0, 39.14, 0.5);
    const date = find(pages[p], /^\d{4}年[1-9]\d?月[1-9]\d?日$/u);
    expect(date.text).toBe('2026年3月5日');
    near(date.x1, 184 - 4 * CELL, 0.7);
    const organ = find(pages[p], /^哈尔滨市人民政府办公厅$/u);
    near((organ.x0 + organ.x1) / 2, (date.x0 + date.x1) / 2, 0.7);
    const remark = find(pages[p], /^（.+）$/u);
    near(remark.x0, 39.14, 0.5);
    near(remark.baseline - date.baseline, LINE, 0.3);
    if (poppler) {
      const seal = inkBox(rasterize(pdf, p + 1, 100), 'red', { x0: 28, y0: 37, x1: 210, y1: 262 })!;
      expect(seal).not.toBeNull();
      near((seal.x0 + seal.x1) / 2, (date.x0 + date.x1) / 2, 1);
      expect((seal.y0 + seal.y1) / 2).toBeLessThan(organ.baseline);
      expect(seal.y1).toBeGreaterThan(date.emTop);
      const above = body(pages[p]).filter((l) => l.baseline < organ.emTop && l !== organ);
      if (above.length > 0) expect(seal.y0 - (above.at(-1)!.baseline + 0.12 * 5.644)).toBeLessThanOrEqual(LINE);
    }
  });

  it('starts 附件 on a new page: 附件N in 黑体 on line 1, its title centred on line 3', () => {
    const page = pages.find((pg) => pg.lines[0]?.text === '附件1')!;
    expect(page).toBeDefined();
    const label = page.lines[0];
    near(label.x0, 28, 0.5);
    near(label.emTop, 39.29, 0.5);
    expect(label.runs[0].font).toMatch(/Hei/u);
    const t = page.lines[1];
    expect(t.size).toBeCloseTo(22, 1);
    near(t.emTop, 37 + 2 * LINE + (LINE - 22 / 2.8346) / 2, 0.5);
    near((t.x0 + t.x1) / 2, 106, 1);
  });

  it('draws the 版记 at the bottom of the last page: rules 0.35/0.25/0.35 mm, the last at 262 mm', () => {
    const last = pages.at(-1)!;
    const cc = find(last, /^抄送：/u);
    expect(cc.size).toBeCloseTo(14, 1);
    near(cc.x0, 32.94, 0.5);
    const printedLine = last.lines.find((l) => /印发$/u.test(l.text))!;
    const organ = printedLine.runs[0];
    near(organ.x0, 32.94, 0.5);
    near(printedLine.x1, 179.06, 0.5);
    const ccText = last.lines.filter((l) => l.size < 15 && !/印发$/u.test(l.text) && !/^—/u.test(l.text)).map((l) => l.text).join('');
    expect(ccText.endsWith('。')).toBe(true);
    if (poppler) {
      const rules = findRules(rasterize(pdf, pages.length), 'dark');
      expect(rules).toHaveLength(3);
      near(rules[2].y, 262, 0.5);
      near(rules[0].thickness, 0.35, 0.1);
      near(rules[1].thickness, 0.25, 0.1);
      near(rules[2].thickness, 0.35, 0.1);
      for (const r of rules) {
        near(r.x0, 28, 0.5);
        near(r.x1, 184, 0.5);
      }
      expect(printedLine.baseline).toBeLessThan(rules[2].y);
      expect(printedLine.emTop).toBeGreaterThan(rules[1].y);
    }
  });

  it('numbers pages "— n —" 7 mm below the type area, odd right and even left', async () => {
    for (const [i, p] of pages.entries()) {
      const n = find(p, /^— \d+ —$/u);
      expect(n.text).toBe(`— ${i + 1} —`);
      expect(n.size).toBeCloseTo(14, 1);
      if ((i + 1) % 2 === 1) near(n.x1, 179.06, 1);
      else near(n.x0, 32.94, 1);
    }
    if (poppler) {
      const dash = inkBox(rasterize(pdf, 2), 'dark', { x0: 28, y0: 263, x1: 50, y1: 280 })!;
      near((dash.y0 + dash.y1) / 2, 269, 1);
    }
  });

  it('embeds every font as a subset with a ToUnicode map, and passes qpdf --check', () => {
    const file = artifactPath('gongwen-4-pages.pdf');
    if (poppler) {
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const r of rows) {
        expect(r).toMatch(/^[A-Z]{6}\+/u);
        expect(r).toMatch(/\s+yes\s+yes\s+yes\s+/u);
      }
    }
    if (qpdf) expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/u);
  });

  it('renders every character of the input (no missing glyphs) and saves page PNGs', async () => {
    const spec = sampleSpec(8);
    const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('').replace(/\s+/gu, '');
    for (const p of spec.body ?? []) expect(text).toContain(p.replace(/\s+/gu, '').slice(0, 20));
    expect(text).toContain(spec.title);
    if (poppler) {
      const file = artifactPath('gongwen-4-pages.pdf');
      execFileSync('pdftoppm', ['-r', '60', '-png', file, artifactPath('gongwen-4-pages')]);
      expect(fs.existsSync(artifactPath('gongwen-4-pages-1.png'))).toBe(true);
    }
  });
});
