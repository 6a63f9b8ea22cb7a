import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdfText, pdfInfo } from '../../src-main/core/pdf/extract.ts';
import { FIXTURE_PDFS, hasFixtures } from '../helpers/environment.ts';
import { codeOf } from './fixtures.ts';

const fixtures = hasFixtures();
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_PDFS, name)));


describe.skipIf(!fixtures)('extractPdfText / pdfInfo on real-world PDFs', () => {
  it('extracts a 14-page paper with one string per page and \\n-joined lines', async () => {
    const data = read('tracemonkey.pdf');
    const { pageCount } = await pdfInfo(data);
    expect(pageCount).toBe(14);
    const { pages } = await extractPdfText(data);
    expect(pages).toHaveLength(14);
    expect(pages[0].split('\n')[0]).toBe('Trace-based Just-in-Time Type Specialization for Dynamic');
    expect(pages[0]).toContain('Brendan Eich');
    // the caller's buffer is not detached by pdf.js
    expect(data.length).toBeGreaterThan(1000);
  });

  it('reads a CID-keyed CFF file and repairs damaged files', async () => {
    expect((await extractPdfText(read('cid_cff.pdf'))).pages[0]).toContain('processor reference chart');
    expect((await extractPdfText(read('helloworld-bad.pdf'))).pages[0]).toContain('Hello, world!');
    expect((await extractPdfText(read('xref_command_missing.pdf'))).pages[0]).toContain('Reduced test-case');
    expect((await pdfInfo(read('bad-PageLabels.pdf'))).pageCount).toBe(1);
  });

  it('refuses PDFs with a user password as PDF_ENCRYPTED', async () => {
    expect(await codeOf(extractPdfText(read('issue3371.pdf')))).toBe('PDF_ENCRYPTED');
    expect(await codeOf(pdfInfo(read('issue6010_1.pdf')))).toBe('PDF_ENCRYPTED');
  });

  it('opens a PDF encrypted with an empty user password (read-only)', async () => {
    expect((await pdfInfo(read('empty_protected.pdf'))).pageCount).toBe(1);
  });

  it('gives PDF_BROKEN for non-PDF, empty and truncated bytes', async () => {
    expect(await codeOf(extractPdfText(new TextEncoder().encode('PK\u0003\u0004 this is a zip, not a pdf')))).toBe('PDF_BROKEN');
    expect(await codeOf(pdfInfo(new Uint8Array(0)))).toBe('PDF_BROKEN');
    expect(await codeOf(extractPdfText(read('tracemonkey.pdf').subarray(0, 5000)))).toBe('PDF_BROKEN');
  });
});

describe('a 500-page PDF', () => {
  it('is counted, extracted page by page and scanned for classified marks', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const { scanPdfForClassifiedMarks } = await import('../../src-main/core/pdf/secrecyScan.ts');
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 500; i++) doc.addPage().drawText(`Page ${i} of a long report`, { x: 72, y: 700, size: 12, font });
    const data = await doc.save();
    expect((await pdfInfo(data)).pageCount).toBe(500);
    const { pages } = await extractPdfText(data);
    expect(pages).toHaveLength(500);
    expect(pages[499]).toBe('Page 500 of a long report');
    expect(await scanPdfForClassifiedMarks(data)).toBeNull();
  }, 180_000);
});
