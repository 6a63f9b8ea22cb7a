/**
 * Secrecy (密级). Only non-classified material may enter the system; 秘密/机密/绝密 is refused on the client
 * and again on the server. The scan finds classified marks in extracted PDF text (top of page 1).
 */
import { z } from 'zod';

export const SECRECY_LEVELS = ['none', 'internal', 'secret', 'confidential', 'top-secret'] as const;
export const SecrecyLevelSchema = z.enum(SECRECY_LEVELS);
export type SecrecyLevel = z.infer<typeof SecrecyLevelSchema>;

export const SECRECY_LABELS: Record<SecrecyLevel, string> = {
  none: '非密',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
  'top-secret': '绝密',
};

export function isClassified(level: SecrecyLevel): boolean {
  return level === 'secret' || level === 'confidential' || level === 'top-secret';
}

export interface SecrecyMarkHit {
  page: number;
  mark: string;
}

// 秘密★10年, 机密★, 绝密, also with spaces between characters as typeset in red headers ("机 密").
const MARK = /(绝\s*密|机\s*密|秘\s*密)\s*(★\s*[\d一二三四五六七八九十]*\s*年?)?/u;

/**
 * Looks for a classified mark at the top of page 1 (the first lines, where GB/T 9704 places 密级), and for a
 * starred mark (秘密★…) anywhere, which only appears as a classification mark. Plain words such as
 * "保守秘密" in running text further down are not marks.
 */
export function scanForClassifiedMarks(pages: string[]): SecrecyMarkHit | null {
  for (let i = 0; i < pages.length; i++) {
    const starred = /(绝\s*密|机\s*密|秘\s*密)\s*★\s*(\d+\s*年|[一二三四五六七八九十]+\s*年)?/u.exec(pages[i]);
    if (starred) return { page: i + 1, mark: starred[0].replace(/\s+/g, '') };
  }
  const first = pages[0];
  if (first === undefined) return null;
  // The marks sit in the top-left block (份号, 密级, 紧急程度) before the red header or title: the first
  // few short lines. Scanning stops at the first long line.
  const lines = first.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 4);
  for (const line of lines) {
    if (line.replace(/\s+/g, '').length > 16) break;
    // A line that is (or starts with) the mark itself, e.g. "机密" or "秘 密 ★ 1 年" or "000123 机密".
    const m = MARK.exec(line);
    if (m && !/保守|保密|泄露|泄密/u.test(line)) {
      return { page: 1, mark: m[0].replace(/\s+/g, '') };
    }
  }
  return null;
}
