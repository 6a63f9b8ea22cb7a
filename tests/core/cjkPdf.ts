/** Builds small PDFs with Chinese text (pdf-lib + the bundled WenQuanYi font) for search and classified-mark tests. */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { makeFontkit } from '../../src-main/core/pdf/fontkitAdapter.ts';
import { REPO_ROOT } from '../helpers/environment.ts';

export async function cjkPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(makeFontkit());
  const font = await doc.embedFont(fs.readFileSync(path.join(REPO_ROOT, 'resources/fonts/WenQuanYiMicroHei.ttf')), { subset: true });
  const page = doc.addPage([595, 842]);
  let y = 780;
  for (const line of lines) {
    page.drawText(line, { x: 60, y, size: 16, font });
    y -= 30;
  }
  return doc.save();
}
