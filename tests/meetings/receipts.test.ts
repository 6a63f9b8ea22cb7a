import { describe, expect, it } from 'vitest';
import type { MeetingReceipt } from '../../shared/schemas/meetings.ts';
import { applyChange, cancelMeeting } from '../../shared/domain/meetingsChange.ts';
import { applyRemind, applyReply, applySign, needsReminder, newReceipt, receiptState, resetForChange } from '../../shared/domain/meetingsReceipts.ts';
import { meetingDashboard } from '../../shared/domain/meetingsDashboard.ts';
import { conflictingIds, findCalendarConflicts, findRoomConflicts, roomKey } from '../../shared/domain/meetingsConflicts.ts';
import { attend, leave, meeting, NOW, substitute, UNITS } from './fixtures.ts';

const rid = (i: number) => `01960000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const T1 = '2026-11-27T03:00:00.000Z';
const T2 = '2026-11-27T04:00:00.000Z';

describe('receipt lifecycle and the conflict rule', () => {
  const m1 = meeting();
  const fresh = () => newReceipt(m1, 'SFGW', rid(1), NOW);
  it('sign, then reply; replying to the current version also signs it', () => {
    const signed = applySign(fresh(), m1, { noticeVersion: 1, by: '李收发', at: T1 });
    expect(receiptState(signed, m1)).toBe('signed');
    const again = applySign(signed, m1, { noticeVersion: 1, by: '别人', at: T2 });
    expect(again.signedBy).toBe('李收发'); // the first signature stands
    const replied = applyReply(fresh(), m1, { noticeVersion: 1, reply: leave(), by: '李收发', at: T1 });
    expect(replied.signedAt).toBe(T1);
    expect(receiptState(replied, m1)).toBe('leave');
  });
  it('last writer wins: a later reply replaces the earlier one', () => {
    let r = applyReply(fresh(), m1, { noticeVersion: 1, reply: attend('张三'), by: 'a', at: T1 });
    r = applyReply(r, m1, { noticeVersion: 1, reply: substitute('张局长', '李四'), by: 'b', at: T2 });
    expect(r.reply?.kind).toBe('substitute');
    expect(r.repliedBy).toBe('b');
  });
  it('a change resets the signature and flags the reply; signing the new version confirms it', () => {
    let r = applyReply(fresh(), m1, { noticeVersion: 1, reply: attend('张三'), by: 'a', at: T1 });
    const { meeting: m2 } = applyChange(m1, { baseVersion: 1, patch: { place: '第二会议室' }, reason: null, by: 'x', now: T1 });
    r = resetForChange(r, T1);
    expect(r.signedAt).toBeNull();
    expect(receiptState(r, m2)).toBe('reconfirm');
    expect(needsReminder(r, m2)).toBe(true);
    r = applySign(r, m2, { noticeVersion: 2, by: 'a', at: T2 });
    expect(r.signedVersion).toBe(2);
    expect(r.needsReconfirm).toBe(false);
    expect(receiptState(r, m2)).toBe('attend');
    expect(needsReminder(r, m2)).toBe(false);
  });
  it('a reply written offline against the old version is kept and flagged, not lost; a stale sign does not count', () => {
    const { meeting: m2 } = applyChange(m1, { baseVersion: 1, patch: { place: '第二会议室' }, reason: null, by: 'x', now: T1 });
    let r = resetForChange(fresh(), T1);
    r = applySign(r, m2, { noticeVersion: 1, by: 'a', at: T2 });
    expect(r.signedAt).toBeNull();
    expect(r.signedVersion).toBe(1);
    r = applyReply(r, m2, { noticeVersion: 1, reply: attend('王五'), by: 'a', at: T2 });
    expect(r.reply).toEqual(attend('王五'));
    expect(r.needsReconfirm).toBe(true);
    expect(receiptState(r, m2)).toBe('reconfirm');
  });
  it('reminders count up; a cancelled meeting needs none', () => {
    const r = applyRemind(applyRemind(fresh(), { message: '请尽快签收', at: T1 }), { message: null, at: T2 });
    expect(r.remindCount).toBe(2);
    expect(r.lastRemindedAt).toBe(T2);
    expect(needsReminder(r, cancelMeeting(m1, '取消', T1))).toBe(false);
  });
});

describe('dashboard', () => {
  it('counts 10 units: 7 replied (1 请假, 1 代会), 3 silent, attendees against required', () => {
    const m = meeting();
    const receipts: MeetingReceipt[] = UNITS.map((u, i) => newReceipt(m, u, rid(i), NOW));
    for (let i = 0; i < 7; i++) {
      const reply = i === 0 ? leave() : i === 1 ? substitute('赵局长', '钱处长') : attend(`甲${i}`, `乙${i}`);
      receipts[i] = applyReply(applySign(receipts[i], m, { noticeVersion: 1, by: 'c', at: T1 }), m, { noticeVersion: 1, reply, by: 'c', at: T1 });
    }
    receipts[7] = applySign(receipts[7], m, { noticeVersion: 1, by: 'c', at: T1 });
    const { counts, rows } = meetingDashboard(m, receipts);
    expect(counts).toEqual({
      invited: 10, delivered: 10, signed: 8, replied: 7, attend: 5, leave: 1, substitute: 1, reconfirm: 0,
      notAnswered: 3, unsigned: 2, attendees: 5 * 2 + 1, required: 9 * 2,
    });
    expect(rows.find((r) => r.unit === UNITS[1])).toMatchObject({ state: 'substitute', attendees: 1, required: 2, shortBy: 1 });
    expect(rows.filter((r) => needsReminder(receipts.find((x) => x.unit === r.unit)!, m)).map((r) => r.unit)).toEqual(UNITS.slice(7));
  });
  it('after a change notice every unit counts as unsigned until it signs again', () => {
    const m = meeting();
    let receipts = UNITS.map((u, i) => applyReply(newReceipt(m, u, rid(i), NOW), m, { noticeVersion: 1, reply: attend(`甲${i}`), by: 'c', at: T1 }));
    const { meeting: m2 } = applyChange(m, { baseVersion: 1, patch: { startAt: '2026-12-01T02:00:00.000Z' }, reason: null, by: 'x', now: T1 });
    receipts = receipts.map((r) => resetForChange(r, T1));
    expect(meetingDashboard(m2, receipts).counts).toMatchObject({ signed: 0, replied: 0, reconfirm: 10, notAnswered: 0 });
    receipts = receipts.map((r, i) => (i < 4 ? applySign(r, m2, { noticeVersion: 2, by: 'c', at: T2 }) : r));
    expect(meetingDashboard(m2, receipts).counts).toMatchObject({ signed: 4, replied: 4, reconfirm: 6, attendees: 10 });
  });
});

describe('room double-booking and calendar conflicts', () => {
  const base = meeting();
  const at = (id: string, s: string, e: string, over: Partial<typeof base> = {}) => ({ ...base, id, startAt: s, endAt: e, ...over });
  it('normalises room names', () => {
    expect(roomKey({ room: ' 第一 会议室 ', place: 'x' })).toBe(roomKey({ room: '第一会议室', place: 'y' }));
    expect(roomKey({ room: 'ａ１０１', place: '' })).toBe(roomKey({ room: 'A101', place: '' }));
  });
  it('warns about an overlapping meeting in the same room, not a touching or cancelled one', () => {
    const others = [
      at('b', '2026-12-01T03:00:00.000Z', '2026-12-01T04:00:00.000Z'), // overlaps 11:00–11:30
      at('c', '2026-12-01T03:30:00.000Z', '2026-12-01T05:00:00.000Z'), // starts when base ends
      at('d', '2026-12-01T02:00:00.000Z', '2026-12-01T04:00:00.000Z', { status: 'cancelled' }),
      at('e', '2026-12-01T02:00:00.000Z', '2026-12-01T04:00:00.000Z', { room: '第二会议室' }),
    ];
    expect(findRoomConflicts(base, others).map((m) => m.id)).toEqual(['b']);
  });
  it('finds overlapping meetings in a unit calendar', () => {
    const list = [
      at('x', '2026-12-02T01:00:00.000Z', '2026-12-02T02:00:00.000Z'),
      at('y', '2026-12-02T01:30:00.000Z', '2026-12-02T03:00:00.000Z'),
      at('z', '2026-12-02T05:00:00.000Z', '2026-12-02T06:00:00.000Z'),
      at('w', '2026-12-02T00:00:00.000Z', '2026-12-02T09:00:00.000Z', { status: 'cancelled' }),
    ];
    expect(findCalendarConflicts(list).map(([a, b]) => `${a.id}-${b.id}`)).toEqual(['x-y']);
    expect([...conflictingIds(list)].sort()).toEqual(['x', 'y']);
  });
});
