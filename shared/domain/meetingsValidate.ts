/**
 * Validation of meeting notices and unit replies (pure; the client checks before queueing, the server is the authority).
 *
 * Deadline rule for replies written offline: a reply counts at the earlier of its client time and the server's receipt
 * time, so a unit that replied before the deadline while offline is not punished for the network — but only within
 * OFFLINE_REPLY_GRACE_MS after the deadline (a client clock cannot hold a reply back indefinitely).
 */
import { AppError, type ErrorCode } from '../errors.ts';
import type { AttendanceRequirement, Meeting, MeetingDraft, MeetingReply } from '../schemas/meetings.ts';
import { isBefore } from './meetingsTime.ts';

export const OFFLINE_REPLY_GRACE_MS = 24 * 3600_000;

export interface NoticeIssue { code: ErrorCode; field: keyof MeetingDraft; rule: string }

export interface NoticeCheckOptions {
  now: string;
  /** For a change notice: the notice before it. Time-in-the-past checks apply only to fields the change touches. */
  before?: MeetingDraft;
}

/** Every problem with a notice about to be sent (or changed); empty when it may go out. */
export function noticeIssues(d: MeetingDraft, opts: NoticeCheckOptions): NoticeIssue[] {
  const issues: NoticeIssue[] = [];
  const touched = (f: 'startAt' | 'replyDeadline') => !opts.before || opts.before[f] !== d[f];
  if (!isBefore(d.startAt, d.endAt)) issues.push({ code: 'MEETING_TIME_INVALID', field: 'endAt', rule: 'end-after-start' });
  if (touched('startAt') && !isBefore(opts.now, d.startAt)) issues.push({ code: 'MEETING_TIME_INVALID', field: 'startAt', rule: 'start-in-future' });
  if (!isBefore(d.replyDeadline, d.startAt)) issues.push({ code: 'MEETING_DEADLINE_INVALID', field: 'replyDeadline', rule: 'deadline-before-start' });
  if (touched('replyDeadline') && !isBefore(opts.now, d.replyDeadline)) {
    issues.push({ code: 'MEETING_DEADLINE_INVALID', field: 'replyDeadline', rule: 'deadline-in-future' });
  }
  if (d.recipients.length === 0) issues.push({ code: 'MEETING_NO_RECIPIENT', field: 'recipients', rule: 'at-least-one' });
  if (new Set(d.recipients).size !== d.recipients.length) issues.push({ code: 'VALIDATION_FAILED', field: 'recipients', rule: 'no-duplicates' });
  const invited = new Set(d.recipients);
  if (d.attendanceByUnit.some((a) => !invited.has(a.unit))) {
    issues.push({ code: 'VALIDATION_FAILED', field: 'attendanceByUnit', rule: 'only-invited-units' });
  }
  if (new Set(d.materials.map((m) => m.sha256)).size !== d.materials.length) {
    issues.push({ code: 'VALIDATION_FAILED', field: 'materials', rule: 'no-duplicates' });
  }
  return issues;
}

/** Throws the first problem as an AppError (details list them all). */
export function assertNotice(d: MeetingDraft, opts: NoticeCheckOptions): void {
  const issues = noticeIssues(d, opts);
  if (issues.length > 0) throw new AppError(issues[0].code, { issues });
}

/** The requirement that applies to one invited unit. */
export function requirementFor(m: Pick<MeetingDraft, 'attendance' | 'attendanceByUnit'>, unit: string): AttendanceRequirement {
  return m.attendanceByUnit.find((a) => a.unit === unit)?.requirement ?? m.attendance;
}

/** Required attendees (sum of the slots) and the most accepted (plus extras). */
export function attendeeLimits(r: AttendanceRequirement): { required: number; max: number } {
  const required = r.slots.reduce((n, s) => n + s.count, 0);
  return { required, max: required + r.extraAllowed };
}

export function attendeesOf(reply: MeetingReply | null): number {
  if (!reply || reply.kind === 'leave') return 0;
  return reply.attendees.length;
}

export interface ReplyContext {
  meeting: Meeting;
  unit: string;
  noticeVersion: number;
  reply: MeetingReply;
  /** When the unit wrote it (client clock), and when the server applies it. */
  clientTime: string;
  now: string;
}

/** Checks a reply; returns whether it answers an older version than the current one (kept, flagged for re-confirmation). */
export function checkReply(ctx: ReplyContext): { stale: boolean } {
  const { meeting, reply } = ctx;
  if (meeting.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  if (!meeting.recipients.includes(ctx.unit)) throw new AppError('MEETING_NOT_INVITED');
  if (ctx.noticeVersion > meeting.version) throw new AppError('VALIDATION_FAILED', { rule: 'unknown-version' });
  const deadline = Date.parse(meeting.replyDeadline);
  const counted = Math.min(Date.parse(ctx.clientTime), Date.parse(ctx.now));
  if (counted > deadline || Date.parse(ctx.now) > deadline + OFFLINE_REPLY_GRACE_MS) {
    throw new AppError('DEADLINE_PASSED', { deadline: meeting.replyDeadline });
  }
  if (reply.kind !== 'leave') {
    const { max } = attendeeLimits(requirementFor(meeting, ctx.unit));
    if (reply.attendees.length > max) throw new AppError('MEETING_TOO_MANY_ATTENDEES', { max, given: reply.attendees.length });
    const names = reply.attendees.map((a) => a.name);
    if (new Set(names).size !== names.length) throw new AppError('VALIDATION_FAILED', { rule: 'duplicate-attendee' });
  }
  return { stale: ctx.noticeVersion < meeting.version };
}

/** Checks a 签收: invited, and a version that exists. Signing a cancelled meeting acknowledges the cancellation. */
export function checkSign(meeting: Meeting, unit: string, noticeVersion: number): { stale: boolean } {
  if (!meeting.recipients.includes(unit)) throw new AppError('MEETING_NOT_INVITED');
  if (noticeVersion > meeting.version) throw new AppError('VALIDATION_FAILED', { rule: 'unknown-version' });
  return { stale: noticeVersion < meeting.version };
}
