/**
 * The organiser's side of a meeting notice on the server (the authority): send, change (变更通知, every unit signs
 * again), cancel, remind (催办), minutes (纪要). Rules are the pure functions of shared/domain/meetings*.ts.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors.ts';
import { can } from '../../shared/domain/permissions.ts';
import { applyChange, attachMinutes, cancelMeeting, createMeeting } from '../../shared/domain/meetingsChange.ts';
import { applyRemind, needsReminder, newReceipt, resetForChange } from '../../shared/domain/meetingsReceipts.ts';
import type { AttachmentRef } from '../../shared/schemas/blobs.ts';
import type { Meeting } from '../../shared/schemas/meetings.ts';
import type { MutationOf } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { grantBlobAccess, hasBlobAccess } from '../blobs/access.ts';
import { emitMeeting, emitReceipt, listReceipts, loadMeetingFor, meetingExists, saveMeeting, saveReceipt } from './rows.ts';

function actorOf(a: Actor) {
  return { userId: a.userId, name: a.displayName, unit: a.unitCode };
}

async function checkRecipients(uow: UnitOfWork, actor: Actor, codes: readonly string[]): Promise<void> {
  if (codes.includes(actor.unitCode)) throw new AppError('VALIDATION_FAILED', { reason: 'the organiser is not invited to its own notice', unit: actor.unitCode });
  const rows = await uow.trx.selectFrom('units').select(['code', 'disabled']).where('code', 'in', [...codes]).execute();
  const ok = new Set(rows.filter((r) => Number(r.disabled) === 0).map((r) => r.code));
  const bad = codes.filter((c) => !ok.has(c));
  if (bad.length > 0) throw new AppError('VALIDATION_FAILED', { reason: 'unknown or disabled units', units: bad });
}

async function checkFiles(uow: UnitOfWork, actor: Actor, files: readonly AttachmentRef[]): Promise<void> {
  for (const f of files) {
    const blob = await uow.trx.selectFrom('blobs').select(['size', 'kind']).where('sha256', '=', f.sha256).executeTakeFirst();
    if (!blob || !(await hasBlobAccess(uow.trx, f.sha256, actor.unitCode))) throw new AppError('DOC_BLOB_MISSING', { sha256: f.sha256, name: f.name });
    if (Number(blob.size) !== f.size || blob.kind !== f.kind) throw new AppError('VALIDATION_FAILED', { reason: 'file size or kind differs', sha256: f.sha256 });
  }
}

async function shareFiles(uow: UnitOfWork, m: Meeting, files: readonly AttachmentRef[]): Promise<void> {
  for (const f of files) await grantBlobAccess(uow.trx, f.sha256, m.recipients, 'record', uow.at);
}

async function loadOwn(uow: UnitOfWork, actor: Actor, meetingId: string): Promise<Meeting> {
  if (!can(actor.roles, 'meetings.organise')) throw new AppError('FORBIDDEN');
  const m = await loadMeetingFor(uow, meetingId, actor.unitCode);
  if (m.organiserUnit !== actor.unitCode) throw new AppError('FORBIDDEN', { reason: 'only the organiser unit may do this' });
  return m;
}

export async function sendMeeting(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.send'>): Promise<void> {
  if (!can(actor.roles, 'meetings.organise')) throw new AppError('FORBIDDEN');
  const { meetingId, ...draft } = mu.payload;
  if (draft.recipients.length === 0) throw new AppError('MEETING_NO_RECIPIENT');
  await checkRecipients(uow, actor, draft.recipients);
  await checkFiles(uow, actor, draft.materials);
  if (await meetingExists(uow, meetingId)) throw new AppError('CONFLICT', { meetingId });
  const m = createMeeting(meetingId, draft, actorOf(actor), uow.at);
  await saveMeeting(uow, m, true);
  emitMeeting(uow, m);
  for (const unit of m.recipients) {
    const r = newReceipt(m, unit, uuidv7(), uow.at);
    await saveReceipt(uow, r, true);
    emitReceipt(uow, r);
  }
  await shareFiles(uow, m, m.materials);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meeting', entityId: m.id, content: m });
}

export async function changeMeeting(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.change'>): Promise<void> {
  const before = await loadOwn(uow, actor, mu.payload.meetingId);
  if (mu.payload.patch.materials) await checkFiles(uow, actor, mu.payload.patch.materials);
  const { meeting } = applyChange(before, { ...mu.payload, by: actor.displayName, now: uow.at });
  await saveMeeting(uow, meeting, false);
  emitMeeting(uow, meeting);
  for (const r of await listReceipts(uow, meeting.id)) {
    const reset = resetForChange(r, uow.at);
    await saveReceipt(uow, reset, false);
    emitReceipt(uow, reset);
  }
  await shareFiles(uow, meeting, meeting.materials);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meeting', entityId: meeting.id, content: meeting });
}

export async function cancelMeetingMutation(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.cancel'>): Promise<void> {
  const m = cancelMeeting(await loadOwn(uow, actor, mu.payload.meetingId), mu.payload.reason, uow.at);
  await saveMeeting(uow, m, false);
  emitMeeting(uow, m);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meeting', entityId: m.id, content: m });
}

/** 催办: units named must be invited; those that already signed and replied to the current version are skipped. */
export async function remindUnits(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.remind'>): Promise<void> {
  const m = await loadOwn(uow, actor, mu.payload.meetingId);
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  const notInvited = mu.payload.units.filter((u) => !m.recipients.includes(u));
  if (notInvited.length > 0) throw new AppError('MEETING_NOT_INVITED', { units: notInvited });
  const wanted = new Set(mu.payload.units);
  const reminded: string[] = [];
  for (const r of await listReceipts(uow, m.id)) {
    if (!wanted.has(r.unit) || !needsReminder(r, m)) continue;
    const next = applyRemind(r, { message: mu.payload.message, at: uow.at });
    await saveReceipt(uow, next, false);
    emitReceipt(uow, next);
    reminded.push(r.unit);
  }
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meeting', entityId: m.id, content: { reminded, message: mu.payload.message } });
}

export async function addMinutes(uow: UnitOfWork, actor: Actor, mu: MutationOf<'meeting.minutes'>): Promise<void> {
  const before = await loadOwn(uow, actor, mu.payload.meetingId);
  await checkFiles(uow, actor, mu.payload.minutes);
  const m = attachMinutes(before, mu.payload.minutes, mu.payload.note, uow.at);
  await saveMeeting(uow, m, false);
  emitMeeting(uow, m);
  await shareFiles(uow, m, m.minutes);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: mu.type, entity: 'meeting', entityId: m.id, content: m });
}
