/**
 * Operations on existing PDFs: receipt stamp, watermark, merge, thumbnails, secrecy scan — on generated and
 * real-world files, with the bad inputs the issue lists.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { extractPdfText, pdfInfo } from '../../src-main/core/pdf/extract.ts';
import { renderGongwen } from '../../src-main/core/pdf/gongwen/render.ts';
import { mergePdfs } from '../../src-main/core/pdf/merge.ts';
import { scanPdfForClassifiedMarks } from '../../src-main/core/pdf/secrecyScan.ts';
import { stampReceipt, STAMP } from '../../src-main/core/pdf/stamp.ts';
import { pdfThumbnails } from '../../src-main/core/pdf/thumbnails.ts';
import { watermark } from '../../src-main/core/pdf/watermark.ts';
import { artifactPath, FIXTURE_PDFS, hasFixtures, hasPoppler, hasQpdf } from '../helpers/environment.ts';
import { meetingNoticeSpec, sampleSpec } from './fixtures.ts';
import { inkBox, rasterize, readGeometry } from './measure.ts';
import { codeOf } from './fixtures.ts';

const poppler = hasPoppler();
const qpdf = hasQpdf();
const fixtures = hasFixtures();
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_PDFS, name)));
const RECEIPT = { unit: '哈尔滨市财政局', date: '2026-03-06', number: '收2026-0123' };
const WM = { unit: '哈尔滨市财政局', user: '张明', time: '2026-03-06 14:30' };


function pdftotext(data: Uint8Array): string {
  const f = artifactPath(`tmp-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(f, data);
  try {
    return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(f);
  }
}

async function manyPages(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) doc.addPage([595.28, 841.89]).drawText(`Page ${i} of a long report`, { x: 72, y: 760, size: 12, font });
  return doc.save();
}

let gongwen: Uint8Array;
beforeAll(async () => {
  gongwen = await renderGongwen(sampleSpec(3));
});

describe('stampReceipt', () => {
  it('draws a red 收文章 in the top margin of page 1 and keeps the original text', async () => {
    const stamped = await stampReceipt(gongwen, RECEIPT, { now: new Date('2026-03-06T08:00:00Z') });
    fs.writeFileSync(artifactPath('stamped-gongwen.pdf'), stamped);
    const before = await extractPdfText(gongwen);
    const after = await extractPdfText(stamped);
    expect(after.pages.length).toBe(before.pages.length);
    for (const line of before.pages[0].split('\n')) expect(after.pages[0]).toContain(line);
    expect(after.pages[0]).toContain('哈尔滨市财政局');
    expect(after.pages[0]).toContain('收2026-0123');
    expect(after.pages[0]).toContain('2026年3月6日');
    const geo = await readGeometry(stamped);
    const stampLines = geo[0].lines.filter((l) => /收文编号|收文日期|财政局/u.test(l.text));
    expect(stampLines.length).toBe(3);
    for (const l of stampLines) {
      expect(l.baseline).toBeLessThan(STAMP.topMm + STAMP.heightMm);
      expect(l.x1).toBeLessThanOrEqual(210 - STAMP.rightMm + 0.5);
    }
    if (poppler) {
      const red = inkBox(rasterize(stamped, 1, 100), 'red', { x0: 0, y0: 0, x1: 210, y1: 36 })!;
      expect(red).not.toBeNull();
      expect(red.y0).toBeGreaterThan(STAMP.topMm - 1);
      expect(red.y1).toBeLessThan(37);
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', artifactPath('stamped-gongwen.pdf'), artifactPath('stamped-gongwen')]);
    }
    if (qpdf) expect(execFileSync('qpdf', ['--check', artifactPath('stamped-gongwen.pdf')], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/u);
  });

  it.skipIf(!fixtures)('stamps real-world files and repairs damaged ones', async () => {
    for (const name of ['tracemonkey.pdf', 'cid_cff.pdf', 'SimFang-variant.pdf', 'alphatrans.pdf', 'bad-PageLabels.pdf', 'helloworld-bad.pdf']) {
      const out = await stampReceipt(read(name), RECEIPT);
      expect((await pdfInfo(out)).pageCount, name).toBe((await pdfInfo(read(name))).pageCount);
      expect((await extractPdfText(out)).pages[0], name).toContain('收文编号');
    }
  });

  it.skipIf(!poppler)('puts the stamp at the visual top right of rotated pages', async () => {
    for (const angle of [90, 180, 270]) {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([595.28, 841.89]);
      page.drawText('rotated original', { x: 72, y: 400, size: 14, font });
      page.setRotation(degrees(angle));
      const stamped = await stampReceipt(await doc.save(), RECEIPT);
      const r = rasterize(stamped, 1, 100);
      const visualW = (r.width / 100) * 25.4;
      const red = inkBox(r, 'reddish')!;
      expect(red, `rotation ${angle}`).not.toBeNull();
      expect(red.y0, `rotation ${angle}`).toBeGreaterThan(STAMP.topMm - 1.5);
      expect(red.y1, `rotation ${angle}`).toBeLessThan(STAMP.topMm + STAMP.heightMm + 1.5);
      expect(Math.abs(red.x1 - (visualW - STAMP.rightMm)), `rotation ${angle}`).toBeLessThan(1.5);
      expect(Math.abs(red.x1 - red.x0 - STAMP.widthMm), `rotation ${angle}`).toBeLessThan(1.5);
    }
  });

  it.skipIf(!fixtures)('refuses encrypted, broken and non-PDF input with a clear code', async () => {
    expect(await codeOf(stampReceipt(read('issue3371.pdf'), RECEIPT))).toBe('PDF_ENCRYPTED');
    expect(await codeOf(stampReceipt(read('empty_protected.pdf'), RECEIPT))).toBe('PDF_ENCRYPTED');
    expect(await codeOf(stampReceipt(new TextEncoder().encode('not a pdf at all'), RECEIPT))).toBe('PDF_BROKEN');
    expect(await codeOf(stampReceipt(read('tracemonkey.pdf').subarray(0, 4000), RECEIPT))).toBe('PDF_BROKEN');
    expect(await codeOf(stampReceipt(gongwen, { ...RECEIPT, date: '2026-13-40' }))).toBe('VALIDATION_FAILED');
  });
});

describe('watermark', () => {
  it('tiles unit, user and time on every page without adding any extractable text', async () => {
    const out = await watermark(gongwen, WM);
    const before = await extractPdfText(gongwen);
    const after = await extractPdfText(out);
    expect(after.pages).toEqual(before.pages);
    if (poppler) {
      const text = pdftotext(out);
      expect(text).not.toContain('张明');
      expect(text).not.toContain('14:30');
      expect(text.replace(/\s+/gu, '')).toBe(pdftotext(gongwen).replace(/\s+/gu, ''));
      // but it is visible: grey ink appears in an otherwise empty area (the bottom margin of page 1)
      const r = rasterize(out, 1, 60);
      let grey = 0;
      for (let y = Math.round((275 / 25.4) * 60); y < r.height; y++)
        for (let x = 0; x < r.width; x++) {
          const o = (y * r.width + x) * 3;
          if (r.rgb[o] < 250 && Math.abs(r.rgb[o] - r.rgb[o + 2]) < 8) grey++;
        }
      expect(grey).toBeGreaterThan(200);
    }
  });

  it('handles a 500-page PDF and shares one watermark object across pages', async () => {
    const big = await manyPages(500);
    const out = await watermark(big, WM);
    expect((await pdfInfo(out)).pageCount).toBe(500);
    // one form XObject reused: the file grows by well under 1 KB per page
    expect(out.length - big.length).toBeLessThan(500 * 1024);
    const stamped = await stampReceipt(out, RECEIPT);
    expect((await pdfInfo(stamped)).pageCount).toBe(500);
  });
});

describe('mergePdfs', () => {
  it.skipIf(!fixtures)('merges main file and attachments in order with one bookmark each', async () => {
    const notice = await renderGongwen(meetingNoticeSpec());
    const out = await mergePdfs([
      { name: '关于召开全市安全生产工作会议的通知', data: notice },
      { name: '附件1：参会回执', data: read('cid_cff.pdf') },
      { name: '附件2：Tracemonkey', data: read('tracemonkey.pdf') },
    ]);
    const counts = [(await pdfInfo(notice)).pageCount, 1, 14];
    expect((await pdfInfo(out)).pageCount).toBe(counts[0] + 15);
    const text = await extractPdfText(out);
    expect(text.pages[counts[0]]).toContain('processor reference chart');
    if (qpdf) {
      const file = artifactPath('merged-notice.pdf');
      fs.writeFileSync(file, out);
      const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
        outlines: Array<{ title: string; destpageposfrom1: number }>;
      };
      expect(json.outlines.map((o) => [o.title, o.destpageposfrom1])).toEqual([
        ['关于召开全市安全生产工作会议的通知', 1],
        ['附件1：参会回执', counts[0] + 1],
        ['附件2：Tracemonkey', counts[0] + 2],
      ]);
    }
  });

  it.skipIf(!fixtures)('names the bad file when one input is broken or encrypted', async () => {
    try {
      await mergePdfs([{ name: 'ok.pdf', data: gongwen }, { name: 'locked.pdf', data: read('issue6010_1.pdf') }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('PDF_ENCRYPTED');
      expect((e as AppError).details).toMatchObject({ file: 'locked.pdf', index: 1 });
    }
    expect(await codeOf(mergePdfs([]))).toBe('VALIDATION_FAILED');
  });
});

describe('thumbnails, page count and secrecy scan', () => {
  it('renders PNG thumbnails of chosen pages', async () => {
    const r = await pdfThumbnails(gongwen, { width: 120, pages: [1, 99] });
    expect(r.pageCount).toBe((await pdfInfo(gongwen)).pageCount);
    expect(r.thumbnails).toHaveLength(1);
    const t = r.thumbnails[0];
    expect(t.width).toBe(120);
    expect(t.height).toBe(Math.ceil((120 * 297) / 210));
    expect(Buffer.from(t.png.subarray(0, 4)).toString('latin1')).toBe('\u0089PNG');
    expect(await codeOf(pdfThumbnails(new TextEncoder().encode('%PDF-1.7 garbage')))).toBe('PDF_BROKEN');
  });

  it('finds a classified mark at the top of page 1, and none in an ordinary 公文', async () => {
    expect(await scanPdfForClassifiedMarks(gongwen)).toBeNull();
    const doc = await PDFDocument.load(gongwen);
    const { DocFonts, defaultFontSet } = await import('../../src-main/core/pdf/fonts.ts');
    const f = defaultFontSet().fontFor('heiti', '机'.codePointAt(0)!)!;
    const font = await new DocFonts(doc).get(f);
    doc.getPage(0).drawText('机密★5年', { x: 79.37, y: 841.89 - 60 * 2.8346, size: 16, font });
    const hit = await scanPdfForClassifiedMarks(await doc.save());
    expect(hit).toEqual({ page: 1, mark: '机密★5年' });
  });

  it.skipIf(!fixtures)('recovers the Chinese of GBK-coded fixtures without a ToUnicode map', async () => {
    const t = await extractPdfText(read('SimFang-variant.pdf'));
    expect(t.pages[0]).toContain('全世界无产者，联合起来');
  });
});

describe('markPdf', () => {
  it('stamps and watermarks in one pass with the same result as the two calls', async () => {
    const { markPdf } = await import('../../src-main/core/pdf/markCopy.ts');
    const now = new Date('2026-03-06T08:00:00Z');
    const one = await markPdf(gongwen, { receipt: RECEIPT, watermark: WM }, { now });
    const text = await extractPdfText(one);
    expect(text.pages[0]).toContain('收文编号');
    expect(text.pages.join('\n')).not.toContain('张明');
    expect((await pdfInfo(one)).pageCount).toBe((await pdfInfo(gongwen)).pageCount);
    expect(await codeOf(markPdf(gongwen, { watermark: { unit: '', user: 'x', time: 'y' } }))).toBe('VALIDATION_FAILED');
  });
});
