/**
 * The life of a notice: created when sent (version 1), changed by a 变更通知 (version + 1, every unit signs again),
 * cancelled, and given its 纪要 afterwards. Pure: the server applies these in its transaction, the client optimistically.
 */
import { AppError } from '../errors.ts';
import {
  CHANGEABLE_FIELDS, MEETING_TYPE_LABELS, type AttendanceRequirement, type ChangeableField, type Meeting, type MeetingDraft,
  type MeetingFieldDiff, type MeetingPatch,
} from '../schemas/meetings.ts';
import type { AttachmentRef } from '../schemas/blobs.ts';
import { formatShanghai } from './meetingsTime.ts';
import { assertNotice } from './meetingsValidate.ts';

export const FIELD_LABELS: Record<ChangeableField, string> = {
  title: '会议名称', startAt: '开始时间', endAt: '结束时间', place: '会议地点', room: '会议室', attendance: '参会要求',
  attendanceByUnit: '单位参会要求', agenda: '会议议程', notes: '注意事项', replyDeadline: '回执截止时间', materials: '会议材料',
};

export function describeRequirement(r: AttendanceRequirement): string {
  const slots = r.slots.map((s) => `${s.role}${s.count}人`).join('、');
  return r.extraAllowed > 0 ? `${slots}（可另带${r.extraAllowed}人）` : slots;
}

function display(field: ChangeableField, d: MeetingDraft): string {
  switch (field) {
    case 'startAt': case 'endAt': case 'replyDeadline': return formatShanghai(d[field]);
    case 'room': return d.room ?? '';
    case 'notes': return d.notes ?? '';
    case 'title': case 'place': return d[field];
    case 'attendance': return describeRequirement(d.attendance);
    case 'attendanceByUnit': return d.attendanceByUnit.map((a) => `${a.unit}：${describeRequirement(a.requirement)}`).join('；');
    case 'agenda': return d.agenda.map((a, i) => `${i + 1}. ${a.topic}${a.presenter ? `（${a.presenter}）` : ''}`).join('\n');
    case 'materials': return d.materials.map((m) => m.name).join('、');
  }
}

/** Field-by-field differences, with display text for highlighting; fields whose value did not change are left out. */
export function diffNotice(before: MeetingDraft, after: MeetingDraft): MeetingFieldDiff[] {
  const out: MeetingFieldDiff[] = [];
  for (const field of CHANGEABLE_FIELDS) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    out.push({ field, label: FIELD_LABELS[field], before: display(field, before), after: display(field, after) });
  }
  return out;
}

export function draftOf(m: Meeting): MeetingDraft {
  const {
    title, type, startAt, endAt, place, room, organiserName, contactName, contactPhone, attendance, attendanceByUnit,
    agenda, notes, replyDeadline, materials, urgency, recipients,
  } = m;
  return {
    title, type, startAt, endAt, place, room, organiserName, contactName, contactPhone, attendance, attendanceByUnit,
    agenda, notes, replyDeadline, materials, urgency, recipients,
  };
}

export interface Actor { userId: string; name: string; unit: string }

export function createMeeting(id: string, draft: MeetingDraft, actor: Actor, now: string): Meeting {
  assertNotice(draft, { now });
  return {
    ...draft, id, organiserUnit: actor.unit, createdBy: actor.userId, createdByName: actor.name, status: 'sent', version: 1,
    sentAt: now, updatedAt: now, changes: [], cancelledAt: null, cancelReason: null, minutes: [], minutesNote: null, minutesAt: null,
  };
}

/**
 * A 变更通知: refused on a cancelled meeting (MEETING_CANCELLED), against an older version than the current one
 * (CONFLICT: another change came first), or when nothing changes (MEETING_NOTHING_CHANGED).
 */
export function applyChange(
  m: Meeting, x: { baseVersion: number; patch: MeetingPatch; reason: string | null; by: string; now: string },
): { meeting: Meeting; diff: MeetingFieldDiff[] } {
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  if (x.baseVersion !== m.version) throw new AppError('CONFLICT', { currentVersion: m.version });
  const before = draftOf(m);
  const after: MeetingDraft = { ...before, ...x.patch };
  const diff = diffNotice(before, after);
  if (diff.length === 0) throw new AppError('MEETING_NOTHING_CHANGED');
  assertNotice(after, { now: x.now, before });
  const version = m.version + 1;
  return {
    meeting: {
      ...m, ...after, status: 'changed', version, updatedAt: x.now,
      changes: [...m.changes, { version, at: x.now, by: x.by, reason: x.reason, diff }],
    },
    diff,
  };
}

export function cancelMeeting(m: Meeting, reason: string, now: string): Meeting {
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  return { ...m, status: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now };
}

/** 纪要: added to those already attached (same file once), refused on a cancelled meeting. */
export function attachMinutes(m: Meeting, minutes: AttachmentRef[], note: string | null, now: string): Meeting {
  if (m.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  const known = new Set(m.minutes.map((f) => f.sha256));
  const added = minutes.filter((f) => !known.has(f.sha256));
  return { ...m, minutes: [...m.minutes, ...added], minutesNote: note ?? m.minutesNote, minutesAt: now, updatedAt: now };
}

export function meetingTypeLabel(m: Pick<Meeting, 'type'>): string {
  return MEETING_TYPE_LABELS[m.type];
}
