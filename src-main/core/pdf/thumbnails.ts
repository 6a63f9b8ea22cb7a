/**
 * Page thumbnails (PNG) for the viewer, rendered by pdf.js on @napi-rs/canvas (pdf.js's Node canvas).
 */
import { AppError } from '../../../shared/errors.ts';
import { openPdfJs } from './pdfjs.ts';

export interface Thumbnail {
  page: number;
  width: number;
  height: number;
  png: Uint8Array;
}

interface NodeCanvas {
  toBuffer(mime: 'image/png'): Buffer;
}

export const MAX_THUMBNAIL_PAGES = 50;

/** Renders pages (1-based; default the first 20) at `width` pixels wide. */
export async function pdfThumbnails(data: Uint8Array, opts: { width?: number; pages?: number[] } = {}): Promise<{ pageCount: number; thumbnails: Thumbnail[] }> {
  const width = Math.min(Math.max(opts.width ?? 160, 32), 1200);
  const doc = await openPdfJs(data);
  try {
    const wanted = (opts.pages ?? Array.from({ length: Math.min(doc.numPages, 20) }, (_, i) => i + 1))
      .filter((p) => Number.isInteger(p) && p >= 1 && p <= doc.numPages)
      .slice(0, MAX_THUMBNAIL_PAGES);
    const thumbnails: Thumbnail[] = [];
    for (const n of wanted) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: width / base.width });
      const w = Math.ceil(viewport.width);
      const h = Math.ceil(viewport.height);
      const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: NodeCanvas; context: unknown } } }).canvasFactory;
      const { canvas, context } = factory.create(w, h);
      try {
        await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
      } catch (e) {
        throw new AppError('PDF_BROKEN', { page: n, reason: e instanceof Error ? e.message.slice(0, 200) : 'render' });
      }
      thumbnails.push({ page: n, width: w, height: h, png: new Uint8Array(canvas.toBuffer('image/png')) });
      page.cleanup();
    }
    return { pageCount: doc.numPages, thumbnails };
  } finally {
    await doc.destroy();
  }
}
