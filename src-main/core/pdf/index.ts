/** The PDF engine: pure functions over bytes for documents, meetings and proposals (Node only). */
export { extractPdfText, pdfInfo, type ExtractedText, type PdfInfo } from './extract.ts';
export { renderGongwen, parseGongwenSpec, type RenderOptions } from './gongwen/render.ts';
export { stampReceipt } from './stamp.ts';
export { watermark } from './watermark.ts';
export { markPdf } from './markCopy.ts';
export { mergePdfs } from './merge.ts';
export { pdfThumbnails, type Thumbnail } from './thumbnails.ts';
export { scanPdfForClassifiedMarks } from './secrecyScan.ts';
export { FontSet, defaultFontSet, BUNDLED_FONTS_DIR } from './fonts.ts';
