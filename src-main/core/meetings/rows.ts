/**
 * Local rows of meetings and receipts: server_data keeps the server's last state, data the view the UI reads
 * (server state + pending outbox mutations folded on top). Receipts are keyed by (meeting, unit); outbox rows name
 * a meeting by its id and a receipt by `<meetingId>/<unit>`. A notice sent from here keeps its local text as the base
 * until the server's copy arrives.
 */
import { v7 as uuidv7 } from 'uuid';
import { MeetingReceiptSchema, MeetingSchema, type Meeting, type MeetingReceipt } from '../../../shared/schemas/meetings.ts';
import type { Db } from '../store/db.ts';
import { parseOutboxBody, type OutboxRow } from '../store/records.ts';
import { foldMeeting, foldReceipt, type Me, type Pending } from './fold.ts';

export interface MeetingRow {
  id: string; organiser_unit: string; data: string; server_data: string | null; pending: number; rejected_code: string | null; rejected_message: string | null;
}
export interface ReceiptRow { meeting_id: string; unit: string; data: string; server_data: string | null; pending: number }

export const receiptKey = (meetingId: string, unit: string) => `${meetingId}/${unit}`;

function pendingOf(db: Db, entityIds: string[]): Pending[] {
  const rows = db.prepare(`SELECT * FROM outbox WHERE entity_id IN (SELECT value FROM json_each(?)) AND type LIKE 'meeting.%' ORDER BY seq`)
    .all(JSON.stringify(entityIds)) as OutboxRow[];
  return rows.map((row) => ({ body: parseOutboxBody(row), at: row.client_time }));
}

export function getMeetingRow(db: Db, id: string): (MeetingRow & { view: Meeting }) | null {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  return row ? { ...row, view: MeetingSchema.parse(JSON.parse(row.data)) } : null;
}

function parseMeeting(text: string | null): Meeting | null {
  return text ? MeetingSchema.parse(JSON.parse(text)) : null;
}

export function receiptRows(db: Db, meetingId: string): Array<ReceiptRow & { view: MeetingReceipt }> {
  const rows = db.prepare('SELECT * FROM meeting_receipts WHERE meeting_id = ? ORDER BY unit').all(meetingId) as ReceiptRow[];
  return rows.map((r) => ({ ...r, view: MeetingReceiptSchema.parse(JSON.parse(r.data)) }));
}

function rejectionOf(db: Db, meetingId: string): { code: string; message: string } | null {
  return (db.prepare("SELECT code, message FROM rejected WHERE entity_id = ? AND type = 'meeting.send' ORDER BY at DESC LIMIT 1").get(meetingId) as
    { code: string; message: string } | undefined) ?? null;
}

/** Re-derives one receipt's view (only for a receipt the server sent, or for every unit of a notice still local). */
export function recomputeReceipt(db: Db, meetingId: string, unit: string, me: Me): void {
  const m = db.prepare('SELECT server_data, data FROM meetings WHERE id = ?').get(meetingId) as { server_data: string | null; data: string } | undefined;
  if (!m) return; // the notice has not arrived yet: the receipt row (if any) keeps its server state
  const row = db.prepare('SELECT server_data FROM meeting_receipts WHERE meeting_id = ? AND unit = ?').get(meetingId, unit) as { server_data: string | null } | undefined;
  const server = row?.server_data ? MeetingReceiptSchema.parse(JSON.parse(row.server_data)) : null;
  const serverM = parseMeeting(m.server_data);
  if (!server && serverM) return;
  const view = MeetingSchema.parse(JSON.parse(m.data));
  const own = pendingOf(db, [receiptKey(meetingId, unit)]);
  const all = pendingOf(db, [meetingId, receiptKey(meetingId, unit)]);
  const r = foldReceipt(server, serverM, view, unit, all, me, uuidv7());
  const isPending = own.length > 0 || all.some((p) => p.body.type === 'meeting.change' || p.body.type === 'meeting.remind') || !serverM;
  db.prepare(`INSERT INTO meeting_receipts (meeting_id, unit, data, server_data, pending) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(meeting_id, unit) DO UPDATE SET data = excluded.data, pending = excluded.pending`).run(meetingId, unit, JSON.stringify(r), row?.server_data ?? null, isPending ? 1 : 0);
}

