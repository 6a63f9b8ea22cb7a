/** The `meetings` feature of the IPC contract: what the UI may ask of the client core about meeting notices. */
import { z } from 'zod';
import { op } from '../ipc/define.ts';
import { IdSchema, InstantSchema, TextSchema, UnitCodeSchema } from './common.ts';
import { AttachmentRefSchema } from './blobs.ts';
import { UrgencySchema } from './documents.ts';
import {
  MeetingChangeRecordSchema, MeetingDraftSchema, MeetingPatchSchema, MeetingReceiptSchema, MeetingReplySchema, MeetingSchema,
  MeetingStatusSchema, MeetingTypeSchema,
} from './meetings.ts';

const Count = z.number().int().min(0);
const Ok = z.strictObject({ ok: z.literal(true) });
const ById = z.strictObject({ meetingId: IdSchema });
const ErrorInfo = z.strictObject({ code: z.string(), message: z.string() });

export const RECEIPT_STATES = ['unsigned', 'signed', 'attend', 'leave', 'substitute', 'reconfirm'] as const;
export const ReceiptStateSchema = z.enum(RECEIPT_STATES);

/** A receipt as the local store holds it; `pending` while a local sign/reply waits in the outbox. */
export const LocalMeetingReceiptSchema = MeetingReceiptSchema.extend({ pending: z.boolean() });
export type LocalMeetingReceipt = z.infer<typeof LocalMeetingReceiptSchema>;

export const MeetingRowSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  type: MeetingTypeSchema,
  startAt: InstantSchema,
  endAt: InstantSchema,
  place: z.string(),
  status: MeetingStatusSchema,
  version: z.number().int(),
  urgency: UrgencySchema,
  organiserUnit: UnitCodeSchema,
  organiserName: z.string(),
  replyDeadline: InstantSchema,
  role: z.enum(['organiser', 'invited']),
  pending: z.boolean(),
  rejected: ErrorInfo.nullable(),
  /** The caller's own receipt state when invited. */
  myState: ReceiptStateSchema.nullable(),
  /** Clashes with another meeting in the caller's calendar (not cancelled). */
  conflict: z.boolean(),
  invited: Count,
  signed: Count,
  replied: Count,
});
export type MeetingRow = z.infer<typeof MeetingRowSchema>;

export const RoomConflictSchema = z.strictObject({ id: IdSchema, title: z.string(), startAt: InstantSchema, endAt: InstantSchema, place: z.string() });

export const MeetingDetailSchema = z.strictObject({
  meeting: MeetingSchema,
  pending: z.boolean(),
  rejected: ErrorInfo.nullable(),
  role: z.enum(['organiser', 'invited']),
  myReceipt: LocalMeetingReceiptSchema.nullable(),
  /** Every unit's receipt, for the organiser only. */
  receipts: z.array(LocalMeetingReceiptSchema),
  /** The latest change notice, for highlighting what changed. */
  lastChange: MeetingChangeRecordSchema.nullable(),
  roomConflicts: z.array(RoomConflictSchema),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const DashboardCountsSchema = z.strictObject({
  invited: Count, delivered: Count, signed: Count, replied: Count, attend: Count, leave: Count, substitute: Count,
  reconfirm: Count, notAnswered: Count, unsigned: Count, attendees: Count, required: Count,
});
export const DashboardRowSchema = z.strictObject({
  unit: UnitCodeSchema,
  unitName: z.string(),
  state: ReceiptStateSchema,
  delivered: z.boolean(),
  signed: z.boolean(),
  replyKind: z.enum(['attend', 'leave', 'substitute']).nullable(),
  attendees: Count,
  required: Count,
  max: Count,
  shortBy: Count,
  needsReconfirm: z.boolean(),
  remindCount: Count,
  reply: MeetingReplySchema.nullable(),
  signedAt: InstantSchema.nullable(),
  repliedAt: InstantSchema.nullable(),
});
export const MeetingDashboardSchema = z.strictObject({ meetingId: IdSchema, version: z.number().int(), counts: DashboardCountsSchema, rows: z.array(DashboardRowSchema) });
export type MeetingDashboard = z.infer<typeof MeetingDashboardSchema>;

export const MeetingDraftRecordSchema = z.strictObject({ id: IdSchema, draft: MeetingDraftSchema.partial(), updatedAt: InstantSchema });

const ExportFile = z.strictObject({ fileName: z.string(), data: z.instanceof(Uint8Array) });

export const meetingOperations = {
  list: op(z.strictObject({
    scope: z.enum(['all', 'organised', 'invited']).default('all'),
    from: InstantSchema.nullable().default(null),
    to: InstantSchema.nullable().default(null),
    includeCancelled: z.boolean().default(true),
  }), z.array(MeetingRowSchema)),
  get: op(ById, MeetingDetailSchema),
  saveDraft: op(z.strictObject({ id: IdSchema.nullable(), draft: MeetingDraftSchema.partial() }), MeetingDraftRecordSchema),
  listDrafts: op(z.strictObject({}), z.array(MeetingDraftRecordSchema)),
  deleteDraft: op(z.strictObject({ id: IdSchema }), Ok),
  /** Warns about room double-booking among the meetings known locally (a warning, sending stays possible). */
  checkRoom: op(z.strictObject({ meetingId: IdSchema.nullable().default(null), room: TextSchema(60).nullable(), place: TextSchema(200), startAt: InstantSchema, endAt: InstantSchema }), z.array(RoomConflictSchema)),
  send: op(MeetingDraftSchema.extend({ draftId: IdSchema.nullable().default(null) }), z.strictObject({ meetingId: IdSchema, roomConflicts: z.array(RoomConflictSchema) })),
  change: op(z.strictObject({ meetingId: IdSchema, patch: MeetingPatchSchema, reason: TextSchema(500).nullable().default(null) }), z.strictObject({ version: z.number().int() })),
  cancel: op(z.strictObject({ meetingId: IdSchema, reason: TextSchema(500).min(1) }), Ok),
  sign: op(ById, Ok),
  reply: op(z.strictObject({ meetingId: IdSchema, reply: MeetingReplySchema }), Ok),
  /** 催办: the named units, or (units null) every unit that has not signed or replied to the current version. */
  remind: op(z.strictObject({ meetingId: IdSchema, units: z.array(UnitCodeSchema).min(1).max(200).nullable().default(null), message: TextSchema(200).nullable().default(null) }), z.strictObject({ reminded: Count })),
  minutes: op(z.strictObject({ meetingId: IdSchema, minutes: z.array(AttachmentRefSchema).min(1).max(20), note: TextSchema(1000).nullable().default(null) }), Ok),
  dashboard: op(ById, MeetingDashboardSchema),
  exportIcs: op(ById, z.strictObject({ fileName: z.string(), text: z.string() })),
  exportAttendeesXlsx: op(ById, ExportFile),
  signInSheetPdf: op(ById, ExportFile),
  /** The notice as a printable 公文 (GB/T 9704 会议通知 layout), for every party that can see the meeting. */
  noticePdf: op(ById, ExportFile),
} as const;
