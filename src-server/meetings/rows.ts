/** Loading, saving and emitting meetings and their receipts (JSON of the shared entity + the columns queries need). */
import { AppError } from '../../shared/errors.ts';
import { MeetingReceiptSchema, MeetingSchema, type Meeting, type MeetingReceipt } from '../../shared/schemas/meetings.ts';
import { roomKey } from '../../shared/domain/meetingsConflicts.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';

/** Loads a meeting the caller's unit organises or is invited to (locked on PG); anything else is NOT_FOUND. */
export async function loadMeetingFor(uow: UnitOfWork, id: string, unitCode: string): Promise<Meeting> {
  const row = await uow.trx.selectFrom('meetings').select('data').where('id', '=', id).$if(uow.lockRows, (q) => q.forUpdate()).executeTakeFirst();
  const m = row ? MeetingSchema.parse(JSON.parse(row.data)) : null;
  if (!m || (m.organiserUnit !== unitCode && !m.recipients.includes(unitCode))) throw new AppError('NOT_FOUND');
  return m;
}

export async function meetingExists(uow: UnitOfWork, id: string): Promise<boolean> {
  return (await uow.trx.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function saveMeeting(uow: UnitOfWork, m: Meeting, insert: boolean): Promise<void> {
  const data = JSON.stringify(MeetingSchema.parse(m));
  const cols = { status: m.status, start_at: m.startAt, end_at: m.endAt, room_key: roomKey(m), data, updated_at: m.updatedAt };
  if (insert) await uow.trx.insertInto('meetings').values({ id: m.id, organiser_unit: m.organiserUnit, ...cols }).execute();
  else await uow.trx.updateTable('meetings').set(cols).where('id', '=', m.id).execute();
}

export async function loadReceipt(uow: UnitOfWork, meetingId: string, unit: string): Promise<MeetingReceipt> {
  const row = await uow.trx.selectFrom('meeting_receipts').select('data').where('meeting_id', '=', meetingId).where('unit_code', '=', unit)
    .$if(uow.lockRows, (q) => q.forUpdate()).executeTakeFirst();
  if (!row) throw new AppError('MEETING_NOT_INVITED');
  return MeetingReceiptSchema.parse(JSON.parse(row.data));
}

export async function listReceipts(uow: UnitOfWork, meetingId: string): Promise<MeetingReceipt[]> {
  const rows = await uow.trx.selectFrom('meeting_receipts').select('data').where('meeting_id', '=', meetingId)
    .$if(uow.lockRows, (q) => q.forUpdate()).orderBy('unit_code').execute();
  return rows.map((r) => MeetingReceiptSchema.parse(JSON.parse(r.data)));
}

export async function saveReceipt(uow: UnitOfWork, r: MeetingReceipt, insert: boolean): Promise<void> {
  const data = JSON.stringify(MeetingReceiptSchema.parse(r));
  if (insert) {
    await uow.trx.insertInto('meeting_receipts').values({
      id: r.id, meeting_id: r.meetingId, organiser_unit: r.organiserUnit, unit_code: r.unit, data, updated_at: r.updatedAt,
    }).execute();
  } else {
    await uow.trx.updateTable('meeting_receipts').set({ data, updated_at: r.updatedAt }).where('id', '=', r.id).execute();
  }
}

/** A meeting goes to the organiser and every invited unit. */
export function emitMeeting(uow: UnitOfWork, m: Meeting): void {
  uow.emit([m.organiserUnit, ...m.recipients], { entity: 'meeting', data: m }, m.id);
}

/** A receipt goes to the organiser and to its own unit only (units never see each other's replies). */
export function emitReceipt(uow: UnitOfWork, r: MeetingReceipt): void {
  uow.emit([r.organiserUnit, r.unit], { entity: 'meetingReceipt', data: r }, r.id);
}
