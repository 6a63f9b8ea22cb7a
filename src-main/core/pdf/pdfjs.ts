/**
 * Loads a PDF with pdfjs-dist (legacy build, Node, no worker) and maps its failures to AppError codes.
 */
import { getDocument, PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** CMaps and standard font data let pdf.js decode CJK text and draw non-embedded fonts (file paths in Node). */
const CMAP_URL = path.join(pdfjsRoot, 'cmaps') + path.sep;
const STANDARD_FONTS_URL = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

export const PDF_MAGIC = '%PDF-';

/** True when the first KB holds the %PDF- header (pdf.js tolerates junk before it, as readers do). */
export function looksLikePdf(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  return head.includes(PDF_MAGIC);
}

/** Opens a PDF for reading. Non-PDF or damaged bytes → PDF_BROKEN; a user password → PDF_ENCRYPTED. */
export async function openPdfJs(data: Uint8Array): Promise<PDFDocumentProxy> {
  if (!(data instanceof Uint8Array) || data.length === 0 || !looksLikePdf(data)) throw new AppError('PDF_BROKEN');
  // pdf.js transfers/detaches the buffer it gets: give it a copy so the caller's bytes stay usable.
  const task = getDocument({
    data: new Uint8Array(data),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const err = e as { name?: string; code?: number };
    if (err?.name === 'PasswordException') {
      void PasswordResponses;
      throw new AppError('PDF_ENCRYPTED');
    }
    throw new AppError('PDF_BROKEN', { reason: err?.name ?? 'unknown' });
  }
}
