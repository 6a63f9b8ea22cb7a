/**
 * Files the organiser takes away: the attendee list (xlsx, exceljs) and the sign-in sheet for the meeting room (PDF,
 * pdf-lib with the bundled CJK fonts, subset), and the .ics a unit adds to its calendar.
 */
import ExcelJS from 'exceljs';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { MEETING_TYPE_LABELS, type Meeting, type MeetingReceipt } from '../../../shared/schemas/meetings.ts';
import { formatShanghai, formatShanghaiRange, shanghaiDayKey } from '../../../shared/domain/meetingsTime.ts';
import { meetingToIcs } from '../../../shared/domain/meetingsIcs.ts';
import { DocFonts, defaultFontSet } from '../pdf/fonts.ts';
import { attendeeLines } from './attendees.ts';

/** A file name without characters that file systems refuse. */
export function safeFileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_').slice(0, 80).trim() || 'meeting';
  return `${base}.${ext}`;
}

export function icsFile(m: Meeting, unit: string): { fileName: string; text: string } {
  return { fileName: safeFileName(`${m.title}-${shanghaiDayKey(m.startAt)}`, 'ics'), text: meetingToIcs(m, { now: new Date().toISOString(), unit }) };
}

export async function attendeesXlsx(m: Meeting, receipts: readonly MeetingReceipt[], nameOf: (u: string) => string): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  const { attendees, units } = attendeeLines(m, receipts, nameOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xietong';
  const ws = wb.addWorksheet('参会人员');
  ws.addRow([`${m.title}　参会人员名单`]);
  ws.addRow([`${formatShanghaiRange(m.startAt, m.endAt)}　${m.place}`]);
  ws.addRow(['序号', '单位', '姓名', '职务', '联系电话', '参会方式']);
  for (const a of attendees) ws.addRow([a.no, a.unitName, a.name, a.title, a.phone, a.kind]);
  ws.columns = [{ width: 6 }, { width: 28 }, { width: 12 }, { width: 18 }, { width: 16 }, { width: 20 }];
  ws.getRow(3).font = { bold: true };
  const us = wb.addWorksheet('回执情况');
  us.addRow(['单位', '状态', '说明']);
  for (const u of units) us.addRow([u.unitName, u.state, u.note]);
  us.columns = [{ width: 28 }, { width: 16 }, { width: 40 }];
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: safeFileName(`${m.title}-参会人员`, 'xlsx'), data: new Uint8Array(buf as ArrayBuffer) };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const COLS = [
  { title: '序号', width: 30 }, { title: '单位', width: 150 }, { title: '姓名', width: 80 }, { title: '职务', width: 80 },
  { title: '联系电话', width: 80 }, { title: '签名', width: 75 },
];
const ROW_H = 24;

/** The largest size ≤ `size` (not under 6 pt) at which the text fits the width. */
function sizeToFit(font: PDFFont, text: string, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width - 6 ? size : Math.max(6, Math.floor(((width - 6) / w) * size * 10) / 10);
}

/** Fits text into a width by dropping characters (titles and notes, never names in the table). */
function fit(font: PDFFont, text: string, size: number, width: number): string {
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > width - 6) t = t.slice(0, -1);
  return t === text ? t : `${t.slice(0, -1)}…`;
}

export async function signInSheetPdf(m: Meeting, receipts: readonly MeetingReceipt[], nameOf: (u: string) => string): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  const { attendees, units } = attendeeLines(m, receipts, nameOf);
  const doc = await PDFDocument.create();
  doc.setTitle(`${m.title} 签到表`);
  doc.setCreator('Xietong');
  const fonts = new DocFonts(doc);
  const set = defaultFontSet();
  const all = [m.title, m.place, ...attendees.flatMap((a) => [a.unitName, a.name, a.title, a.phone]), ...units.map((u) => u.unitName), '签到表序号单位姓名职务联系电话签名会议时间地点请假未回执共人第页'].join('');
  // One font for the whole sheet: 宋体 when it has every character, else the fallback that does.
  const candidates = [set.roles.songti, ...set.fallbacks];
  const chosen = candidates.find((f) => [...all].every((ch) => /\s/u.test(ch) || f.font.hasGlyphForCodePoint(ch.codePointAt(0)!))) ?? set.roles.songti;
  const font = await fonts.get(chosen);
  const bold = await fonts.get(set.roles.heiti);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  let pageNo = 1;
  const text = (p: PDFPage, s: string, x: number, yy: number, size: number, f: PDFFont = font) => p.drawText(s, { x, y: yy, size, font: f, color: rgb(0, 0, 0) });
  const header = () => {
    let x = MARGIN;
    for (const c of COLS) {
      page.drawRectangle({ x, y: y - ROW_H, width: c.width, height: ROW_H, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
      text(page, c.title, x + 4, y - ROW_H + 8, 11, bold);
      x += c.width;
    }
    y -= ROW_H;
  };
  const titleBlock = () => {
    const title = fit(bold, `${m.title}签到表`, 18, A4[0] - 2 * MARGIN);
    text(page, title, (A4[0] - bold.widthOfTextAtSize(title, 18)) / 2, y - 18, 18, bold);
    y -= 40;
    text(page, fit(font, `会议时间：${formatShanghaiRange(m.startAt, m.endAt)}　类型：${MEETING_TYPE_LABELS[m.type]}`, 11, A4[0] - 2 * MARGIN), MARGIN, y, 11);
    y -= 18;
    text(page, fit(font, `会议地点：${m.place}`, 11, A4[0] - 2 * MARGIN), MARGIN, y, 11);
    y -= 22;
  };
  titleBlock();
  header();
  for (const a of attendees) {
    if (y - ROW_H < MARGIN + 30) {
      text(page, `第${pageNo}页`, A4[0] / 2 - 15, MARGIN - 10, 9);
      page = doc.addPage(A4);
      pageNo += 1;
      y = A4[1] - MARGIN;
      header();
    }
    const cells = [String(a.no), a.unitName, a.name, a.title, a.phone, ''];
    let x = MARGIN;
    COLS.forEach((c, i) => {
      page.drawRectangle({ x, y: y - ROW_H, width: c.width, height: ROW_H, borderWidth: 0.6, borderColor: rgb(0, 0, 0) });
      if (cells[i]) {
        const size = sizeToFit(font, cells[i], 10, c.width);
        text(page, fit(font, cells[i], size, c.width), x + 4, y - ROW_H + 8, size);
      }
      x += c.width;
    });
    y -= ROW_H;
  }
  const leave = units.filter((u) => u.state === '请假').map((u) => u.unitName);
  const silent = units.filter((u) => u.state === '未签收' || u.state === '已签收未回执').map((u) => u.unitName);
  const notes = [`共${attendees.length}人。打印时间：${formatShanghai(new Date().toISOString())}`];
  if (leave.length) notes.push(`请假单位：${leave.join('、')}`);
  if (silent.length) notes.push(`未回执单位：${silent.join('、')}`);
  y -= 16;
  for (const n of notes) {
    if (y < MARGIN + 20) {
      page = doc.addPage(A4);
      pageNo += 1;
      y = A4[1] - MARGIN;
    }
    text(page, fit(font, n, 10, A4[0] - 2 * MARGIN), MARGIN, y, 10);
    y -= 16;
  }
  text(page, `第${pageNo}页`, A4[0] / 2 - 15, MARGIN - 10, 9);
  const data = new Uint8Array(await doc.save({ useObjectStreams: false }));
  return { fileName: safeFileName(`${m.title}-签到表`, 'pdf'), data };
}
