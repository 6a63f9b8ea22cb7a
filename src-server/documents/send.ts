/**
 * document.send and document.addRecipients (补发). The sender's stream gets the document and every delivery; each
 * recipient's stream gets the document and its own delivery; recipients gain read access to the attachments.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors.ts';
import { can } from '../../shared/domain/permissions.ts';
import { isClassified } from '../../shared/domain/secrecy.ts';
import type { Delivery, OfficialDocument } from '../../shared/schemas/documents.ts';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import type { MutationOf } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { grantBlobAccess, hasBlobAccess } from '../blobs/access.ts';
import { emitDelivery, insertDeliveries, listDeliveries, loadDocument, saveDocument } from './rows.ts';

type Role = Delivery['role'];

/** Main wins over copy; order of first mention is kept. */
export function recipientRoles(mainTo: readonly string[], copyTo: readonly string[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const u of mainTo) roles.set(u, 'main');
  for (const u of copyTo) if (!roles.has(u)) roles.set(u, 'copy');
  return roles;
}

async function checkRecipients(uow: UnitOfWork, actor: Actor, codes: readonly string[]): Promise<void> {
  if (codes.includes(actor.unitCode)) throw new AppError('VALIDATION_FAILED', { reason: 'sender cannot be a recipient', unit: actor.unitCode });
  if (codes.length === 0) return;
  const rows = await uow.trx.selectFrom('units').select(['code', 'disabled']).where('code', 'in', [...codes]).execute();
  const ok = new Set(rows.filter((r) => Number(r.disabled) === 0).map((r) => r.code));
  const bad = codes.filter((c) => !ok.has(c));
  if (bad.length > 0) throw new AppError('VALIDATION_FAILED', { reason: 'unknown or disabled recipients', units: bad });
}

async function checkAttachments(uow: UnitOfWork, actor: Actor, files: readonly AttachmentRef[]): Promise<void> {
  for (const f of files) {
    const blob = await uow.trx.selectFrom('blobs').select(['size', 'kind']).where('sha256', '=', f.sha256).executeTakeFirst();
    if (!blob || !(await hasBlobAccess(uow.trx, f.sha256, actor.unitCode))) throw new AppError('DOC_BLOB_MISSING', { sha256: f.sha256, name: f.name });
    if (Number(blob.size) !== f.size || blob.kind !== f.kind) {
      throw new AppError('VALIDATION_FAILED', { reason: 'attachment size or kind differs from the uploaded file', sha256: f.sha256 });
    }
  }
}

function newDelivery(doc: OfficialDocument, unit: string, role: Role, at: string): Delivery {
  return {
    id: uuidv7(), documentId: doc.id, senderUnit: doc.senderUnit, recipientUnit: unit, role, status: 'delivered', deliveredAt: at,
    readAt: null, readBy: null, signedAt: null, signedBy: null, signOpinion: null, signNumber: null, registeredAt: null,
    registeredBy: null, refusedAt: null, refusedReason: null, recalledAt: null, remindCount: 0, lastRemindedAt: null,
    lastRemindMessage: null, updatedAt: at,
  };
}

function filesOf(doc: Pick<OfficialDocument, 'mainFile' | 'attachments'>): AttachmentRef[] {
  return [...(doc.mainFile ? [doc.mainFile] : []), ...doc.attachments];
}

export async function sendDocument(uow: UnitOfWork, actor: Actor, m: MutationOf<'document.send'>): Promise<void> {
  if (!can(actor.roles, 'documents.send')) throw new AppError('FORBIDDEN');
  const { documentId, ...draft } = m.payload;
  if (isClassified(draft.secrecy)) throw new AppError('DOC_CLASSIFIED_REFUSED');
  if (draft.mainTo.length === 0) throw new AppError('DOC_NO_RECIPIENT');
  const roles = recipientRoles(draft.mainTo, draft.copyTo);
  await checkRecipients(uow, actor, [...roles.keys()]);
  await checkAttachments(uow, actor, filesOf(draft));
  if (await loadDocument(uow, documentId)) throw new AppError('CONFLICT', { documentId });
  const doc: OfficialDocument = {
    ...draft,
    mainTo: [...roles].filter(([, r]) => r === 'main').map(([u]) => u),
    copyTo: [...roles].filter(([, r]) => r === 'copy').map(([u]) => u),
    id: documentId, senderUnit: actor.unitCode, createdBy: actor.userId, createdByName: actor.displayName, sentAt: uow.at,
  };
  await saveDocument(uow, doc, true);
  uow.emit([doc.senderUnit, ...roles.keys()], { entity: 'document', data: doc }, doc.id);
  const deliveries = [...roles].map(([unit, role]) => newDelivery(doc, unit, role, uow.at));
  await insertDeliveries(uow, deliveries);
  deliveries.forEach((d) => emitDelivery(uow, d));
  for (const f of filesOf(doc)) await grantBlobAccess(uow.trx, f.sha256, [...roles.keys()], 'record', uow.at);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'document.send', entity: 'document', entityId: doc.id, content: doc });
}

/** 补发: deliveries for units that have none yet; units already holding a delivery are left as they are. */
export async function addRecipients(uow: UnitOfWork, actor: Actor, m: MutationOf<'document.addRecipients'>): Promise<void> {
  if (!can(actor.roles, 'documents.send')) throw new AppError('FORBIDDEN');
  const doc = await loadDocument(uow, m.payload.documentId);
  if (!doc || doc.senderUnit !== actor.unitCode) throw new AppError('NOT_FOUND');
  const existing = await listDeliveries(uow, doc.id);
  const have = new Set(existing.map((d) => d.recipientUnit));
  const roles = recipientRoles(m.payload.mainTo, m.payload.copyTo);
  if (roles.size === 0) throw new AppError('DOC_NO_RECIPIENT');
  await checkRecipients(uow, actor, [...roles.keys()]);
  const added = [...roles].filter(([u]) => !have.has(u));
  if (added.length === 0) return;
  const updated: OfficialDocument = {
    ...doc,
    mainTo: [...doc.mainTo, ...added.filter(([, r]) => r === 'main').map(([u]) => u)],
    copyTo: [...doc.copyTo, ...added.filter(([, r]) => r === 'copy').map(([u]) => u)],
  };
  await saveDocument(uow, updated, false);
  uow.emit([doc.senderUnit, ...have, ...added.map(([u]) => u)], { entity: 'document', data: updated }, doc.id);
  const deliveries = added.map(([unit, role]) => newDelivery(updated, unit, role, uow.at));
  await insertDeliveries(uow, deliveries);
  deliveries.forEach((d) => emitDelivery(uow, d));
  for (const f of filesOf(updated)) await grantBlobAccess(uow.trx, f.sha256, added.map(([u]) => u), 'record', uow.at);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: 'document.addRecipients', entity: 'document', entityId: doc.id,
    content: { added: added.map(([u, r]) => ({ unit: u, role: r })) } });
}
