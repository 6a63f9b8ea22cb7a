/**
 * The secretary's live dashboard for one meeting: counts and one row per invited unit (pure, from the notice and receipts).
 */
import type { Meeting, MeetingReceipt } from '../schemas/meetings.ts';
import { isRepliedCurrent, isSignedCurrent, receiptState, type ReceiptState } from './meetingsReceipts.ts';
import { attendeeLimits, attendeesOf, requirementFor } from './meetingsValidate.ts';

export interface DashboardRow {
  unit: string;
  state: ReceiptState;
  delivered: boolean;
  signed: boolean;
  replyKind: 'attend' | 'leave' | 'substitute' | null;
  attendees: number;
  required: number;
  max: number;
  /** Required minus named attendees, for units that reply attend/substitute with fewer than required. */
  shortBy: number;
  needsReconfirm: boolean;
  remindCount: number;
}

export interface DashboardCounts {
  invited: number;
  delivered: number;
  /** Signed for the current version. */
  signed: number;
  /** Replied to the current version (attend + substitute + leave). */
  replied: number;
  attend: number;
  leave: number;
  substitute: number;
  /** Replies to an older version, waiting for the unit to confirm again. */
  reconfirm: number;
  /** No reply at all. */
  notAnswered: number;
  unsigned: number;
  /** Attendees named by the units (attend and substitute replies, current or to re-confirm). */
  attendees: number;
  /** Sum of the required attendees over the invited units that have not asked for leave. */
  required: number;
}

export function meetingDashboard(meeting: Meeting, receipts: readonly MeetingReceipt[]): { counts: DashboardCounts; rows: DashboardRow[] } {
  const byUnit = new Map(receipts.filter((r) => r.meetingId === meeting.id).map((r) => [r.unit, r]));
  const rows: DashboardRow[] = meeting.recipients.map((unit) => {
    const r = byUnit.get(unit);
    const { required, max } = attendeeLimits(requirementFor(meeting, unit));
    if (!r) {
      return { unit, state: 'unsigned', delivered: false, signed: false, replyKind: null, attendees: 0, required, max, shortBy: 0, needsReconfirm: false, remindCount: 0 };
    }
    const attendees = attendeesOf(r.reply);
    const kind = r.reply?.kind ?? null;
    return {
      unit, state: receiptState(r, meeting), delivered: true, signed: isSignedCurrent(r, meeting), replyKind: kind, attendees, required, max,
      shortBy: kind === 'attend' || kind === 'substitute' ? Math.max(0, required - attendees) : 0,
      needsReconfirm: r.reply !== null && !isRepliedCurrent(r, meeting), remindCount: r.remindCount,
    };
  });
  const count = (f: (row: DashboardRow) => boolean) => rows.filter(f).length;
  const counts: DashboardCounts = {
    invited: rows.length,
    delivered: count((x) => x.delivered),
    signed: count((x) => x.signed),
    replied: count((x) => x.replyKind !== null && !x.needsReconfirm),
    attend: count((x) => x.replyKind === 'attend' && !x.needsReconfirm),
    leave: count((x) => x.replyKind === 'leave' && !x.needsReconfirm),
    substitute: count((x) => x.replyKind === 'substitute' && !x.needsReconfirm),
    reconfirm: count((x) => x.needsReconfirm),
    notAnswered: count((x) => x.replyKind === null),
    unsigned: count((x) => !x.signed),
    attendees: rows.reduce((n, x) => n + x.attendees, 0),
    required: rows.filter((x) => x.replyKind !== 'leave').reduce((n, x) => n + x.required, 0),
  };
  return { counts, rows };
}
