/**
 * GB/T 9704-2012 page geometry. Distances in mm from the top-left of an A4 page; pdf-lib wants points from the
 * bottom-left, so everything goes through toX/toY.
 */
export const PT_PER_MM = 72 / 25.4;
export const PAGE_W_MM = 210;
export const PAGE_H_MM = 297;
export const PAGE_W = PAGE_W_MM * PT_PER_MM; // 595.28
export const PAGE_H = PAGE_H_MM * PT_PER_MM; // 841.89

/** 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm. */
export const AREA_TOP = 37;
export const AREA_LEFT = 28;
export const AREA_W = 156;
export const AREA_H = 225;
export const AREA_RIGHT = AREA_LEFT + AREA_W; // 184
export const AREA_BOTTOM = AREA_TOP + AREA_H; // 262

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Line pitch 10.227 mm (28.99 pt) and character cell 5.571 mm (15.79 pt). */
export const LINE_MM = AREA_H / LINES_PER_PAGE;
export const CELL_MM = AREA_W / CHARS_PER_LINE;
export const CELL_PT = CELL_MM * PT_PER_MM;

/** 2号, 3号, 4号 in pt. */
export const SIZE_2 = 22;
export const SIZE_3 = 16;
export const SIZE_4 = 14;

/** Ideographic em box: 0.88 em above the baseline, 0.12 em below. */
export const EM_ASCENT = 0.88;

export const mm = (v: number) => v * PT_PER_MM;
export const toX = (xMm: number) => xMm * PT_PER_MM;
export const toY = (yMm: number) => (PAGE_H_MM - yMm) * PT_PER_MM;

/** Top of grid line i (0-based) of the type area, in mm from the page top. */
export const lineTopMm = (i: number) => AREA_TOP + i * LINE_MM;

/** Baseline (mm from the top) of text of `sizePt` centred vertically in grid line i. */
export function baselineMm(i: number, sizePt: number = SIZE_3): number {
  const em = sizePt / PT_PER_MM;
  return lineTopMm(i) + (LINE_MM - em) / 2 + EM_ASCENT * em;
}

/** Em-top (mm from the top) of text of `sizePt` centred in grid line i: 39.29 + 10.227·i for 3号. */
export function emTopMm(i: number, sizePt: number = SIZE_3): number {
  const em = sizePt / PT_PER_MM;
  return lineTopMm(i) + (LINE_MM - em) / 2;
}

/** The grid line whose cell contains y (mm from the top). */
export const lineAt = (yMm: number) => Math.floor((yMm - AREA_TOP) / LINE_MM + 1e-9);

export const RED = { r: 1, g: 0, b: 0 } as const;
