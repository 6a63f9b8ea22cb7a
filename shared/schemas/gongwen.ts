/**
 * JSON description of a 公文 (GB/T 9704-2012) for the PDF engine, shared by the UI, the CLI (`npm run gongwen`)
 * and the client core. Documented in docs/gongwen.md. Validation here is the only gate: the renderer trusts it.
 */
import { z } from 'zod';
import { DocNumberSchema } from '../domain/docNumber.ts';
import { SecrecyLevelSchema } from '../domain/secrecy.ts';

/** One line of text: no control characters (newlines are not allowed inside a line). */
const Line = (max: number) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/u, 'control characters are not allowed');
/** A paragraph: one line of text, any length up to max. */
const Paragraph = Line(5000);
/** Calendar date YYYY-MM-DD (rendered as 2026年3月5日). */
export const CalendarDateSchema = z.iso.date();

export const GONGWEN_FORMATS = ['standard', 'letter', 'minutes', 'meeting-notice'] as const;
export const GongwenFormatSchema = z.enum(GONGWEN_FORMATS);

/** 印章: a PNG or JPEG, as a data: URL or bare base64 (the CLI also accepts "file:relative/path.png"). */
export const SealSchema = z.strictObject({
  image: z.string().min(16).max(4_000_000),
  /** Diameter in mm; 42 mm is the usual office seal. */
  diameterMm: z.number().min(20).max(60).default(42),
});

export const AttachmentSpecSchema = z.strictObject({
  /** 附件名称 as listed in 附件说明 (no trailing punctuation). */
  name: Line(120),
  /** When given, the attachment is typeset on its own pages after the body (附件 pages); otherwise only listed. */
  body: z.array(Paragraph).max(2000).optional(),
});

export const MeetingNoticeSchema = z.strictObject({
  /** 会议名称, e.g. 全市安全生产工作会议 */
  name: Line(120),
  /** Free text, e.g. 2026年3月10日（星期二）上午9:00 */
  time: Line(120),
  place: Line(200),
  attendees: z.array(Line(500)).min(1).max(50),
  /** 会议内容 / 议程 items */
  agenda: z.array(Line(500)).max(50).default([]),
  /** 有关要求 items */
  requirements: z.array(Line(500)).max(50).default([]),
  contact: Line(200).optional(),
});

export const MinutesSchema = z.strictObject({
  /** 出席 / 列席 / 请假 lists, printed after the body with 黑体 labels. */
  present: Line(2000).optional(),
  attending: Line(2000).optional(),
  absent: Line(2000).optional(),
  /** 期号 shown under the 标志 instead of a 发文字号, e.g. "第12期". */
  issue: Line(40).optional(),
});

export const GongwenSpecSchema = z
  .strictObject({
    format: GongwenFormatSchema.default('standard'),
    /** 份号: 6 digits. */
    copyNumber: z.string().regex(/^\d{6}$/u, '份号应为6位数字').optional(),
    /** 密级: only non-classified levels are printed (internal → 内部); classified levels are refused. */
    secrecy: SecrecyLevelSchema.default('none'),
    urgency: z.enum(['特急', '加急']).optional(),
    /** 发文机关标志 text, e.g. 哈尔滨市人民政府办公厅文件 (letter format: the organ name alone). */
    organMark: Line(30),
    docNumber: DocNumberSchema.optional(),
    /** 签发人 (upward documents, 上行文): printed right of the 文号. */
    signers: z.array(Line(10)).max(4).optional(),
    /** 标题; "\n" forces a line break, otherwise lines are balanced automatically. At most 100 characters. */
    title: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/u),
    /** 主送机关, ends with a full-width colon (added when missing). */
    mainRecipients: Line(500).optional(),
    /** 正文 paragraphs; heading levels are recognised by their prefix: 一、 （一） 1. （1） */
    body: z.array(Paragraph).max(5000).default([]),
    attachments: z.array(AttachmentSpecSchema).max(30).default([]),
    /** 发文机关署名 */
    signature: Line(60).optional(),
    /** 成文日期 */
    date: CalendarDateSchema,
    seal: SealSchema.optional(),
    /** 附注 (printed in round brackets) */
    note: Line(500).optional(),
    /** 抄送机关 */
    copyTo: z.array(Line(100)).max(100).default([]),
    /** 印发机关 and 印发日期 (版记) */
    printedBy: z.strictObject({ organ: Line(60), date: CalendarDateSchema }).optional(),
    minutes: MinutesSchema.optional(),
    meeting: MeetingNoticeSchema.optional(),
    /** PDF metadata; fixed values make the output byte-identical across runs. */
    meta: z
      .strictObject({ createdAt: z.iso.datetime({ offset: true }).optional(), author: Line(60).optional() })
      .default({}),
  })
  .superRefine((s, ctx) => {
    const hasBody = s.body.some((p) => p.trim() !== '') || (s.format === 'meeting-notice' && s.meeting !== undefined);
    if (!hasBody) ctx.addIssue({ code: 'custom', path: ['body'], message: '正文不能为空' });
    if (s.format === 'meeting-notice' && !s.meeting) ctx.addIssue({ code: 'custom', path: ['meeting'], message: '会议通知需要会议信息' });
  });

export type GongwenSpecInput = z.input<typeof GongwenSpecSchema>;
export type GongwenSpec = z.infer<typeof GongwenSpecSchema>;
export type GongwenFormat = z.infer<typeof GongwenFormatSchema>;

/** Font roles used by the 公文 layout and where a deployment may point them at licensed fonts. */
export const FONT_ROLES = ['xiaobiaosong', 'fangsong', 'heiti', 'kaiti', 'songti'] as const;
export const FontRoleSchema = z.enum(FONT_ROLES);
export type FontRole = z.infer<typeof FontRoleSchema>;

export const FontSourceSchema = z.strictObject({
  /** Absolute path to an OTF/TTF (or TTC with postscriptName). */
  path: z.string().min(1).max(1000),
  postscriptName: z.string().max(100).optional(),
});
export type FontSource = z.infer<typeof FontSourceSchema>;

/** Settings → 公文字体: e.g. { roles: { xiaobiaosong: { path: 'C:/Windows/Fonts/FZXBSJW.TTF' } } } */
export const PdfFontSettingsSchema = z.strictObject({
  roles: z.partialRecord(FontRoleSchema, FontSourceSchema).default({}),
  /** Extra fallback fonts tried (after the role font and the bundled fallback) for characters a font lacks. */
  fallbacks: z.array(FontSourceSchema).max(8).default([]),
});
export type PdfFontSettings = z.infer<typeof PdfFontSettingsSchema>;
