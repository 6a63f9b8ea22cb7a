/**
 * renderGongwen: a JSON description (GongwenSpecSchema) → PDF bytes laid out per GB/T 9704-2012.
 * Pure function over bytes; deterministic (dates come from the spec, subset tags from font names).
 */
import { PDFDocument, type PDFImage } from 'pdf-lib';
import { isClassified } from '../../../../shared/domain/secrecy.ts';
import { AppError } from '../../../../shared/errors.ts';
import { GongwenSpecSchema, type GongwenSpec } from '../../../../shared/schemas/gongwen.ts';
import { DocFonts, defaultFontSet, type FontSet } from '../fonts.ts';
import { blank, paragraph, run, title, type Ctx } from './blocks.ts';
import { attachmentNoteItems, bodyItems, meetingNoticeParagraphs } from './body.ts';
import { paginate, type FlowItem } from './flow.ts';
import { CELL_PT, LINES_PER_PAGE, PAGE_H, PAGE_W, SIZE_3 } from './geometry.ts';
import { buildHeader } from './header.ts';
import { buildImprint } from './imprint.ts';
import { drawPageNumber } from './pageNumbers.ts';
import { signatureItems } from './signature.ts';

export const MAX_GENERATED_PAGES = 1000;
/** ≈ 500 full pages of body text: refused before any layout work. */
export const MAX_TEXT_CHARS = 300_000;

export interface RenderOptions {
  fonts?: FontSet;
}

export function parseGongwenSpec(input: unknown): GongwenSpec {
  const parsed = GongwenSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', { issues }, `公文描述不符合要求：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
  }
  if (isClassified(parsed.data.secrecy)) throw new AppError('DOC_CLASSIFIED_REFUSED');
  const d = parsed.data;
  const chars = [...d.body, ...d.attachments.flatMap((a) => a.body ?? [])].reduce((s, p) => s + p.length, 0);
  if (chars > MAX_TEXT_CHARS) throw new AppError('PDF_TOO_LARGE', { characters: chars, max: MAX_TEXT_CHARS });
  return d;
}

function decodeImage(image: string): { bytes: Uint8Array; kind: 'png' | 'jpg' } {
  const b64 = image.replace(/^data:image\/[a-z+]+;base64,/u, '').replace(/\s+/gu, '');
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { bytes, kind: 'png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { bytes, kind: 'jpg' };
  throw new AppError('VALIDATION_FAILED', { path: 'seal.image' }, '印章图片应为 PNG 或 JPEG');
}

function attachmentPages(ctx: Ctx, spec: GongwenSpec): FlowItem[] {
  const withBody = spec.attachments.map((a, i) => ({ ...a, n: i + 1 })).filter((a) => a.body && a.body.length > 0);
  const items: FlowItem[] = [];
  for (const a of withBody) {
    const label = spec.attachments.length === 1 ? '附件' : `附件${a.n}`;
    const head = paragraph(ctx, [run(label, 'heiti')], { firstIndent: 0, justify: false });
    head[0].pageBreakBefore = true;
    head[0].keepWithNext = true;
    items.push(...head, { lines: 1, keepWithNext: true }, ...title(ctx, a.name), ...blank(1), ...bodyItems(ctx, a.body ?? []));
  }
  return items;
}

function minutesLists(ctx: Ctx, spec: GongwenSpec): FlowItem[] {
  const m = spec.minutes;
  if (!m) return [];
  const rows = [['出席', m.present], ['请假', m.absent], ['列席', m.attending]] as const;
  const items: FlowItem[] = [];
  for (const [label, text] of rows) {
    if (!text) continue;
    if (items.length === 0) items.push(...blank(1));
    items.push(...paragraph(ctx, [run(`${label}：`, 'heiti'), run(text)], { firstIndent: 2 * CELL_PT, restIndent: 5 * CELL_PT }));
  }
  return items;
}

export async function renderGongwen(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const spec = parseGongwenSpec(input);
  const fonts = options.fonts ?? defaultFontSet();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx: Ctx = { fonts, docFonts: new DocFonts(doc) };

  let seal: { image: PDFImage; diameterMm: number } | undefined;
  if (spec.seal) {
    const { bytes, kind } = decodeImage(spec.seal.image);
    try {
      seal = { image: kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes), diameterMm: spec.seal.diameterMm };
    } catch {
      throw new AppError('VALIDATION_FAILED', { path: 'seal.image' }, '印章图片无法读取');
    }
  }

  const header = buildHeader(ctx, spec);
  const items: FlowItem[] = [...title(ctx, spec.title)];
  if (spec.mainRecipients) {
    const text = /[：:]$/u.test(spec.mainRecipients) ? spec.mainRecipients.replace(/:$/u, '：') : `${spec.mainRecipients}：`;
    items.push(...blank(1), ...paragraph(ctx, [run(text)], { firstIndent: 0, restIndent: 0 }));
  } else {
    items.push(...blank(1));
  }
  const paragraphs = spec.format === 'meeting-notice' ? meetingNoticeParagraphs(spec) : spec.body;
  items.push(...bodyItems(ctx, paragraphs));
  items.push(...attachmentNoteItems(ctx, spec.attachments.map((a) => a.name), CELL_PT));
  items.push(...minutesLists(ctx, spec));
  // The signature (and seal) never stands alone on a page: the last body line moves with it.
  const last = items[items.length - 1];
  if (last) last.keepWithNext = true;
  items.push(...signatureItems(ctx, { organ: spec.format === 'minutes' ? undefined : spec.signature, date: spec.date, seal: spec.format === 'minutes' ? undefined : seal, note: spec.note }));
  items.push(...attachmentPages(ctx, spec));

  const flow = paginate(items, header.titleLine);
  const imprint = buildImprint(ctx, spec.copyTo, spec.printedBy);
  let pageCount = flow.pageCount;
  let imprintPage = pageCount - 1;
  let imprintAlone = false;
  if (imprint && flow.nextLine > LINES_PER_PAGE - imprint.rows) {
    imprintPage = pageCount;
    pageCount++;
    imprintAlone = true;
  }
  if (pageCount > MAX_GENERATED_PAGES) throw new AppError('PDF_TOO_LARGE', { pages: pageCount });

  const pages = Array.from({ length: pageCount }, () => doc.addPage([PAGE_W, PAGE_H]));
  await header.draw(pages[0]);
  for (const p of flow.placements) await p.item.draw?.(pages[p.page], p.line);
  if (imprint) await imprint.draw(pages[imprintPage]);
  for (let i = 0; i < pageCount; i++) {
    if (spec.format === 'letter' && i === 0) continue;
    if (imprintAlone && i === pageCount - 1) continue;
    await drawPageNumber(ctx, pages[i], i + 1);
  }

  const when = spec.meta.createdAt ? new Date(spec.meta.createdAt) : new Date(`${spec.date}T00:00:00+08:00`);
  doc.setTitle(spec.title.replace(/\n/gu, ''));
  doc.setAuthor(spec.meta.author ?? spec.signature ?? spec.organMark);
  doc.setCreator('Xietong 协同');
  doc.setProducer('Xietong 协同 公文 engine (pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  void SIZE_3;
  return doc.save({ useObjectStreams: false });
}
