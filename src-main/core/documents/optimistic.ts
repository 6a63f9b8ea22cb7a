/**
 * What a local mutation does to a delivery before the server confirms it (pure). The same fold rebases pending
 * local changes on top of newer server state after a pull.
 */
import type { Delivery } from '../../../shared/schemas/documents.ts';
import type { MutationBody } from '../../../shared/sync/protocol.ts';
import { nextStatus } from '../../../shared/domain/deliveryRules.ts';

export function applyToDelivery(d: Delivery, m: MutationBody, actor: string, at: string): Delivery {
  switch (m.type) {
    case 'delivery.read':
      return d.readAt ? d : { ...d, readAt: at, readBy: actor, updatedAt: at };
    case 'delivery.sign': {
      const s = nextStatus('sign', d.status);
      return s ? { ...d, status: s, signedAt: at, signedBy: actor, signOpinion: m.payload.opinion, readAt: d.readAt ?? at, readBy: d.readBy ?? actor, updatedAt: at } : d;
    }
    case 'delivery.refuse': {
      const s = nextStatus('refuse', d.status);
      return s ? { ...d, status: s, refusedAt: at, refusedReason: m.payload.reason, updatedAt: at } : d;
    }
    case 'delivery.register': {
      const s = nextStatus('register', d.status);
      return s ? { ...d, status: s, registeredAt: at, registeredBy: actor, updatedAt: at } : d;
    }
    case 'delivery.recall': {
      const s = nextStatus('recall', d.status);
      return s ? { ...d, status: s, recalledAt: at, updatedAt: at } : d;
    }
    case 'delivery.remind':
      return d.status === 'delivered'
        ? { ...d, remindCount: d.remindCount + 1, lastRemindedAt: at, lastRemindMessage: m.payload.message, updatedAt: at }
        : d;
    default:
      return d;
  }
}
