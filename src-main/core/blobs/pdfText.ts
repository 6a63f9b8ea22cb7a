/**
 * Extracted PDF text for search and the classified-mark scan (the PDF module does the parsing). pdf.js is loaded on
 * first use, and the JSON natives it replaces are put back (see ../nativeJson.ts).
 */
import { restoreNativeJson } from '../nativeJson.ts';

type Extract = (data: Uint8Array) => Promise<{ pages: string[] }>;
let extractor: Promise<Extract> | null = null;

function load(): Promise<Extract> {
  extractor ??= import('../pdf/extract.ts').then((m) => {
    restoreNativeJson();
    return m.extractPdfText;
  });
  return extractor;
}

export async function extractText(data: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const extractPdfText = await load();
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const { pages } = await extractPdfText(data.slice());
  return { pages, text: pages.join('\n') };
}
