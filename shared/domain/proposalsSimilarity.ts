/**
 * Similar-title detection for 建议提案 (e.g. the same request filed again in a later year):
 * character-bigram Jaccard similarity of normalised titles, with an inverted index so a batch of new titles is
 * compared only with the existing titles that share at least one bigram.
 */
export const SIMILAR_TITLE_THRESHOLD = 0.5;

const FRAME = /^关于|的?(建议|提案|意见|议案)$/gu;
const NOISE = /[\s\p{P}\p{S}]/gu;

/** Drops the 关于…的建议/提案 frame, punctuation and spaces, and folds full-width letters and digits. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(NOISE, '').replace(FRAME, '').replace(FRAME, '').toLowerCase();
}

export function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function titleSimilarity(a: string, b: string): number {
  return jaccard(bigrams(normalizeTitle(a)), bigrams(normalizeTitle(b)));
}

export interface IndexedTitle { id: string; title: string; year: number }
export interface SimilarTitle extends IndexedTitle { score: number }

export class TitleIndex {
  private readonly entries: { item: IndexedTitle; grams: Set<string> }[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(items: Iterable<IndexedTitle> = []) {
    for (const it of items) this.add(it);
  }
  add(item: IndexedTitle): void {
    const grams = bigrams(normalizeTitle(item.title));
    const idx = this.entries.push({ item, grams }) - 1;
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(idx);
      else this.postings.set(g, [idx]);
    }
  }
  /** Titles at or above the threshold, best first; `beforeYear` keeps only items from earlier years. */
  findSimilar(title: string, opts: { threshold?: number; beforeYear?: number; limit?: number } = {}): SimilarTitle[] {
    const threshold = opts.threshold ?? SIMILAR_TITLE_THRESHOLD;
    const grams = bigrams(normalizeTitle(title));
    const shared = new Map<number, number>();
    for (const g of grams) for (const idx of this.postings.get(g) ?? []) shared.set(idx, (shared.get(idx) ?? 0) + 1);
    const out: SimilarTitle[] = [];
    for (const [idx, inter] of shared) {
      const e = this.entries[idx];
      if (opts.beforeYear !== undefined && e.item.year >= opts.beforeYear) continue;
      const score = inter / (grams.size + e.grams.size - inter);
      if (score >= threshold) out.push({ ...e.item, score: Math.round(score * 1000) / 1000 });
    }
    out.sort((a, b) => b.score - a.score || b.year - a.year);
    return out.slice(0, opts.limit ?? 5);
  }
}
