/**
 * Compose → send: validated here first (recipients, secrecy field, classified marks in the staged PDFs, every file
 * staged), then ONE transaction writes the local document (pending) and the outbox mutation. Works offline.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { isClassified, scanForClassifiedMarks } from '../../../shared/domain/secrecy.ts';
import type { DocumentDraft, OfficialDocument } from '../../../shared/schemas/documents.ts';
import type { Db } from '../store/db.ts';
import type { Profile } from '../profile.ts';
import { filesOf, writeDocument } from '../store/records.ts';
import { enqueue } from '../sync/outbox.ts';
import { unitByCode } from '../directory/directoryStore.ts';

export function checkRecipients(db: Db, self: string, mainTo: string[], copyTo: string[]): void {
  const all = [...mainTo, ...copyTo];
  if (new Set(all).size !== all.length) throw new AppError('VALIDATION_FAILED', { field: 'recipients' }, '同一单位不能重复选择（主送与抄送不能重复）');
  const known = (db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n > 0;
  for (const code of all) {
    if (code === self) throw new AppError('VALIDATION_FAILED', { field: 'recipients', unit: code }, '不能发给本单位');
    if (!known) continue; // directory not fetched yet (offline since login): the server checks
    const u = unitByCode(db, code);
    if (!u || u.disabled) throw new AppError('VALIDATION_FAILED', { field: 'recipients', unit: code }, `收文单位不存在或已停用：${code}`);
  }
}

/** The checks that need no transaction (all read-only). */
export function validateSend(p: Profile, draft: DocumentDraft): void {
  if (!can(p.session.user.roles, 'documents.send')) throw new AppError('FORBIDDEN');
  if (isClassified(draft.secrecy)) throw new AppError('DOC_CLASSIFIED_REFUSED', { field: 'secrecy', secrecy: draft.secrecy });
  if (draft.mainTo.length === 0) throw new AppError('DOC_NO_RECIPIENT');
  if (!draft.mainFile) throw new AppError('VALIDATION_FAILED', { field: 'mainFile' }, '请添加正文文件');
  checkRecipients(p.db, p.unit, draft.mainTo, draft.copyTo);
  const shas = filesOf(draft).map((f) => f.sha256);
  if (new Set(shas).size !== shas.length) throw new AppError('VALIDATION_FAILED', { field: 'attachments' }, '附件重复');
  for (const f of filesOf(draft)) {
    const b = p.db.prepare('SELECT kind, size, available, pages FROM blobs WHERE sha256 = ?').get(f.sha256) as
      { kind: string; size: number; available: number; pages: string | null } | undefined;
    if (!b || !b.available || !p.files.has(f.sha256)) throw new AppError('DOC_BLOB_MISSING', { sha256: f.sha256, name: f.name });
    if (b.kind !== f.kind || b.size !== f.size) throw new AppError('VALIDATION_FAILED', { sha256: f.sha256 }, '附件信息与文件内容不符');
    if (b.pages) {
      const hit = scanForClassifiedMarks(JSON.parse(b.pages) as string[]);
      if (hit) throw new AppError('DOC_CLASSIFIED_REFUSED', { file: f.name, page: hit.page, mark: hit.mark });
    }
  }
}

export function sendDocument(p: Profile, draft: DocumentDraft, draftId: string | null): string {
  const documentId = uuidv7();
  const now = new Date().toISOString();
  const doc: OfficialDocument = {
    ...draft, id: documentId, senderUnit: p.unit, createdBy: p.session.user.id, createdByName: p.session.user.displayName, sentAt: now,
  };
  enqueue(p.db, { type: 'document.send', payload: { ...draft, documentId } }, documentId, now);
  writeDocument(p.db, doc, false);
  if (draftId) p.db.prepare('DELETE FROM drafts WHERE id = ?').run(draftId);
  return documentId;
}
