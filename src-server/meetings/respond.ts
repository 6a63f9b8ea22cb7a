/**
 * The invited unit's side on the server: 签收 and 回执. The receipt is keyed by (meeting, unit); mutations apply in
 * commit order (last writer wins) and a reply to an older notice version is kept and flagged (see meetingsReceipts.ts).
 */
import { AppError } from '../../shared/errors.ts';
import { can } from '../../shared/domain/permissions.ts';
import { applyReply, applySign } from '../../shared/domain/meetingsReceipts.ts';
import { checkReply, checkSign } from '../../shared/domain/meetingsValidate.ts';
import type { MutationOf } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { emitReceipt, loadMeetingFor, loadReceipt, saveReceipt } from './rows.ts';

export async function signMeeting(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.sign'>): Promise<void> {
  if (!can(actor.roles, 'meetings.reply')) throw new AppError('FORBIDDEN');
  const m = await loadMeetingFor(uow, mu.payload.meetingId, actor.unitCode);
  checkSign(m, actor.unitCode, mu.payload.noticeVersion);
  const before = await loadReceipt(uow, m.id, actor.unitCode);
  const r = applySign(before, m, { noticeVersion: mu.payload.noticeVersion, by: actor.displayName, at: uow.at });
  if (r === before) return;
  await saveReceipt(uow, r, false);
  emitReceipt(uow, r);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meetingReceipt', entityId: r.id, content: r });
}

export async function replyMeeting(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.reply'>): Promise<void> {
  if (!can(actor.roles, 'meetings.reply')) throw new AppError('FORBIDDEN');
  const m = await loadMeetingFor(uow, mu.payload.meetingId, actor.unitCode);
  checkReply({ meeting: m, unit: actor.unitCode, noticeVersion: mu.payload.noticeVersion, reply: mu.payload.reply, clientTime: mu.clientTime, now: uow.at });
  const before = await loadReceipt(uow, m.id, actor.unitCode);
  const r = applyReply(before, m, { noticeVersion: mu.payload.noticeVersion, reply: mu.payload.reply, by: actor.displayName, at: uow.at });
  await saveReceipt(uow, r, false);
  emitReceipt(uow, r);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meetingReceipt', entityId: r.id, content: r });
}
