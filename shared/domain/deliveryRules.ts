/**
 * Per-recipient delivery lifecycle (pure rules, used by the client for optimistic updates and by the server as the authority).
 *   delivered ─签收→ signed ─登记→ registered
 *   delivered ─退回→ refused
 *   delivered ─撤回(sender)→ recalled
 * 催办 (remind) is allowed while delivered; 补发 adds new deliveries for added recipients.
 */
import type { DeliveryStatus } from '../schemas/documents.ts';

export type DeliveryAction = 'sign' | 'refuse' | 'register' | 'recall' | 'remind';

const ALLOWED: Record<DeliveryAction, DeliveryStatus[]> = {
  sign: ['delivered'],
  refuse: ['delivered'],
  register: ['signed'],
  recall: ['delivered'],
  remind: ['delivered'],
};

/** Which side may act: the recipient unit signs/refuses/registers, the sender recalls/reminds. */
export const ACTION_SIDE: Record<DeliveryAction, 'recipient' | 'sender'> = {
  sign: 'recipient',
  refuse: 'recipient',
  register: 'recipient',
  recall: 'sender',
  remind: 'sender',
};

export function canApply(action: DeliveryAction, status: DeliveryStatus): boolean {
  return ALLOWED[action].includes(status);
}

export function nextStatus(action: DeliveryAction, status: DeliveryStatus): DeliveryStatus | null {
  if (!canApply(action, status)) return null;
  switch (action) {
    case 'sign': return 'signed';
    case 'refuse': return 'refused';
    case 'register': return 'registered';
    case 'recall': return 'recalled';
    case 'remind': return status;
  }
}
