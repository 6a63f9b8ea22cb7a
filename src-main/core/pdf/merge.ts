/**
 * Merges a main file and its attachments into one PDF with one bookmark (outline item) per input,
 * pointing at its first page. Inputs are validated and loaded one by one: the error names the bad file.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { MergeInputSchema, type MergeInput } from '../../../shared/schemas/pdfOps.ts';
import { loadForEdit, MAX_EDIT_PAGES, saveEdited } from './pdfLib.ts';

export async function mergePdfs(input: MergeInput, opts: { now?: Date; title?: string } = {}): Promise<Uint8Array> {
  const parsed = MergeInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => i.message) });
  const out = await PDFDocument.create({ updateMetadata: false });
  const marks: Array<{ title: string; page: PDFRef }> = [];
  for (const [index, file] of parsed.data.entries()) {
    let src: PDFDocument;
    try {
      src = await loadForEdit(file.data);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, { file: file.name, index, ...(e.details as object) }, `${file.name}：${e.message}`);
      throw e;
    }
    if (out.getPageCount() + src.getPageCount() > MAX_EDIT_PAGES) throw new AppError('PDF_TOO_LARGE', { pages: out.getPageCount() + src.getPageCount() });
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((p) => out.addPage(p));
    marks.push({ title: file.name, page: pages[0].ref });
  }
  addOutline(out, marks);
  if (opts.title) out.setTitle(opts.title);
  if (opts.now) {
    out.setCreationDate(opts.now);
    out.setProducer('Xietong 协同 PDF engine (pdf-lib)');
  }
  return saveEdited(out, opts.now);
}

/** A flat outline: /Outlines → items with /Title, /Dest [page /Fit], linked by /Prev and /Next. */
function addOutline(doc: PDFDocument, marks: Array<{ title: string; page: PDFRef }>): void {
  if (marks.length === 0) return;
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const refs = marks.map(() => ctx.nextRef());
  marks.forEach((m, i) => {
    const item = ctx.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(m.title));
    item.set(PDFName.of('Parent'), rootRef);
    item.set(PDFName.of('Dest'), ctx.obj([m.page, PDFName.of('Fit')]));
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < marks.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], item);
  });
  const root = ctx.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0]);
  root.set(PDFName.of('Last'), refs[refs.length - 1]);
  root.set(PDFName.of('Count'), PDFNumber.of(marks.length));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
