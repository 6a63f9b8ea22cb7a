/**
 * pdf.js set-up: the worker and its data (CMaps for Chinese PDFs without embedded fonts, standard fonts, wasm
 * decoders) are bundled by vite and served from the app itself: no CDN, no eval.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function assetUrl(dir: string): string {
  return new URL(`./pdfjs/${dir}/`, document.baseURI).href;
}

export function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller keeps its bytes.
  return getDocument({
    data: data.slice(),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    iccUrl: assetUrl('iccs'),
    isEvalSupported: false,
  }).promise;
}