/** Re-derives a meeting's view and the views of its receipts. */
export function recomputeMeeting(db: Db, meetingId: string, me: Me): void {
  const row = db.prepare('SELECT server_data, data FROM meetings WHERE id = ?').get(meetingId) as { server_data: string | null; data: string } | undefined;
  if (!row) return;
  const server = parseMeeting(row.server_data);
  const sendPending = db.prepare("SELECT 1 FROM outbox WHERE entity_id = ? AND type = 'meeting.send'").get(meetingId) !== undefined;
  // Before the server's copy the base is the notice as written here (changes wait until the server has it).
  const base = server ?? MeetingSchema.parse(JSON.parse(row.data));
  const pending = pendingOf(db, [meetingId]).filter((p) => p.body.type !== 'meeting.send');
  const view = server ? foldMeeting(base, pending, me) : base;
  const rejected = server || sendPending ? null : rejectionOf(db, meetingId);
  db.prepare(`UPDATE meetings SET start_at = @start, end_at = @end, status = @status, data = @data, pending = @pending,
      rejected_code = @rc, rejected_message = @rm WHERE id = @id`).run({
    id: view.id, start: view.startAt, end: view.endAt, status: view.status, data: JSON.stringify(view),
    pending: pending.length > 0 || sendPending ? 1 : 0, rc: rejected?.code ?? null, rm: rejected?.message ?? null,
  });
  const ins = db.prepare('INSERT OR IGNORE INTO blobs (sha256, name, kind, size) VALUES (?, ?, ?, ?)');
  for (const f of [...view.materials, ...view.minutes]) ins.run(f.sha256, f.name, f.kind, f.size);
  const known = receiptRows(db, meetingId).map((r) => r.unit);
  for (const u of new Set([...known, ...(server ? [] : view.recipients)])) recomputeReceipt(db, meetingId, u, me);
}

/** Writes a notice sent from this machine (pending until the server's copy arrives). */
export function writeLocalMeeting(db: Db, m: Meeting, me: Me): void {
  db.prepare(`INSERT INTO meetings (id, organiser_unit, start_at, end_at, status, data, server_data, pending) VALUES (?, ?, ?, ?, ?, ?, NULL, 1)`)
    .run(m.id, m.organiserUnit, m.startAt, m.endAt, m.status, JSON.stringify(m));
  recomputeMeeting(db, m.id, me);
}

export function writeServerMeeting(db: Db, m: Meeting, me: Me): void {
  db.prepare(`INSERT INTO meetings (id, organiser_unit, start_at, end_at, status, data, server_data) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET server_data = excluded.server_data`).run(m.id, m.organiserUnit, m.startAt, m.endAt, m.status, JSON.stringify(m), JSON.stringify(m));
  recomputeMeeting(db, m.id, me);
}

export function writeServerReceipt(db: Db, r: MeetingReceipt, me: Me): void {
  db.prepare(`INSERT INTO meeting_receipts (meeting_id, unit, data, server_data) VALUES (?, ?, ?, ?)
    ON CONFLICT(meeting_id, unit) DO UPDATE SET server_data = excluded.server_data`).run(r.meetingId, r.unit, JSON.stringify(r), JSON.stringify(r));
  recomputeReceipt(db, r.meetingId, r.unit, me);
}

/** After an ack or a rejection: re-derive whatever the outbox row named. Returns false when it is not a meeting's. */
export function recomputeMeetingEntity(db: Db, entityId: string, me: Me): boolean {
  const slash = entityId.indexOf('/');
  const meetingId = slash > 0 ? entityId.slice(0, slash) : entityId;
  if (!db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId)) return false;
  if (slash > 0) recomputeReceipt(db, meetingId, entityId.slice(slash + 1), me);
  else recomputeMeeting(db, meetingId, me);
  return true;
}
