/**
 * Before a send: the text of a PDF attachment is checked for classified marks (秘密★, 机密★, 绝密★ anywhere,
 * plain 密级 words at the top of page 1). A hit names the page and the mark; the caller refuses the send.
 */
import { scanForClassifiedMarks, type SecrecyMarkHit } from '../../../shared/domain/secrecy.ts';
import { extractPdfText } from './extract.ts';

export async function scanPdfForClassifiedMarks(data: Uint8Array): Promise<SecrecyMarkHit | null> {
  const { pages } = await extractPdfText(data);
  return scanForClassifiedMarks(pages);
}
