/** Reads for the meeting screens: list/calendar, detail, dashboard, room check, drafts (all local, work offline). */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { conflictingIds, findRoomConflicts } from '../../../shared/domain/meetingsConflicts.ts';
import { meetingDashboard } from '../../../shared/domain/meetingsDashboard.ts';
import { isRepliedCurrent, isSignedCurrent, receiptState } from '../../../shared/domain/meetingsReceipts.ts';
import { MeetingDraftSchema, MeetingSchema, type Meeting, type MeetingDraft } from '../../../shared/schemas/meetings.ts';
import type { MeetingDashboard, MeetingDetail, MeetingRow } from '../../../shared/schemas/meetingsIpc.ts';
import type { Db } from '../store/db.ts';
import { unitName } from '../directory/directoryStore.ts';
import { getMeetingRow, receiptRows, type MeetingRow as Row } from './rows.ts';

function allMeetings(db: Db): Array<Row & { view: Meeting }> {
  const rows = db.prepare('SELECT * FROM meetings ORDER BY start_at, id').all() as Row[];
  return rows.map((r) => ({ ...r, view: MeetingSchema.parse(JSON.parse(r.data)) }));
}

const rejectedOf = (r: Row) => (r.rejected_code ? { code: r.rejected_code, message: r.rejected_message ?? '' } : null);

export function list(db: Db, unit: string, q: { scope: 'all' | 'organised' | 'invited'; from: string | null; to: string | null; includeCancelled: boolean }): MeetingRow[] {
  const mine = allMeetings(db).filter((r) => r.view.organiserUnit === unit || r.view.recipients.includes(unit));
  const clashes = conflictingIds(mine.filter((r) => r.view.recipients.includes(unit)).map((r) => r.view));
  return mine
    .filter((r) => q.scope === 'all' || (q.scope === 'organised') === (r.view.organiserUnit === unit))
    .filter((r) => (!q.from || Date.parse(r.view.endAt) > Date.parse(q.from)) && (!q.to || Date.parse(r.view.startAt) < Date.parse(q.to)))
    .filter((r) => q.includeCancelled || r.view.status !== 'cancelled')
    .map((r) => {
      const m = r.view;
      const receipts = receiptRows(db, m.id).map((x) => x.view);
      const my = receipts.find((x) => x.unit === unit) ?? null;
      return {
        id: m.id, title: m.title, type: m.type, startAt: m.startAt, endAt: m.endAt, place: m.place, status: m.status, version: m.version,
        urgency: m.urgency, organiserUnit: m.organiserUnit, organiserName: m.organiserName, replyDeadline: m.replyDeadline,
        role: m.organiserUnit === unit ? 'organiser' as const : 'invited' as const, pending: r.pending === 1, rejected: rejectedOf(r),
        myState: my ? receiptState(my, m) : null, conflict: clashes.has(m.id), invited: m.recipients.length,
        signed: receipts.filter((x) => isSignedCurrent(x, m)).length, replied: receipts.filter((x) => isRepliedCurrent(x, m)).length,
      };
    });
}

export function requireVisible(db: Db, unit: string, meetingId: string): Row & { view: Meeting } {
  const row = getMeetingRow(db, meetingId);
  if (!row || (row.view.organiserUnit !== unit && !row.view.recipients.includes(unit))) throw new AppError('NOT_FOUND', { meetingId });
  return row;
}

export function roomConflicts(db: Db, slot: { id: string | null; room: string | null; place: string; startAt: string; endAt: string }) {
  const others = allMeetings(db).map((r) => r.view);
  return findRoomConflicts({ ...slot, id: slot.id ?? '' }, others).map((m) => ({ id: m.id, title: m.title, startAt: m.startAt, endAt: m.endAt, place: m.place }));
}

export function detail(db: Db, unit: string, meetingId: string): MeetingDetail {
  const row = requireVisible(db, unit, meetingId);
  const m = row.view;
  const organiser = m.organiserUnit === unit;
  const receipts = receiptRows(db, meetingId).map((r) => ({ ...r.view, pending: r.pending === 1 }));
  return {
    meeting: m, pending: row.pending === 1, rejected: rejectedOf(row), role: organiser ? 'organiser' : 'invited',
    myReceipt: receipts.find((r) => r.unit === unit) ?? null,
    receipts: organiser ? receipts : [],
    lastChange: m.changes.at(-1) ?? null,
    roomConflicts: organiser && m.status !== 'cancelled' ? roomConflicts(db, m) : [],
  };
}

export function dashboard(db: Db, unit: string, meetingId: string): MeetingDashboard {
  const row = requireVisible(db, unit, meetingId);
  if (row.view.organiserUnit !== unit) throw new AppError('FORBIDDEN', { meetingId }, '只有会议组织单位可以查看回执统计');
  const receipts = receiptRows(db, meetingId).map((r) => r.view);
  const { counts, rows } = meetingDashboard(row.view, receipts);
  const byUnit = new Map(receipts.map((r) => [r.unit, r]));
  return {
    meetingId, version: row.view.version, counts,
    rows: rows.map((x) => {
      const r = byUnit.get(x.unit);
      return { ...x, unitName: unitName(db, x.unit), reply: r?.reply ?? null, signedAt: x.signed ? r?.signedAt ?? null : null, repliedAt: r?.repliedAt ?? null };
    }),
  };
}

// ---- drafts (local only) ----
export function saveDraft(db: Db, id: string | null, draft: Partial<MeetingDraft>) {
  const draftId = id ?? uuidv7();
  if (id && !db.prepare('SELECT 1 FROM meeting_drafts WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', { id });
  const updatedAt = new Date().toISOString();
  db.prepare('INSERT INTO meeting_drafts (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
    .run(draftId, JSON.stringify(draft), updatedAt);
  return { id: draftId, draft, updatedAt };
}

export function listDrafts(db: Db) {
  const rows = db.prepare('SELECT id, data, updated_at FROM meeting_drafts ORDER BY updated_at DESC').all() as { id: string; data: string; updated_at: string }[];
  return rows.map((r) => ({ id: r.id, draft: MeetingDraftSchema.partial().parse(JSON.parse(r.data)), updatedAt: r.updated_at }));
}

export function deleteDraft(db: Db, id: string): void {
  if (db.prepare('DELETE FROM meeting_drafts WHERE id = ?').run(id).changes === 0) throw new AppError('NOT_FOUND', { id });
}
