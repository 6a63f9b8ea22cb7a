/**
 * 发文字号 (document number): 机关代字 + 〔year〕 + sequence + 号, e.g. 哈政办发〔2006〕12号 (GB/T 9704-2012 §7.2.4).
 * Stored as typed fields; this is the one formatter and the one parser.
 */
import { z } from 'zod';

export const DocNumberSchema = z.strictObject({
  /** 机关代字, e.g. 哈政办发 — Chinese characters only, 2–12 of them. */
  prefix: z.string().regex(/^[\u4e00-\u9fa5]{2,12}$/u, '机关代字应为2至12个汉字'),
  year: z.number().int().min(1949).max(2100),
  /** 顺序号: no leading zeros, no 第 (GB/T 9704: 不编虚位, 不加"第"字). */
  sequence: z.number().int().min(1).max(99999),
});
export type DocNumber = z.infer<typeof DocNumberSchema>;

export function formatDocNumber(n: DocNumber): string {
  return `${n.prefix}〔${n.year}〕${n.sequence}号`;
}

const PATTERN = /^\s*([\u4e00-\u9fa5]{2,12})\s*[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d{1,5})\s*号\s*$/u;

/**
 * Parses a typed 文号. Lenient on the bracket a clerk types ([], （）) but strict on the parts:
 * returns null for anything that is not 机关代字〔yyyy〕n号 with n ≥ 1 and no leading zero.
 */
export function parseDocNumber(text: string): DocNumber | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [, prefix, yearText, seqText] = m;
  if (seqText.startsWith('0')) return null;
  const parsed = DocNumberSchema.safeParse({ prefix, year: Number(yearText), sequence: Number(seqText) });
  return parsed.success ? parsed.data : null;
}
