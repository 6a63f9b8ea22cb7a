/** The invited unit's writes: 签收 and 回执, against the notice version shown (the server keeps replies to older ones). */
import { AppError } from '../../../shared/errors.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { checkReply, checkSign } from '../../../shared/domain/meetingsValidate.ts';
import type { Meeting, MeetingReply } from '../../../shared/schemas/meetings.ts';
import type { Profile } from '../profile.ts';
import { enqueue } from '../sync/outbox.ts';
import { getMeetingRow, receiptKey, recomputeReceipt } from './rows.ts';

function invitedMeeting(p: Profile, meetingId: string): Meeting {
  if (!can(p.session.user.roles, 'meetings.reply')) throw new AppError('FORBIDDEN');
  const row = getMeetingRow(p.db, meetingId);
  if (!row) throw new AppError('NOT_FOUND', { meetingId });
  if (!row.view.recipients.includes(p.unit)) throw new AppError('MEETING_NOT_INVITED');
  return row.view;
}

export function sign(p: Profile, meetingId: string): void {
  const m = invitedMeeting(p, meetingId);
  checkSign(m, p.unit, m.version);
  enqueue(p.db, { type: 'meeting.sign', payload: { meetingId, noticeVersion: m.version } }, receiptKey(meetingId, p.unit));
  recomputeReceipt(p.db, meetingId, p.unit, { actor: p.actor });
}

export function reply(p: Profile, meetingId: string, answer: MeetingReply): void {
  const m = invitedMeeting(p, meetingId);
  const now = new Date().toISOString();
  checkReply({ meeting: m, unit: p.unit, noticeVersion: m.version, reply: answer, clientTime: now, now });
  enqueue(p.db, { type: 'meeting.reply', payload: { meetingId, noticeVersion: m.version, reply: answer } }, receiptKey(meetingId, p.unit), now);
  recomputeReceipt(p.db, meetingId, p.unit, { actor: p.actor });
}
