/**
 * Offline full-text search over title, 文号 and extracted PDF text. FTS5 trigram for queries of ≥ 3 characters,
 * LIKE over the same index for shorter ones (trigram cannot match 1–2 characters). Matches come back in [[ ]].
 */
import { formatDocNumber } from '../../../shared/domain/docNumber.ts';
import type { OfficialDocument } from '../../../shared/schemas/documents.ts';
import type { Db } from '../store/db.ts';
import { unitName } from '../directory/directoryStore.ts';
import { q as stmt } from '../store/statements.ts';

export interface SearchHit {
  documentId: string;
  title: string;
  docNumberText: string | null;
  senderUnitName: string;
  sentAt: string;
  snippet: string;
  box: 'inbox' | 'sent';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A snippet around the first match in the first field that has one, every match wrapped in [[ ]]. */
export function likeSnippet(fields: string[], query: string, radius = 30): string {
  const q = query.toLowerCase();
  for (const text of fields) {
    const at = text.toLowerCase().indexOf(q);
    if (at < 0) continue;
    const start = Math.max(0, at - radius);
    const end = Math.min(text.length, at + q.length + radius);
    const part = text.slice(start, end).replace(/\s+/g, ' ');
    const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    const out = part.replace(re, (m) => `[[${m}]]`);
    return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
  }
  return fields[0]?.slice(0, radius * 2) ?? '';
}

export function search(db: Db, unit: string, query: string, limit: number): SearchHit[] {
  const q = query.trim();
  const chars = [...q].length;
  // The index finds the documents; the snippet is cut from the stored text so a match is always wrapped whole.
  const found = (chars >= 3
    ? stmt(db, `SELECT document_id, title, number, body FROM doc_search WHERE doc_search MATCH @phrase ORDER BY rank LIMIT @limit`)
      .all({ phrase: `"${q.replace(/"/g, '""')}"`, limit })
    : stmt(db, `SELECT document_id, title, number, body FROM doc_search
        WHERE title LIKE @like ESCAPE '\\' OR number LIKE @like ESCAPE '\\' OR body LIKE @like ESCAPE '\\' LIMIT @limit`)
      .all({ like: `%${escapeLike(q)}%`, limit })) as { document_id: string; title: string; number: string; body: string }[];
  const rows = found.map((r) => ({ document_id: r.document_id, snippet: likeSnippet([r.title, r.number, r.body], q) }));
  const get = stmt(db, 'SELECT data FROM documents WHERE id = ?');
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const d = get.get(r.document_id) as { data: string } | undefined;
    if (!d) continue;
    const doc = JSON.parse(d.data) as OfficialDocument;
    hits.push({
      documentId: doc.id, title: doc.title, docNumberText: doc.docNumber ? formatDocNumber(doc.docNumber) : null,
      senderUnitName: unitName(db, doc.senderUnit), sentAt: doc.sentAt, snippet: r.snippet.replace(/\s+/g, ' ').slice(0, 400),
      box: doc.senderUnit === unit ? 'sent' : 'inbox',
    });
  }
  return hits;
}
