/** Builders shared by the meeting tests: a notice to N units, receipts, replies. */
import type { Attendee, Meeting, MeetingDraft, MeetingReply } from '../../shared/schemas/meetings.ts';
import { createMeeting } from '../../shared/domain/meetingsChange.ts';

export const NOW = '2026-11-27T02:00:00.000Z'; // 10:00 in Harbin
export const UNITS = ['SFGW', 'SJYJ', 'SCZJ', 'SGAJ', 'SMZJ', 'SSFJ', 'SRSJ', 'SZJW', 'SJTJ', 'SSWJ'];

export function draft(over: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    title: '全市安全生产工作会议',
    type: 'work',
    startAt: '2026-12-01T01:00:00.000Z', // 09:00 Shanghai
    endAt: '2026-12-01T03:30:00.000Z', // 11:30
    place: '市政府第一会议室',
    room: '第一会议室',
    organiserName: '市政府办公厅',
    contactName: '王秘书',
    contactPhone: '0451-86000000',
    attendance: { slots: [{ role: '分管领导', count: 1 }, { role: '工作人员', count: 1 }], extraAllowed: 0 },
    attendanceByUnit: [],
    agenda: [{ topic: '通报今年安全生产形势', presenter: '市应急局' }, { topic: '部署冬季安全工作', presenter: null }],
    notes: '请着正装，携带本单位工作汇报材料',
    replyDeadline: '2026-11-30T08:00:00.000Z', // 16:00 the day before
    materials: [],
    urgency: 'urgent',
    recipients: UNITS,
    ...over,
  };
}

export const ACTOR = { userId: '01960000-0000-7000-8000-000000000001', name: '王秘书', unit: 'BGT' };
export const MEETING_ID = '01960000-0000-7000-8000-0000000000aa';

export function meeting(over: Partial<MeetingDraft> = {}): Meeting {
  return createMeeting(MEETING_ID, draft(over), ACTOR, NOW);
}

export const person = (name: string, title = '副局长', phone = '13800000000'): Attendee => ({ name, title, phone });
export const attend = (...names: string[]): MeetingReply => ({ kind: 'attend', attendees: names.map((n) => person(n)), note: null });
export const leave = (reason = '参加省里会议'): MeetingReply => ({ kind: 'leave', reason });
export const substitute = (insteadOf: string, ...names: string[]): MeetingReply => ({
  kind: 'substitute', insteadOf, reason: '出差', attendees: names.map((n) => person(n)),
});
