/**
 * 正文 paragraphs with heading levels recognised from their prefix (GB/T 9704 §7.3.3):
 * 一、 黑体, （一） 楷体, 1. and （1） 仿宋. Only the heading sentence takes the heading font.
 */
import type { FontRole } from '../../../../shared/schemas/gongwen.ts';
import { blank, chineseNumber, paragraph, run, type Ctx } from './blocks.ts';
import type { FlowItem } from './flow.ts';
import type { StyledRun } from './lineBreak.ts';
import type { GongwenSpec } from '../../../../shared/schemas/gongwen.ts';

const LEVELS: Array<{ re: RegExp; role: FontRole }> = [
  { re: /^[一二三四五六七八九十]+、/u, role: 'heiti' },
  { re: /^（[一二三四五六七八九十]+）/u, role: 'kaiti' },
  { re: /^\d+[.．]/u, role: 'fangsong' },
  { re: /^（\d+）/u, role: 'fangsong' },
];

/** Splits a paragraph into styled runs: the heading sentence in its level's font, the rest in 仿宋. */
export function styleParagraph(text: string): StyledRun[] {
  const t = text.trim();
  for (const { re, role } of LEVELS) {
    if (!re.test(t)) continue;
    const end = t.search(/[。！？]/u);
    if (end >= 0 && end < t.length - 1) return [run(t.slice(0, end + 1), role), run(t.slice(end + 1))];
    return [run(t, role)];
  }
  return [run(t)];
}

export function bodyItems(ctx: Ctx, paragraphs: string[]): FlowItem[] {
  return paragraphs.filter((p) => p.trim() !== '').flatMap((p) => paragraph(ctx, styleParagraph(p)));
}

/** The body of a meeting notice, built from its structured fields after any introduction paragraphs. */
export function meetingNoticeParagraphs(spec: GongwenSpec): string[] {
  const m = spec.meeting;
  if (!m) return spec.body;
  const intro = spec.body.filter((p) => p.trim() !== '');
  // Without an introduction, one is written from the meeting's name and time.
  const out = intro.length > 0 ? intro : [`定于${m.time}召开${m.name}。现将有关事项通知如下：`];
  let n = 0;
  const section = (heading: string, items: string[], numbered: boolean) => {
    if (items.length === 0) return;
    out.push(`${chineseNumber(++n)}、${heading}`);
    if (numbered && items.length > 1) items.forEach((it, i) => out.push(`（${chineseNumber(i + 1)}）${it}`));
    else out.push(...items);
  };
  section('会议时间', [m.time], false);
  section('会议地点', [m.place], false);
  section('参会人员', m.attendees, true);
  section('会议议程', m.agenda, true);
  section('有关要求', m.requirements, true);
  if (m.contact) out.push(`联系人及电话：${m.contact}`);
  return out;
}

/** 附件说明 (§7.3.4): one blank line below the body, 2 characters in, wrapped names aligned with the first name. */
export function attachmentNoteItems(ctx: Ctx, names: string[], cell: number): FlowItem[] {
  if (names.length === 0) return [];
  const items: FlowItem[] = [...blank(1)];
  if (names.length === 1) {
    items.push(...paragraph(ctx, [run(`附件：${names[0]}`)], { firstIndent: 2 * cell, restIndent: 5 * cell }));
    return items;
  }
  names.forEach((name, i) => {
    const label = i === 0 ? '附件：' : '';
    const num = `${i + 1}．`;
    items.push(
      ...paragraph(ctx, [run(`${label}${num}${name}`)], {
        firstIndent: (i === 0 ? 2 : 5) * cell,
        restIndent: 5 * cell + ((num.length - 1) * 0.5 + 1) * cell,
      }),
    );
  });
  return items;
}
