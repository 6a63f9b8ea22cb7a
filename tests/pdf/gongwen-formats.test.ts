/**
 * 公文 formats (信函, 纪要, 上行文 with 签发人, unsealed, meeting notice), fonts and fallbacks, bad input and
 * determinism — all checked from the rendered PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import type { GongwenSpecInput } from '../../shared/schemas/gongwen.ts';
import { renderGongwen } from '../../src-main/core/pdf/gongwen/render.ts';
import { artifactPath, hasPoppler } from '../helpers/environment.ts';
import { meetingNoticeSpec, sampleSpec } from './fixtures.ts';
import { findRules, rasterize, readGeometry, type TextLine } from './measure.ts';
import { codeOf } from './fixtures.ts';

const poppler = hasPoppler();
const CELL = 156 / 28;
const LINE = 225 / 22;
const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a.toFixed(2)} vs ${b.toFixed(2)}`).toBeLessThanOrEqual(tol);
const short = (over: Partial<GongwenSpecInput>): GongwenSpecInput => ({ ...sampleSpec(2), attachments: [], seal: undefined, ...over });
const lineOf = (lines: TextLine[], re: RegExp) => {
  const l = lines.find((x) => re.test(x.text));
  if (!l) throw new Error(`no ${re} in ${lines.map((x) => x.text).join(' | ')}`);
  return l;
};


describe('formats', () => {
  it('upward document: 文号 1 character in from the left, 签发人 1 character in from the right, names in 楷体', async () => {
    const pdf = await renderGongwen(short({ signers: ['张三', '李四'] }));
    const [p1] = await readGeometry(pdf);
    const num = lineOf(p1.lines, /签发人/u);
    const numberRun = num.runs.find((r) => r.str.includes('〔'))!;
    near(numberRun.x0, 28 + CELL, 0.5);
    near(num.x1, 184 - CELL, 0.5);
    expect(num.runs.at(-1)!.font).toMatch(/Kai/u);
  });

  it('unsealed: 署名 2 characters in from the right one line below the body, date 2 characters right of it', async () => {
    const pdf = await renderGongwen(short({ note: undefined }));
    const pages = await readGeometry(pdf);
    const last = pages.at(-1)!;
    const date = lineOf(last.lines, /^\d{4}年\d+月\d+日$/u);
    const organ = lineOf(last.lines, /^哈尔滨市人民政府办公厅$/u);
    near(organ.x1, 184 - 2 * CELL, 0.7);
    near(date.x0, organ.x0 + 2 * CELL, 0.7);
    near(date.baseline - organ.baseline, LINE, 0.3);
  });

  it('letter format (信函): 标志 30 mm from the page top, red double rules of 170 mm, no page number on page 1', async () => {
    const pdf = await renderGongwen(short({ format: 'letter', organMark: '哈尔滨市人民政府办公厅' }));
    const pages = await readGeometry(pdf);
    const mark = lineOf(pages[0].lines, /^哈尔滨市人民政府办公厅$/u);
    near(mark.emTop, 30, 1);
    expect(pages[0].lines.some((l) => /^— \d+ —$/u.test(l.text))).toBe(false);
    if (pages.length > 1) expect(pages[1].lines.some((l) => l.text === '— 2 —')).toBe(true);
    const num = lineOf(pages[0].lines, /〔2026〕12号$/u);
    near(num.x1, 184, 0.5);
    if (poppler) {
      const red = findRules(rasterize(pdf, 1), 'red', 150);
      expect(red.length).toBe(4);
      for (const r of red) {
        near(r.x1 - r.x0, 170, 0.6);
        near((r.x0 + r.x1) / 2, 105, 0.6);
      }
      near(red[0].y, mark.emTop + mark.size / 2.8346 + 4, 0.6);
      near(red[3].y, 297 - 20, 0.6);
    }
  });

  it('minutes (纪要): 期号 in place of the 文号, 出席/请假 lists with 黑体 labels, no seal', async () => {
    const pdf = await renderGongwen(
      short({
        format: 'minutes',
        organMark: '哈尔滨市人民政府常务会议纪要',
        docNumber: undefined,
        minutes: { issue: '第12期', present: '张三、李四、王五、赵六、钱七、孙八、周九、吴十、郑一、王二、冯三、陈四、褚五、卫六', absent: '蒋七（出差）' },
        mainRecipients: undefined,
      }),
    );
    const pages = await readGeometry(pdf);
    const issue = lineOf(pages[0].lines, /^第12期$/u);
    near((issue.x0 + issue.x1) / 2, 106, 0.5);
    const all = pages.flatMap((p) => p.lines);
    const present = lineOf(all, /^出席：/u);
    near(present.x0, 28 + 2 * CELL, 0.5);
    expect(present.runs[0].font).toMatch(/Hei/u);
    const wrapped = all[all.indexOf(present) + 1];
    near(wrapped.x0, 28 + 5 * CELL, 0.5);
    expect(all.some((l) => /^请假：/u.test(l.text))).toBe(true);
  });

  it('meeting notice: sections built from the meeting fields, saved as PNG', async () => {
    const pdf = await renderGongwen(meetingNoticeSpec());
    fs.writeFileSync(artifactPath('meeting-notice.pdf'), pdf);
    const text = (await readGeometry(pdf)).flatMap((p) => p.lines.map((l) => l.text));
    for (const h of ['一、会议时间', '二、会议地点', '三、参会人员', '四、会议议程', '五、有关要求']) expect(text).toContain(h);
    expect(text).toContain('（一）通报2025年全市安全生产工作情况');
    expect(text.some((l) => l.startsWith('联系人及电话：张明'))).toBe(true);
    if (poppler) execFileSync('pdftoppm', ['-r', '60', '-png', artifactPath('meeting-notice.pdf'), artifactPath('meeting-notice')]);
  });
});

describe('fonts and fallbacks', () => {
  it('draws characters Fandol lacks (喆 堃 镕 赟) with the fallback font, embedded and extractable', async () => {
    const pdf = await renderGongwen(short({ body: ['请王喆、李堃、张镕、赵赟同志参加。'] }));
    const lines = (await readGeometry(pdf)).flatMap((p) => p.lines);
    const l = lineOf(lines, /王喆/u);
    expect(l.text).toContain('请王喆、李堃、张镕、赵赟同志参加。');
    expect(l.runs.map((r) => r.font).join(',')).toMatch(/WenQuanYi/u);
  });

  it('refuses a character no font has with PDF_GLYPH_MISSING naming it', async () => {
    const pua = String.fromCodePoint(0xf8ff);
    try {
      await renderGongwen(short({ body: [`私用区字符${pua}不可显示`] }));
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('PDF_GLYPH_MISSING');
      expect((e as AppError).details).toEqual({ characters: [pua] });
    }
  });
});

describe('font settings', () => {
  const noto = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  it.skipIf(!fs.existsSync(noto))('uses a deployment font for a role, picking the face of a .ttc by postscript name', async () => {
    const { FontSet } = await import('../../src-main/core/pdf/fonts.ts');
    const fonts = new FontSet({ roles: { fangsong: { path: noto, postscriptName: 'NotoSerifCJKsc-Regular' } }, fallbacks: [] });
    const pdf = await renderGongwen(short({}), { fonts });
    const lines = (await readGeometry(pdf)).flatMap((p) => p.lines);
    const bodyLine = lineOf(lines, /^为进一步/u);
    expect(bodyLine.runs[0].font).toMatch(/^[A-Z]{6}\+NotoSerifCJKsc-Regular$/u);
    near(bodyLine.x0, 28 + 2 * CELL, 0.5);
    near(bodyLine.x1, 184, 0.5);
    // other roles keep the bundled fonts
    expect(lineOf(lines, /^一、/u).runs[0].font).toMatch(/FandolHei/u);
    expect(pdf.length).toBeLessThan(400_000);
  });
});

describe('bad input', () => {
  it('gives VALIDATION_FAILED for an over-long title, an empty body, a bad 份号 and a bad seal image', async () => {
    expect(await codeOf(renderGongwen(short({ title: '关于'.repeat(51) })))).toBe('VALIDATION_FAILED');
    expect(await codeOf(renderGongwen(short({ body: [] })))).toBe('VALIDATION_FAILED');
    expect(await codeOf(renderGongwen(short({ body: ['   '] })))).toBe('VALIDATION_FAILED');
    expect(await codeOf(renderGongwen(short({ copyNumber: '12' })))).toBe('VALIDATION_FAILED');
    expect(await codeOf(renderGongwen(short({ seal: { image: Buffer.from('not an image at all').toString('base64') } })))).toBe('VALIDATION_FAILED');
    expect(await codeOf(renderGongwen({ nonsense: true }))).toBe('VALIDATION_FAILED');
  });

  it('refuses a body beyond 300,000 characters with PDF_TOO_LARGE before laying it out', async () => {
    const para = '正'.repeat(4000);
    expect(await codeOf(renderGongwen(short({ body: Array.from({ length: 80 }, () => para) })))).toBe('PDF_TOO_LARGE');
  });

  it('refuses classified documents (秘密/机密/绝密)', async () => {
    expect(await codeOf(renderGongwen(short({ secrecy: 'secret' })))).toBe('DOC_CLASSIFIED_REFUSED');
    expect(await codeOf(renderGongwen(short({ secrecy: 'top-secret' })))).toBe('DOC_CLASSIFIED_REFUSED');
  });

  it('lays out the longest allowed title (100 characters) centred within the type area', async () => {
    const pdf = await renderGongwen(short({ title: '关于'.repeat(50) }));
    const titles = (await readGeometry(pdf))[0].lines.filter((l) => Math.abs(l.size - 22) < 0.1);
    expect(titles.length).toBe(5);
    for (const t of titles) {
      expect(t.x0).toBeGreaterThanOrEqual(28 - 0.3);
      expect(t.x1).toBeLessThanOrEqual(184 + 0.3);
    }
  });

  it('breaks an unbroken Latin run (a long URL) inside the measure', async () => {
    const url = `https://example.gov.cn/${'a'.repeat(150)}`;
    const pdf = await renderGongwen(short({ body: [`详见${url}。`] }));
    const lines = (await readGeometry(pdf)).flatMap((p) => p.lines).filter((l) => l.size === 16);
    for (const l of lines) expect(l.x1).toBeLessThanOrEqual(184 + 0.5);
    expect(lines.map((l) => l.text).join('')).toContain(url);
  });
});

describe('determinism', () => {
  it('renders byte-identical PDFs for the same description', async () => {
    const a = await renderGongwen(sampleSpec(3));
    const b = await renderGongwen(sampleSpec(3));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe('meeting notice without an introduction', () => {
  it('writes the introduction from the meeting name and time', async () => {
    const spec = meetingNoticeSpec();
    const pdf = await renderGongwen({ ...spec, body: [] });
    const text = (await readGeometry(pdf)).flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('定于2026年3月10日（星期二）上午9:00召开全市安全生产工作会议。现将有关事项通知如下：');
  });
});
