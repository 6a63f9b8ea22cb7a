/**
 * Sign / refuse / register (the recipient) and recall / remind (the sender), read receipts and 补发: each checks the
 * side, role and state locally, then updates the delivery optimistically and queues the mutation in one transaction.
 */
import { AppError } from '../../../shared/errors.ts';
import { ACTION_SIDE, canApply, type DeliveryAction } from '../../../shared/domain/deliveryRules.ts';
import { can } from '../../../shared/domain/permissions.ts';
import type { MutationBody } from '../../../shared/sync/protocol.ts';
import type { Profile } from '../profile.ts';
import { getDelivery, getDocument, saveDelivery, writeDocument } from '../store/records.ts';
import { enqueue } from '../sync/outbox.ts';
import { applyToDelivery } from './optimistic.ts';
import { checkRecipients } from './send.ts';

function loadFor(p: Profile, deliveryId: string, side: 'recipient' | 'sender') {
  const d = getDelivery(p.db, deliveryId);
  const unit = side === 'recipient' ? d?.recipient_unit : d?.sender_unit;
  if (!d || unit !== p.unit) throw new AppError('NOT_FOUND', { deliveryId });
  return d;
}

function queue(p: Profile, d: NonNullable<ReturnType<typeof getDelivery>>, body: MutationBody): void {
  const now = new Date().toISOString();
  enqueue(p.db, body, d.id, now);
  saveDelivery(p.db, applyToDelivery(d.view, body, p.actor, now), null, true);
}

/** Runs inside the caller's transaction. Returns false when the action does not apply (remind on a signed one). */
export function deliveryAction(p: Profile, action: DeliveryAction, deliveryId: string, body: MutationBody, strict = true): boolean {
  const side = ACTION_SIDE[action];
  if (!can(p.session.user.roles, side === 'recipient' ? 'documents.receive' : 'documents.send')) throw new AppError('FORBIDDEN');
  const d = loadFor(p, deliveryId, side);
  if (!canApply(action, d.view.status)) {
    if (!strict) return false;
    if (action === 'recall' && (d.view.status === 'signed' || d.view.status === 'registered')) throw new AppError('DELIVERY_ALREADY_SIGNED');
    throw new AppError('DELIVERY_BAD_STATE', { status: d.view.status, action });
  }
  queue(p, d, body);
  return true;
}

export function markRead(p: Profile, deliveryId: string): void {
  const d = loadFor(p, deliveryId, 'recipient');
  if (d.view.readAt) return; // already read: nothing to send
  queue(p, d, { type: 'delivery.read', payload: { deliveryId } });
}

export function addRecipients(p: Profile, documentId: string, mainTo: string[], copyTo: string[]): void {
  if (!can(p.session.user.roles, 'documents.send')) throw new AppError('FORBIDDEN');
  const doc = getDocument(p.db, documentId);
  if (!doc || doc.view.senderUnit !== p.unit) throw new AppError('NOT_FOUND', { documentId });
  if (doc.rejected_code) throw new AppError('DELIVERY_BAD_STATE', { documentId });
  if (mainTo.length + copyTo.length === 0) throw new AppError('DOC_NO_RECIPIENT');
  checkRecipients(p.db, p.unit, mainTo, copyTo);
  const existing = new Set([...doc.view.mainTo, ...doc.view.copyTo]);
  const dup = [...mainTo, ...copyTo].find((c) => existing.has(c));
  if (dup) throw new AppError('VALIDATION_FAILED', { unit: dup }, `该单位已是收文单位：${dup}`);
  enqueue(p.db, { type: 'document.addRecipients', payload: { documentId, mainTo, copyTo } }, documentId);
  const view = { ...doc.view, mainTo: [...doc.view.mainTo, ...mainTo], copyTo: [...doc.view.copyTo, ...copyTo] };
  if (doc.server_data) {
    writeDocument(p.db, JSON.parse(doc.server_data), true); // rebases the pending addRecipients on the server state
  } else {
    writeDocument(p.db, view, false);
  }
}
