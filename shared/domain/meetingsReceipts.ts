/**
 * Per-unit receipt of a meeting notice: 签收, 回执, 催办, and what a change notice does to them (pure).
 *
 * Conflict rule (secretary edits while a unit replies offline):
 *  - A receipt is keyed by (meetingId, unit). The server applies mutations in its commit order; for the reply the
 *    last writer wins (a unit may change its reply until the deadline, the latest accepted one stands).
 *  - Every sign and reply carries the notice version the unit saw. A change notice bumps the version and resets every
 *    unit's 签收 (signedAt/signedBy cleared) and flags an existing reply `needsReconfirm`.
 *  - A reply that arrives against an older version (written offline before the change reached the unit) is NOT lost:
 *    it is stored as the unit's reply with replyVersion = the old version and needsReconfirm = true, and the dashboard
 *    shows it as "to re-confirm". Signing the current version (or replying to it) confirms it again.
 *  - A sign against an older version is recorded (signedVersion) but does not count as signing the current version.
 */
import type { Meeting, MeetingReceipt, MeetingReply } from '../schemas/meetings.ts';

export function newReceipt(meeting: Pick<Meeting, 'id' | 'organiserUnit'>, unit: string, id: string, at: string): MeetingReceipt {
  return {
    id, meetingId: meeting.id, organiserUnit: meeting.organiserUnit, unit, deliveredAt: at,
    signedAt: null, signedBy: null, signedVersion: 0,
    reply: null, repliedAt: null, repliedBy: null, replyVersion: 0, needsReconfirm: false,
    remindCount: 0, lastRemindedAt: null, lastRemindMessage: null, updatedAt: at,
  };
}

/** Signed for the version now in force. */
export function isSignedCurrent(r: MeetingReceipt, meeting: Pick<Meeting, 'version'>): boolean {
  return r.signedAt !== null && r.signedVersion === meeting.version;
}

/** Replied, and the reply answers the version now in force. */
export function isRepliedCurrent(r: MeetingReceipt, meeting: Pick<Meeting, 'version'>): boolean {
  return r.reply !== null && !r.needsReconfirm && r.replyVersion === meeting.version;
}

export function applySign(r: MeetingReceipt, meeting: Pick<Meeting, 'version'>, s: { noticeVersion: number; by: string; at: string }): MeetingReceipt {
  if (s.noticeVersion < meeting.version) {
    return { ...r, signedVersion: Math.max(r.signedVersion, s.noticeVersion), updatedAt: s.at };
  }
  if (isSignedCurrent(r, meeting)) return r; // already signed this version: keep the first signature
  const confirmsReply = r.reply !== null && r.needsReconfirm;
  return {
    ...r, signedAt: s.at, signedBy: s.by, signedVersion: meeting.version,
    ...(confirmsReply ? { replyVersion: meeting.version, needsReconfirm: false } : {}),
    updatedAt: s.at,
  };
}

/** Last writer wins; a reply to the current version also counts as signing it. */
export function applyReply(
  r: MeetingReceipt, meeting: Pick<Meeting, 'version'>, x: { noticeVersion: number; reply: MeetingReply; by: string; at: string },
): MeetingReceipt {
  const stale = x.noticeVersion < meeting.version;
  const next: MeetingReceipt = {
    ...r, reply: x.reply, repliedAt: x.at, repliedBy: x.by, replyVersion: x.noticeVersion, needsReconfirm: stale, updatedAt: x.at,
  };
  if (!stale && !isSignedCurrent(r, meeting)) {
    return { ...next, signedAt: x.at, signedBy: x.by, signedVersion: meeting.version };
  }
  return next;
}

export function applyRemind(r: MeetingReceipt, x: { message: string | null; at: string }): MeetingReceipt {
  return { ...r, remindCount: r.remindCount + 1, lastRemindedAt: x.at, lastRemindMessage: x.message, updatedAt: x.at };
}

/** What a change notice does to a receipt: the unit must sign again; its reply is kept but must be re-confirmed. */
export function resetForChange(r: MeetingReceipt, at: string): MeetingReceipt {
  return { ...r, signedAt: null, signedBy: null, needsReconfirm: r.reply !== null, updatedAt: at };
}

/** Units worth a 催办: not signed for the current version, or no reply that answers it. */
export function needsReminder(r: MeetingReceipt, meeting: Pick<Meeting, 'version' | 'status'>): boolean {
  if (meeting.status === 'cancelled') return false;
  return !isSignedCurrent(r, meeting) || !isRepliedCurrent(r, meeting);
}

export type ReceiptState = 'unsigned' | 'signed' | 'attend' | 'leave' | 'substitute' | 'reconfirm';
export const RECEIPT_STATE_LABELS: Record<ReceiptState, string> = {
  unsigned: '未签收', signed: '已签收未回执', attend: '已回执（参会）', leave: '请假', substitute: '代会', reconfirm: '待重新确认',
};

export function receiptState(r: MeetingReceipt, meeting: Pick<Meeting, 'version'>): ReceiptState {
  if (r.reply !== null && !isRepliedCurrent(r, meeting)) return 'reconfirm';
  if (r.reply !== null) return r.reply.kind;
  return isSignedCurrent(r, meeting) ? 'signed' : 'unsigned';
}
