/**
 * Import of 建议提案: preview (read, validate every row, duplicates, similar titles; nothing written) then commit
 * (every row registered in ONE local transaction, or none). Previews live in memory for the session.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { buildImportPreview, type ExistingItem } from '../../../shared/domain/proposalsImport.ts';
import type { ImportPreview } from '../../../shared/schemas/proposalsIpc.ts';
import type { ProposalDraft, ProposalKind } from '../../../shared/schemas/proposals.ts';
import type { Db } from '../store/db.ts';
import type { Profile } from '../profile.ts';
import { readSheet } from './importFile.ts';
import { registerLocal } from './actions.ts';

const MAX_PREVIEWS = 5;

export function existingItems(db: Db): ExistingItem[] {
  const rows = db.prepare('SELECT id, kind, year, session, number, title FROM proposals').all() as
    { id: string; kind: ProposalKind; year: number; session: string; number: number; title: string }[];
  return rows;
}

export class ImportPreviews {
  private readonly previews = new Map<string, { username: string; preview: ImportPreview }>();

  async preview(p: Profile, name: string, data: Uint8Array, progress: (done: number, total: number) => void): Promise<ImportPreview> {
    const table = await readSheet(name, data);
    progress(0, table.rows.length);
    const { rows, ignoredColumns } = buildImportPreview(table, existingItems(p.db));
    progress(table.rows.length, table.rows.length);
    const valid = rows.filter((r) => r.errors.length === 0).length;
    const preview: ImportPreview = {
      previewId: uuidv7(), fileName: name, total: rows.length, valid, invalid: rows.length - valid,
      flagged: rows.filter((r) => r.similar.length > 0).length, ignoredColumns, rows,
    };
    this.previews.set(preview.previewId, { username: p.session.user.username, preview });
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
    return preview;
  }

  /** The drafts of a preview with no errors; refuses the whole preview otherwise. */
  take(p: Profile, previewId: string): ProposalDraft[] {
    const entry = this.previews.get(previewId);
    if (!entry || entry.username !== p.session.user.username) throw new AppError('NOT_FOUND', { previewId });
    const { preview } = entry;
    if (preview.invalid > 0) throw new AppError('PROPOSAL_IMPORT_HAS_ERRORS', { invalidRows: preview.rows.filter((r) => r.errors.length > 0).map((r) => r.row).slice(0, 50) });
    if (preview.total === 0) throw new AppError('PROPOSAL_IMPORT_BAD_FILE', undefined, '文件中没有数据行');
    this.previews.delete(previewId);
    return preview.rows.map((r) => r.draft!);
  }
}

/** Runs inside the caller's one transaction: any failure (e.g. a number registered meanwhile) rolls back every row. */
export function commitDrafts(p: Profile, drafts: ProposalDraft[]): { batchId: string; imported: number } {
  const batchId = uuidv7();
  const now = new Date().toISOString();
  const link = p.db.prepare('INSERT INTO proposal_import_items (batch_id, proposal_id) VALUES (?, ?)');
  drafts.forEach((d, i) => {
    try {
      link.run(batchId, registerLocal(p, d, batchId, now));
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, { row: i + 2, ...(e.details as object) }, `第${i + 2}行：${e.message}`);
      throw e;
    }
  });
  return { batchId, imported: drafts.length };
}

export function importStatus(db: Db, batchId: string): { batchId: string; total: number; synced: number; pending: number; rejected: number } {
  const count = (q: string) => (db.prepare(q).get(batchId) as { n: number }).n;
  const total = count('SELECT COUNT(*) AS n FROM proposal_import_items WHERE batch_id = ?');
  const synced = count(`SELECT COUNT(*) AS n FROM proposal_import_items i JOIN proposals p ON p.id = i.proposal_id
    WHERE i.batch_id = ? AND p.server_data IS NOT NULL`);
  const rejected = count(`SELECT COUNT(*) AS n FROM proposal_import_items i WHERE i.batch_id = ?
    AND EXISTS (SELECT 1 FROM rejected r WHERE r.entity_id = i.proposal_id AND r.type = 'proposal.register')`);
  return { batchId, total, synced, rejected, pending: Math.max(0, total - synced - rejected) };
}
