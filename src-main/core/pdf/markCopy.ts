/**
 * One pass over a received PDF for printing or export: receipt stamp and/or watermark with a single load and
 * save (each separately would parse and rewrite the file twice).
 */
import { DocFonts, defaultFontSet, type FontSet } from './fonts.ts';
import { loadForEdit, saveEdited } from './pdfLib.ts';
import { drawReceiptStamp, parseReceipt } from './stamp.ts';
import { drawWatermark, parseWatermark } from './watermark.ts';

export async function markPdf(pdf: Uint8Array, marks: { receipt?: unknown; watermark?: unknown }, opts: { fonts?: FontSet; now?: Date } = {}): Promise<Uint8Array> {
  const receipt = marks.receipt === undefined ? undefined : parseReceipt(marks.receipt);
  const wm = marks.watermark === undefined ? undefined : parseWatermark(marks.watermark);
  const doc = await loadForEdit(pdf);
  const fonts = opts.fonts ?? defaultFontSet();
  if (receipt) await drawReceiptStamp(doc, receipt, fonts, new DocFonts(doc));
  if (wm) await drawWatermark(doc, wm, fonts);
  return saveEdited(doc, opts.now);
}
