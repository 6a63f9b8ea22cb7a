/**
 * The organiser's writes, each in the caller's one local transaction: the local effect and one outbox mutation.
 * Rules are checked here first with the same pure functions the server applies (works offline).
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { applyChange, attachMinutes, cancelMeeting, createMeeting } from '../../../shared/domain/meetingsChange.ts';
import { needsReminder } from '../../../shared/domain/meetingsReceipts.ts';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import type { Meeting, MeetingDraft, MeetingPatch } from '../../../shared/schemas/meetings.ts';
import type { Mutation } from '../../../shared/sync/protocol.ts';
import type { Profile } from '../profile.ts';
import { unitByCode } from '../directory/directoryStore.ts';
import { enqueue } from '../sync/outbox.ts';
import { getMeetingRow, receiptRows, recomputeMeeting, writeLocalMeeting } from './rows.ts';

const meOf = (p: Profile) => ({ actor: p.actor });

function requireOrganiser(p: Profile): void {
  if (!can(p.session.user.roles, 'meetings.organise')) throw new AppError('FORBIDDEN');
}

/** The caller's unit organises it, and the server already has it (edits to a notice still being sent wait). */
export function ownMeeting(p: Profile, meetingId: string): Meeting {
  requireOrganiser(p);
  const row = getMeetingRow(p.db, meetingId);
  if (!row || row.view.organiserUnit !== p.unit) throw new AppError('NOT_FOUND', { meetingId });
  if (!row.server_data) throw new AppError('DELIVERY_BAD_STATE', { meetingId }, '会议通知尚未发送到服务器，请联网同步后再操作');
  return row.view;
}

function checkStagedFiles(p: Profile, files: readonly AttachmentRef[]): void {
  if (new Set(files.map((f) => f.sha256)).size !== files.length) throw new AppError('VALIDATION_FAILED', { field: 'materials' }, '会议材料重复');
  for (const f of files) {
    const b = p.db.prepare('SELECT kind, size, available FROM blobs WHERE sha256 = ?').get(f.sha256) as { kind: string; size: number; available: number } | undefined;
    if (!b || !b.available || !p.files.has(f.sha256)) throw new AppError('DOC_BLOB_MISSING', { sha256: f.sha256, name: f.name });
    if (b.kind !== f.kind || b.size !== f.size) throw new AppError('VALIDATION_FAILED', { sha256: f.sha256 }, '材料信息与文件内容不符');
  }
}

function checkUnits(p: Profile, units: readonly string[]): void {
  const known = (p.db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n > 0;
  for (const code of units) {
    if (code === p.unit) throw new AppError('VALIDATION_FAILED', { field: 'recipients', unit: code }, '不能通知本单位');
    if (!known) continue; // directory not fetched yet: the server checks
    const u = unitByCode(p.db, code);
    if (!u || u.disabled) throw new AppError('VALIDATION_FAILED', { field: 'recipients', unit: code }, `参会单位不存在或已停用：${code}`);
  }
}

/** Read-only checks before the write transaction. */
export function validateSend(p: Profile, draft: MeetingDraft): void {
  requireOrganiser(p);
  if (draft.recipients.length === 0) throw new AppError('MEETING_NO_RECIPIENT');
  checkUnits(p, draft.recipients);
  checkStagedFiles(p, draft.materials);
}

export function sendMeeting(p: Profile, draft: MeetingDraft, draftId: string | null): string {
  const meetingId = uuidv7();
  const now = new Date().toISOString();
  const m = createMeeting(meetingId, draft, { userId: p.session.user.id, name: p.actor, unit: p.unit }, now);
  enqueue(p.db, { type: 'meeting.send', payload: { ...draft, meetingId } }, meetingId, now);
  writeLocalMeeting(p.db, m, meOf(p));
  if (draftId) p.db.prepare('DELETE FROM meeting_drafts WHERE id = ?').run(draftId);
  return meetingId;
}

export function changeMeeting(p: Profile, meetingId: string, patch: MeetingPatch, reason: string | null): number {
  const m = ownMeeting(p, meetingId);
  if (patch.materials) checkStagedFilesOrKnown(p, m, patch.materials);
  const now = new Date().toISOString();
  const { meeting } = applyChange(m, { baseVersion: m.version, patch, reason, by: p.actor, now });
  enqueue(p.db, { type: 'meeting.change', payload: { meetingId, baseVersion: m.version, patch, reason } }, meetingId, now);
  recomputeMeeting(p.db, meetingId, meOf(p));
  return meeting.version;
}

/** Files already on the notice need not be staged again; new ones must be. */
function checkStagedFilesOrKnown(p: Profile, m: Meeting, files: readonly AttachmentRef[]): void {
  const known = new Set(m.materials.map((f) => f.sha256));
  checkStagedFiles(p, files.filter((f) => !known.has(f.sha256)));
}

export function cancel(p: Profile, meetingId: string, reason: string): void {
  const m = ownMeeting(p, meetingId);
  const now = new Date().toISOString();
  cancelMeeting(m, reason, now); // throws MEETING_CANCELLED
  enqueue(p.db, { type: 'meeting.cancel', payload: { meetingId, reason } }, meetingId, now);
  recomputeMeeting(p.db, meetingId, meOf(p));
}

/** 催办 the named units (or every unit that has not signed or replied); returns how many need it. */
export function remind(p: Profile, meetingId: string, units: string[] | null, message: string | null): number {
  const m = ownMeeting(p, meetingId);
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  const notInvited = (units ?? []).filter((u) => !m.recipients.includes(u));
  if (notInvited.length > 0) throw new AppError('MEETING_NOT_INVITED', { units: notInvited });
  const wanted = new Set(units ?? m.recipients);
  const targets = receiptRows(p.db, meetingId).filter((r) => wanted.has(r.unit) && needsReminder(r.view, m)).map((r) => r.unit);
  if (targets.length === 0) return 0;
  enqueue(p.db, { type: 'meeting.remind', payload: { meetingId, units: targets, message } }, meetingId);
  recomputeMeeting(p.db, meetingId, meOf(p));
  return targets.length;
}

export function addMinutes(p: Profile, meetingId: string, minutes: AttachmentRef[], note: string | null): void {
  const m = ownMeeting(p, meetingId);
  checkStagedFiles(p, minutes);
  const now = new Date().toISOString();
  attachMinutes(m, minutes, note, now);
  enqueue(p.db, { type: 'meeting.minutes', payload: { meetingId, minutes, note } }, meetingId, now);
  recomputeMeeting(p.db, meetingId, meOf(p));
}

/** Files a pushed meeting mutation names (uploaded before the mutation itself). */
export function meetingFilesOf(m: Mutation): AttachmentRef[] {
  switch (m.type) {
    case 'meeting.send': return m.payload.materials;
    case 'meeting.change': return m.payload.patch.materials ?? [];
    case 'meeting.minutes': return m.payload.minutes;
    default: return [];
  }
}
