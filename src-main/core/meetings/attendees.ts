/** The attendee list of a meeting as the organiser knows it: one row per named attendee, units in notice order. */
import { RECEIPT_STATE_LABELS, receiptState } from '../../../shared/domain/meetingsReceipts.ts';
import type { Meeting, MeetingReceipt } from '../../../shared/schemas/meetings.ts';

export interface AttendeeLine {
  no: number;
  unit: string;
  unitName: string;
  name: string;
  title: string;
  phone: string;
  /** 参会, or 代会（代 张局长）. */
  kind: string;
}

export interface UnitLine { unit: string; unitName: string; state: string; note: string }

export function attendeeLines(m: Meeting, receipts: readonly MeetingReceipt[], nameOf: (unit: string) => string): { attendees: AttendeeLine[]; units: UnitLine[] } {
  const byUnit = new Map(receipts.map((r) => [r.unit, r]));
  const attendees: AttendeeLine[] = [];
  const units: UnitLine[] = [];
  for (const unit of m.recipients) {
    const r = byUnit.get(unit);
    const reply = r?.reply ?? null;
    const state = r ? RECEIPT_STATE_LABELS[receiptState(r, m)] : RECEIPT_STATE_LABELS.unsigned;
    const note = reply?.kind === 'leave' ? `请假：${reply.reason}` : reply?.kind === 'substitute' ? `代会：代${reply.insteadOf}（${reply.reason}）` : reply?.note ?? '';
    units.push({ unit, unitName: nameOf(unit), state, note });
    if (!reply || reply.kind === 'leave') continue;
    for (const a of reply.attendees) {
      attendees.push({
        no: attendees.length + 1, unit, unitName: nameOf(unit), name: a.name, title: a.title, phone: a.phone,
        kind: reply.kind === 'substitute' ? `代会（代${reply.insteadOf}）` : '参会',
      });
    }
  }
  return { attendees, units };
}
