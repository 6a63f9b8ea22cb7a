/** Extracted PDF text for search and the classified-mark scan (the PDF module does the parsing). */
import { extractPdfText } from '../pdf/extract.ts';

export async function extractText(data: Uint8Array): Promise<{ pages: string[]; text: string }> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const { pages } = await extractPdfText(data.slice());
  return { pages, text: pages.join('\n') };
}
