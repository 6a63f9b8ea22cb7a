/** Drafts: local only, never synced. */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { DocumentDraftSchema, type DocumentDraft } from '../../../shared/schemas/documents.ts';
import type { Db } from '../store/db.ts';

export interface DraftRecord {
  id: string;
  draft: Partial<DocumentDraft>;
  updatedAt: string;
}

export function saveDraft(db: Db, id: string | null, draft: Partial<DocumentDraft>): DraftRecord {
  const draftId = id ?? uuidv7();
  if (id && !db.prepare('SELECT 1 FROM drafts WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', { id });
  const updatedAt = new Date().toISOString();
  db.prepare('INSERT INTO drafts (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
    .run(draftId, JSON.stringify(draft), updatedAt);
  return { id: draftId, draft, updatedAt };
}

export function listDrafts(db: Db): DraftRecord[] {
  const rows = db.prepare('SELECT id, data, updated_at FROM drafts ORDER BY updated_at DESC').all() as { id: string; data: string; updated_at: string }[];
  return rows.map((r) => ({ id: r.id, draft: DocumentDraftSchema.partial().parse(JSON.parse(r.data)), updatedAt: r.updated_at }));
}

export function deleteDraft(db: Db, id: string): void {
  const r = db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', { id });
}
