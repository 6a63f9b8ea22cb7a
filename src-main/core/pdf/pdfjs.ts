/**
 * Loads a PDF with pdfjs-dist (legacy build, Node, no worker) and maps its failures to AppError codes.
 */
import { getDocument, PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../shared/errors.ts';

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
