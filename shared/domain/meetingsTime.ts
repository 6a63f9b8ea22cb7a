/**
 * Time helpers for meetings: instants are stored in UTC and shown in Asia/Shanghai (UTC+8 all year, no DST since 1991),
 * so the conversion is a fixed offset and stays pure (no Intl time-zone data needed).
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

export function shanghaiParts(instant: string): LocalParts {
  const d = new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 2026年12月1日 09:30 */
export function formatShanghai(instant: string): string {
  const p = shanghaiParts(instant);
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 2026年12月1日 09:30—11:30 (same day) or both ends in full. */
export function formatShanghaiRange(startAt: string, endAt: string): string {
  const a = shanghaiParts(startAt);
  const b = shanghaiParts(endAt);
  if (a.year === b.year && a.month === b.month && a.day === b.day) return `${formatShanghai(startAt)}—${pad(b.hour)}:${pad(b.minute)}`;
  return `${formatShanghai(startAt)}—${formatShanghai(endAt)}`;
}

/** The key of the Shanghai calendar day of an instant, e.g. 2026-12-01 (for calendar grouping). */
export function shanghaiDayKey(instant: string): string {
  const p = shanghaiParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Half-open intervals [start, end) overlap. */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return Date.parse(aStart) < Date.parse(bEnd) && Date.parse(bStart) < Date.parse(aEnd);
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
