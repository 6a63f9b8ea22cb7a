/**
 * The per-recipient lifecycle on the server (the authority): read, sign (with 签收编号), refuse, register on the
 * recipient side; recall and remind (催办) on the sender side. Rules come from shared/domain/deliveryRules.ts.
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/errors.ts';
import { ACTION_SIDE, canApply, nextStatus, type DeliveryAction } from '../../shared/domain/deliveryRules.ts';
import { can } from '../../shared/domain/permissions.ts';
import type { Delivery } from '../../shared/schemas/documents.ts';
import type { MutationOf } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { emitDelivery, loadDeliveryFor, saveDelivery } from './rows.ts';

type DeliveryMutation = MutationOf<'delivery.read' | 'delivery.sign' | 'delivery.refuse' | 'delivery.register' | 'delivery.recall' | 'delivery.remind'>;

/** Year in Asia/Shanghai (UTC+8, no DST) of an instant. */
function shanghaiYear(iso: string): number {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).getUTCFullYear();
}

async function nextSignNumber(uow: UnitOfWork, unit: string): Promise<string> {
  const year = shanghaiYear(uow.at);
  const row = await uow.trx.insertInto('sign_counters').values({ unit_code: unit, year, last: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'year']).doUpdateSet({ last: sql`sign_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return `${year}-${String(Number(row.last)).padStart(4, '0')}`;
}

function checkSide(actor: Actor, d: Delivery, side: 'sender' | 'recipient'): void {
  const unit = side === 'sender' ? d.senderUnit : d.recipientUnit;
  if (unit !== actor.unitCode) throw new AppError('FORBIDDEN', { reason: `only the ${side} unit may do this` });
  const permission = side === 'sender' ? 'documents.send' : 'documents.receive';
  if (!can(actor.roles, permission)) throw new AppError('FORBIDDEN');
}

function checkState(action: DeliveryAction, d: Delivery): void {
  if (canApply(action, d.status)) return;
  if (action === 'recall' && (d.status === 'signed' || d.status === 'registered')) throw new AppError('DELIVERY_ALREADY_SIGNED');
  throw new AppError('DELIVERY_BAD_STATE', { status: d.status, action });
}

async function apply(uow: UnitOfWork, actor: Actor, m: DeliveryMutation, d: Delivery): Promise<Delivery | null> {
  const at = uow.at;
  const by = actor.displayName;
  switch (m.type) {
    case 'delivery.read': {
      if (d.recipientUnit !== actor.unitCode) throw new AppError('FORBIDDEN');
      if (!can(actor.roles, 'documents.read')) throw new AppError('FORBIDDEN');
      if (d.status === 'recalled') throw new AppError('DELIVERY_BAD_STATE', { status: d.status, action: 'read' });
      return d.readAt ? null : { ...d, readAt: at, readBy: by, updatedAt: at };
    }
    case 'delivery.sign': {
      checkSide(actor, d, ACTION_SIDE.sign); checkState('sign', d);
      const signNumber = await nextSignNumber(uow, d.recipientUnit);
      return { ...d, status: nextStatus('sign', d.status)!, signedAt: at, signedBy: by, signOpinion: m.payload.opinion, signNumber,
        readAt: d.readAt ?? at, readBy: d.readBy ?? by, updatedAt: at };
    }
    case 'delivery.refuse':
      checkSide(actor, d, ACTION_SIDE.refuse); checkState('refuse', d);
      return { ...d, status: nextStatus('refuse', d.status)!, refusedAt: at, refusedReason: m.payload.reason, updatedAt: at };
    case 'delivery.register':
      checkSide(actor, d, ACTION_SIDE.register); checkState('register', d);
      return { ...d, status: nextStatus('register', d.status)!, registeredAt: at, registeredBy: by, updatedAt: at };
    case 'delivery.recall':
      checkSide(actor, d, ACTION_SIDE.recall); checkState('recall', d);
      return { ...d, status: nextStatus('recall', d.status)!, recalledAt: at, updatedAt: at };
    case 'delivery.remind':
      checkSide(actor, d, ACTION_SIDE.remind); checkState('remind', d);
      return { ...d, remindCount: d.remindCount + 1, lastRemindedAt: at, lastRemindMessage: m.payload.message, updatedAt: at };
  }
}

export async function applyDeliveryMutation(uow: UnitOfWork, actor: Actor, m: DeliveryMutation): Promise<void> {
  const d = await loadDeliveryFor(uow, m.payload.deliveryId, actor.unitCode);
  const updated = await apply(uow, actor, m, d);
  if (!updated) return;
  await saveDelivery(uow, updated, false);
  emitDelivery(uow, updated);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: m.type, entity: 'delivery', entityId: d.id, content: updated });
}
