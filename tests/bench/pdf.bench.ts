/**
 * PDF engine figures, each beside the time to just load and save the same PDF with pdf-lib (same run):
 * 10-page 公文 generation, stamp + watermark of a 100-page PDF, merging 10 attachments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { renderGongwen } from '../../src-main/core/pdf/gongwen/render.ts';
import { mergePdfs } from '../../src-main/core/pdf/merge.ts';
import { stampReceipt } from '../../src-main/core/pdf/stamp.ts';
import { markPdf } from '../../src-main/core/pdf/markCopy.ts';
import { watermark } from '../../src-main/core/pdf/watermark.ts';
import { pdfInfo } from '../../src-main/core/pdf/extract.ts';
import { FIXTURE_PDFS } from '../helpers/environment.ts';
import { sampleSpec } from '../pdf/fixtures.ts';
import type { BenchFigure } from './figures.ts';

const RUNS = 3;

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const loadSave = async (data: Uint8Array) => (await PDFDocument.load(data, { updateMetadata: false })).save({ useObjectStreams: false });

/** A 100-page PDF built from the tracemonkey fixture (or from rendered 公文 pages when fixtures are absent). */
async function hundredPages(): Promise<Uint8Array> {
  const file = path.join(FIXTURE_PDFS, 'tracemonkey.pdf');
  const src = fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : await renderGongwen(sampleSpec(40));
  const srcDoc = await PDFDocument.load(src);
  const out = await PDFDocument.create();
  while (out.getPageCount() < 100) {
    const n = Math.min(srcDoc.getPageCount(), 100 - out.getPageCount());
    const pages = await out.copyPages(srcDoc, Array.from({ length: n }, (_, i) => i));
    pages.forEach((p) => out.addPage(p));
  }
  return out.save();
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  // warm up fonts and pdf.js once so the figures measure steady state
  await renderGongwen(sampleSpec(2));

  // 1. 10-page 公文
  let spec = sampleSpec(20);
  for (let n = 20; n < 60; n += 2) {
    spec = sampleSpec(n);
    if ((await pdfInfo(await renderGongwen(spec))).pageCount >= 10) break;
  }
  const doc10 = await renderGongwen(spec);
  const pages10 = (await pdfInfo(doc10)).pageCount;
  figures.push({
    name: `render ${pages10}-page 公文 (fonts subset)`,
    value: await median(() => renderGongwen(spec)),
    unit: 'ms',
    baseline: { name: 'load+save the same PDF', value: await median(() => loadSave(doc10)), unit: 'ms' },
    extra: { kb: doc10.length / 1024 },
  });

  // 2. stamp + watermark, 100 pages
  const big = await hundredPages();
  const receipt = { unit: '哈尔滨市财政局', date: '2026-03-06', number: '收2026-0123' };
  const wm = { unit: '哈尔滨市财政局', user: '张明', time: '2026-03-06 14:30' };
  let marked = big;
  figures.push({
    name: 'stamp + watermark a 100-page PDF (one pass, markPdf)',
    value: await median(async () => {
      marked = await markPdf(big, { receipt, watermark: wm });
    }),
    unit: 'ms',
    baseline: { name: 'load+save the same PDF', value: await median(() => loadSave(big)), unit: 'ms' },
    extra: { inKb: big.length / 1024, outKb: marked.length / 1024 },
  });
  figures.push({
    name: 'stamp + watermark a 100-page PDF (two calls)',
    value: await median(async () => {
      marked = await watermark(await stampReceipt(big, receipt), wm);
    }),
    unit: 'ms',
    baseline: { name: 'load+save the same PDF', value: await median(() => loadSave(big)), unit: 'ms' },
    extra: { inKb: big.length / 1024, outKb: marked.length / 1024 },
  });

  // 3. merge 10 attachments
  const atts = await Promise.all(
    Array.from({ length: 10 }, async (_, i) => ({ name: `附件${i + 1}`, data: i % 2 === 0 ? doc10 : await renderGongwen(sampleSpec(3 + i)) })),
  );
  let merged: Uint8Array = new Uint8Array();
  figures.push({
    name: 'merge 10 attachments with bookmarks',
    value: await median(async () => {
      merged = await mergePdfs(atts);
    }),
    unit: 'ms',
    baseline: {
      name: 'load+save the 10 inputs',
      value: await median(async () => {
        for (const a of atts) await loadSave(a.data);
      }),
      unit: 'ms',
    },
    extra: { pages: (await pdfInfo(merged)).pageCount, kb: merged.length / 1024 },
  });
  return figures;
}
