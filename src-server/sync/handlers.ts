/**
 * The mutation handlers the server knows, one entry per mutation type. A feature adds its handlers here
 * (documents today). A type without a handler is rejected permanently with VALIDATION_FAILED.
 */
import { AppError } from '../../shared/errors.ts';
import type { Mutation, MutationOf, MutationType } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from './unitOfWork.ts';
import { addRecipients, sendDocument } from '../documents/send.ts';
import { applyDeliveryMutation } from '../documents/deliveries.ts';
import { PROPOSAL_HANDLERS } from '../proposals/apply.ts';
import { MEETING_HANDLERS } from '../meetings/apply.ts';

export type MutationHandler<T extends MutationType> = (uow: UnitOfWork, actor: Actor, m: MutationOf<T>) => Promise<void>;
type HandlerMap = { [T in MutationType]?: MutationHandler<T> };

export const HANDLERS: HandlerMap = {
  'document.send': sendDocument,
  'document.addRecipients': addRecipients,
  'delivery.read': applyDeliveryMutation,
  'delivery.sign': applyDeliveryMutation,
  'delivery.refuse': applyDeliveryMutation,
  'delivery.register': applyDeliveryMutation,
  'delivery.recall': applyDeliveryMutation,
  'delivery.remind': applyDeliveryMutation,
  ...PROPOSAL_HANDLERS,
  ...MEETING_HANDLERS,
};

export async function applyMutation(uow: UnitOfWork, actor: Actor, m: Mutation): Promise<void> {
  const handler = HANDLERS[m.type] as MutationHandler<typeof m.type> | undefined;
  if (!handler) throw new AppError('VALIDATION_FAILED', { reason: `this server does not handle ${m.type}` });
  await handler(uow, actor, m as never);
}
