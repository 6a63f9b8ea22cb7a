/**
 * The reply letter a proposal.reply names: the blob must be complete, uploaded (or received) by the replying unit and
 * a PDF of the size the reference states, exactly like document attachments. Every unit the item is fanned out to
 * (the General Office and the units handling it) then gains read access to it.
 */
import { AppError } from '../../shared/errors.ts';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { grantBlobAccess, hasBlobAccess } from '../blobs/access.ts';

export async function checkLetter(uow: UnitOfWork, actor: Actor, f: AttachmentRef): Promise<void> {
  const blob = await uow.trx.selectFrom('blobs').select(['size', 'kind']).where('sha256', '=', f.sha256).executeTakeFirst();
  if (!blob || !(await hasBlobAccess(uow.trx, f.sha256, actor.unitCode))) throw new AppError('DOC_BLOB_MISSING', { sha256: f.sha256, name: f.name });
  if (Number(blob.size) !== f.size || blob.kind !== f.kind || f.kind !== 'pdf') {
    throw new AppError('VALIDATION_FAILED', { reason: 'reply letter must be the uploaded PDF of that size', sha256: f.sha256 });
  }
}

export async function grantLetter(uow: UnitOfWork, f: AttachmentRef, units: readonly string[]): Promise<void> {
  await grantBlobAccess(uow.trx, f.sha256, units, 'record', uow.at);
}
