/**
 * Text extraction for search and the classified-mark scan, and page count for the viewer.
 * Lines are rebuilt from pdf.js text items (hasEOL, or a baseline change) and joined with \n per page.
 */
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../shared/errors.ts';
import { openPdfJs } from './pdfjs.ts';

export interface ExtractedText {
  pages: string[];
}

export interface PdfInfo {
  pageCount: number;
}

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_GAP = new RegExp(`(${CJK}) (?=${CJK})`, 'gu');

function isTextItem(x: TextItem | TextMarkedContent): x is TextItem {
  return typeof (x as TextItem).str === 'string';
}

/** Joins pdf.js text items into lines: a new line when an item ends a line or its baseline moves. */
export function itemsToText(items: Array<TextItem | TextMarkedContent>): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  for (const it of items) {
    if (!isTextItem(it)) continue;
    const y = it.transform[5];
    if (lastY !== null && line !== '' && Math.abs(y - lastY) > 2 && it.str !== '') {
      lines.push(line);
      line = '';
    }
    line += it.str;
    if (it.str !== '') lastY = y;
    if (it.hasEOL) {
      lines.push(line);
      line = '';
      lastY = null;
    }
  }
  if (line !== '') lines.push(line);
  // pdf.js puts a space between CJK glyphs that a PDF positions one by one; search and the mark scan want them joined.
  return lines.map((l) => l.replace(CJK_GAP, '$1').replace(/\s+$/u, '')).join('\n');
}

export async function extractPdfText(data: Uint8Array): Promise<ExtractedText> {
  const doc = await openPdfJs(data);
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      try {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        pages.push(itemsToText(content.items));
        page.cleanup();
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('PDF_BROKEN', { page: i });
      }
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

export async function pdfInfo(data: Uint8Array): Promise<PdfInfo> {
  const doc = await openPdfJs(data);
  try {
    return { pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
