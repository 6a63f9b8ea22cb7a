/**
 * Pagination on the 22-line grid. Content is a list of items, each occupying whole grid lines; items chained
 * with keepWithNext move to the next page together (e.g. the last body lines with the signature and seal).
 */
import type { PDFPage } from 'pdf-lib';
import { LINES_PER_PAGE } from './geometry.ts';

export interface FlowItem {
  lines: number;
  /** Draws the item with its first line at grid line `line` of `page`. */
  draw?: (page: PDFPage, line: number) => Promise<void> | void;
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  /** A blank line: dropped at the top of a page. */
  blank?: boolean;
}

export interface Placement {
  item: FlowItem;
  page: number;
  line: number;
}

export interface FlowResult {
  placements: Placement[];
  /** Pages used (0-based index of the last page + 1). */
  pageCount: number;
  /** Next free grid line on the last page. */
  nextLine: number;
}

export function paginate(items: FlowItem[], startLine: number): FlowResult {
  const groups: FlowItem[][] = [];
  for (const it of items) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev?.keepWithNext && !it.pageBreakBefore) last.push(it);
    else groups.push([it]);
  }
  const placements: Placement[] = [];
  let page = 0;
  let line = startLine;
  const newPage = () => {
    page++;
    line = 0;
  };
  for (const g of groups) {
    if (g[0].pageBreakBefore && !(line === 0 && placements.length === 0)) newPage();
    const total = g.reduce((s, it) => s + (it.blank ? 0 : it.lines), 0);
    const withBlanks = g.reduce((s, it) => s + it.lines, 0);
    if (line + withBlanks > LINES_PER_PAGE && total <= LINES_PER_PAGE && line > 0) newPage();
    for (const it of g) {
      if (it.blank && line === 0) continue;
      if (line + it.lines > LINES_PER_PAGE) newPage();
      if (it.blank && line === 0) continue;
      placements.push({ item: it, page, line });
      line += it.lines;
    }
  }
  return { placements, pageCount: page + 1, nextLine: line };
}
