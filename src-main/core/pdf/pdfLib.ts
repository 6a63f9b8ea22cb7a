/**
 * Loading PDFs for editing with pdf-lib (stamp, watermark, merge), with the engine's limits and error codes.
 * Encrypted files are refused for editing (pdf-lib cannot decrypt; appending to them would corrupt the
 * stamp); they can still be read with extractPdfText when the user password is empty.
 */
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { looksLikePdf } from './pdfjs.ts';

export const MAX_EDIT_PAGES = 2000;
export const MAX_EDIT_BYTES = 300 * 1024 * 1024;

export async function loadForEdit(data: Uint8Array): Promise<PDFDocument> {
  if (!(data instanceof Uint8Array) || data.length === 0 || !looksLikePdf(data)) throw new AppError('PDF_BROKEN');
  if (data.length > MAX_EDIT_BYTES) throw new AppError('PDF_TOO_LARGE', { bytes: data.length });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    if (e instanceof EncryptedPDFError || (e instanceof Error && /is encrypted/u.test(e.message))) throw new AppError('PDF_ENCRYPTED');
    throw new AppError('PDF_BROKEN', { reason: e instanceof Error ? e.message.slice(0, 200) : 'unknown' });
  }
  if (doc.isEncrypted) throw new AppError('PDF_ENCRYPTED');
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw new AppError('PDF_BROKEN', { reason: 'page tree' });
  }
  if (pages === 0) throw new AppError('PDF_BROKEN', { reason: 'no pages' });
  if (pages > MAX_EDIT_PAGES) throw new AppError('PDF_TOO_LARGE', { pages });
  return doc;
}

/** Saves without object streams (readable by every viewer) and with fixed dates when given. */
export async function saveEdited(doc: PDFDocument, when?: Date): Promise<Uint8Array> {
  if (when) doc.setModificationDate(when);
  try {
    return await doc.save({ useObjectStreams: false });
  } catch (e) {
    throw new AppError('PDF_BROKEN', { reason: e instanceof Error ? e.message.slice(0, 200) : 'save failed' });
  }
}
