/**
 * Room double-booking (a warning to the secretary, not a refusal: the room may be shared on purpose) and calendar
 * conflicts of one unit's meetings. Cancelled meetings and drafts never conflict.
 */
import type { Meeting } from '../schemas/meetings.ts';
import { overlaps } from './meetingsTime.ts';

type Slot = Pick<Meeting, 'id' | 'startAt' | 'endAt' | 'room' | 'place' | 'status'>;

/** Rooms compare without spaces, case or full-width differences: "第一会议室" = " 第一 会议室 ", "A101" = "ａ１０１". */
export function roomKey(m: Pick<Meeting, 'room' | 'place'>): string {
  const raw = (m.room ?? m.place).normalize('NFKC');
  return raw.replace(/\s+/gu, '').toLowerCase();
}

const active = (m: Slot) => m.status !== 'cancelled' && m.status !== 'draft';

/** Other meetings in the same room whose time overlaps the candidate's. */
export function findRoomConflicts<M extends Slot>(candidate: Omit<Slot, 'status'>, others: readonly M[]): M[] {
  const key = roomKey(candidate);
  return others.filter((o) => o.id !== candidate.id && active(o) && roomKey(o) === key && overlaps(candidate.startAt, candidate.endAt, o.startAt, o.endAt));
}

/** Pairs of overlapping meetings among one unit's calendar, earliest first. */
export function findCalendarConflicts<M extends Slot>(meetings: readonly M[]): Array<[M, M]> {
  const list = meetings.filter(active).sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
  const pairs: Array<[M, M]> = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length && Date.parse(list[j].startAt) < Date.parse(list[i].endAt); j++) {
      pairs.push([list[i], list[j]]);
    }
  }
  return pairs;
}

/** Ids of the meetings that clash with at least one other (to mark them in the calendar). */
export function conflictingIds(meetings: readonly Slot[]): Set<string> {
  return new Set(findCalendarConflicts(meetings).flatMap(([a, b]) => [a.id, b.id]));
}
