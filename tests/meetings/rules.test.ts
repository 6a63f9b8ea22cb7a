import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { MeetingDraftSchema, MeetingReplySchema } from '../../shared/schemas/meetings.ts';
import { MutationSchema, ChangeSchema } from '../../shared/sync/protocol.ts';
import { applyChange, attachMinutes, cancelMeeting, diffNotice, draftOf } from '../../shared/domain/meetingsChange.ts';
import { checkReply, checkSign, noticeIssues, OFFLINE_REPLY_GRACE_MS } from '../../shared/domain/meetingsValidate.ts';
import { formatShanghai, formatShanghaiRange } from '../../shared/domain/meetingsTime.ts';
import { ACTOR, attend, draft, leave, meeting, NOW, person, UNITS } from './fixtures.ts';

const codeOf = (f: () => unknown): string | null => {
  try { f(); return null; } catch (e) { return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`; }
};

describe('notice validation', () => {
  it('accepts a well-formed notice and the schema parses it', () => {
    expect(noticeIssues(draft(), { now: NOW })).toEqual([]);
    expect(MeetingDraftSchema.safeParse(draft()).success).toBe(true);
  });
  it('refuses an end before the start', () => {
    const issues = noticeIssues(draft({ endAt: '2026-12-01T00:30:00.000Z' }), { now: NOW });
    expect(issues.map((i) => [i.code, i.rule])).toEqual([['MEETING_TIME_INVALID', 'end-after-start']]);
  });
  it('refuses a reply deadline after the start, or already past', () => {
    expect(noticeIssues(draft({ replyDeadline: '2026-12-01T02:00:00.000Z' }), { now: NOW }).map((i) => i.rule)).toEqual(['deadline-before-start']);
    expect(noticeIssues(draft({ replyDeadline: '2026-11-27T01:00:00.000Z' }), { now: NOW }).map((i) => i.rule)).toEqual(['deadline-in-future']);
  });
  it('refuses a meeting in the past, no recipients, duplicate recipients, per-unit rules for uninvited units', () => {
    expect(noticeIssues(draft({ startAt: '2026-11-26T01:00:00.000Z', endAt: '2026-11-26T02:00:00.000Z', replyDeadline: '2026-11-25T01:00:00.000Z' }), { now: NOW })
      .map((i) => i.rule)).toEqual(['start-in-future', 'deadline-in-future']);
    expect(noticeIssues(draft({ recipients: [] }), { now: NOW }).map((i) => i.code)).toEqual(['MEETING_NO_RECIPIENT']);
    expect(noticeIssues(draft({ recipients: ['SFGW', 'SFGW'] }), { now: NOW }).map((i) => i.rule)).toEqual(['no-duplicates']);
    const req = { slots: [{ role: '主要负责同志', count: 1 }], extraAllowed: 0 };
    expect(noticeIssues(draft({ attendanceByUnit: [{ unit: 'XXXX', requirement: req }] }), { now: NOW }).map((i) => i.rule)).toEqual(['only-invited-units']);
  });
  it('createMeeting throws the coded error', () => {
    expect(codeOf(() => meeting({ endAt: '2026-12-01T00:00:00.000Z' }))).toBe('MEETING_TIME_INVALID');
  });
  it('shows times in Asia/Shanghai', () => {
    expect(formatShanghai('2026-12-01T01:00:00.000Z')).toBe('2026年12月1日 09:00');
    expect(formatShanghaiRange('2026-12-01T01:00:00.000Z', '2026-12-01T03:30:00.000Z')).toBe('2026年12月1日 09:00—11:30');
    expect(formatShanghai('2026-11-30T16:30:00.000Z')).toBe('2026年12月1日 00:30');
  });
});

describe('reply validation', () => {
  const m = meeting();
  const ctx = { meeting: m, unit: 'SFGW', noticeVersion: 1, reply: attend('张三', '李四'), clientTime: NOW, now: NOW };
  it('accepts an invited unit before the deadline within the allowed count', () => {
    expect(checkReply(ctx)).toEqual({ stale: false });
    expect(checkReply({ ...ctx, reply: leave() })).toEqual({ stale: false });
  });
  it('refuses a unit that is not invited', () => {
    expect(codeOf(() => checkReply({ ...ctx, unit: 'SWSJ' }))).toBe('MEETING_NOT_INVITED');
    expect(codeOf(() => checkSign(m, 'SWSJ', 1))).toBe('MEETING_NOT_INVITED');
  });
  it('refuses more attendees than the notice allows, and allows extras when granted', () => {
    expect(codeOf(() => checkReply({ ...ctx, reply: attend('张三', '李四', '王五') }))).toBe('MEETING_TOO_MANY_ATTENDEES');
    const m2 = meeting({ attendanceByUnit: [{ unit: 'SFGW', requirement: { slots: [{ role: '分管领导', count: 1 }, { role: '工作人员', count: 1 }], extraAllowed: 1 } }] });
    expect(checkReply({ ...ctx, meeting: m2, reply: attend('张三', '李四', '王五') })).toEqual({ stale: false });
  });
  it('refuses a reply after the deadline, but keeps one written offline before it and delivered within the grace', () => {
    const late = '2026-11-30T09:00:00.000Z';
    expect(codeOf(() => checkReply({ ...ctx, clientTime: late, now: late }))).toBe('DEADLINE_PASSED');
    expect(checkReply({ ...ctx, clientTime: '2026-11-30T07:00:00.000Z', now: late })).toEqual({ stale: false });
    const tooLate = new Date(Date.parse(m.replyDeadline) + OFFLINE_REPLY_GRACE_MS + 1000).toISOString();
    expect(codeOf(() => checkReply({ ...ctx, clientTime: '2026-11-30T07:00:00.000Z', now: tooLate }))).toBe('DEADLINE_PASSED');
    // a client clock set in the future does not help
    expect(codeOf(() => checkReply({ ...ctx, clientTime: '2026-11-29T00:00:00.000Z', now: late }))).toBeNull();
  });
  it('refuses a reply to a cancelled meeting and duplicate attendee names', () => {
    expect(codeOf(() => checkReply({ ...ctx, meeting: cancelMeeting(m, '改期', NOW) }))).toBe('MEETING_CANCELLED');
    expect(codeOf(() => checkReply({ ...ctx, reply: { kind: 'attend', attendees: [person('张三'), person('张三')], note: null } }))).toBe('VALIDATION_FAILED');
  });
  it('the reply schema refuses an empty attendee list and leave without a reason', () => {
    expect(MeetingReplySchema.safeParse({ kind: 'attend', attendees: [], note: null }).success).toBe(false);
    expect(MeetingReplySchema.safeParse({ kind: 'leave', reason: '' }).success).toBe(false);
  });
});

describe('change notice', () => {
  const m = meeting();
  it('bumps the version, records what changed with Shanghai times, and marks the meeting changed', () => {
    const { meeting: m2, diff } = applyChange(m, {
      baseVersion: 1, patch: { startAt: '2026-12-01T06:00:00.000Z', endAt: '2026-12-01T08:00:00.000Z', place: '市政府第二会议室' },
      reason: '与省政府会议冲突', by: ACTOR.name, now: NOW,
    });
    expect(m2.version).toBe(2);
    expect(m2.status).toBe('changed');
    expect(diff.map((d) => d.field)).toEqual(['startAt', 'endAt', 'place']);
    expect(diff[0]).toEqual({ field: 'startAt', label: '开始时间', before: '2026年12月1日 09:00', after: '2026年12月1日 14:00' });
    expect(m2.changes).toHaveLength(1);
    expect(m2.changes[0].diff).toEqual(diff);
    expect(m2.recipients).toEqual(UNITS);
  });
  it('refuses a change on a cancelled meeting, a stale base version, an empty change, and an invalid result', () => {
    expect(codeOf(() => applyChange(cancelMeeting(m, '取消', NOW), { baseVersion: 1, patch: { place: 'x' }, reason: null, by: 'a', now: NOW }))).toBe('MEETING_CANCELLED');
    const { meeting: m2 } = applyChange(m, { baseVersion: 1, patch: { place: '新地点' }, reason: null, by: 'a', now: NOW });
    expect(codeOf(() => applyChange(m2, { baseVersion: 1, patch: { place: '又一个地点' }, reason: null, by: 'b', now: NOW }))).toBe('CONFLICT');
    expect(codeOf(() => applyChange(m, { baseVersion: 1, patch: { place: m.place }, reason: null, by: 'a', now: NOW }))).toBe('MEETING_NOTHING_CHANGED');
    expect(codeOf(() => applyChange(m, { baseVersion: 1, patch: { endAt: '2026-12-01T00:00:00.000Z' }, reason: null, by: 'a', now: NOW }))).toBe('MEETING_TIME_INVALID');
  });
  it('diffs agenda and attendance as readable text', () => {
    const before = draftOf(m);
    const diff = diffNotice(before, { ...before, agenda: [...before.agenda, { topic: '其他事项', presenter: null }], attendance: { slots: [{ role: '主要负责同志', count: 1 }], extraAllowed: 1 } });
    expect(diff.map((d) => d.field)).toEqual(['attendance', 'agenda']);
    expect(diff[0].before).toBe('分管领导1人、工作人员1人');
    expect(diff[0].after).toBe('主要负责同志1人（可另带1人）');
    expect(diff[1].after).toContain('3. 其他事项');
  });
  it('cancel twice is refused; minutes are deduplicated and refused after cancelling', () => {
    const c = cancelMeeting(m, '改期', NOW);
    expect(c.status).toBe('cancelled');
    expect(codeOf(() => cancelMeeting(c, '再次', NOW))).toBe('MEETING_CANCELLED');
    const file = { sha256: 'a'.repeat(64), name: '纪要.pdf', size: 10, kind: 'pdf' as const };
    const withMinutes = attachMinutes(attachMinutes(m, [file], '会议纪要', NOW), [file], null, NOW);
    expect(withMinutes.minutes).toHaveLength(1);
    expect(withMinutes.minutesNote).toBe('会议纪要');
    expect(codeOf(() => attachMinutes(c, [file], null, NOW))).toBe('MEETING_CANCELLED');
  });
});

describe('sync protocol', () => {
  it('carries meeting mutations and changes in the shared unions', () => {
    const mut = { id: '01960000-0000-7000-8000-0000000000b1', clientTime: NOW, type: 'meeting.reply', payload: { meetingId: meeting().id, noticeVersion: 1, reply: leave() } };
    expect(MutationSchema.safeParse(mut).success).toBe(true);
    expect(MutationSchema.safeParse({ ...mut, payload: { ...mut.payload, extra: 1 } }).success).toBe(false);
    expect(ChangeSchema.safeParse({ seq: 3, entity: 'meeting', data: meeting() }).success).toBe(true);
  });
});
