/**
 * Meeting notices (会议通知): the notice a secretary issues, each invited unit's receipt (签收) and reply (回执),
 * and the mutations / changes that carry them through the one outbox / change-stream mechanism.
 * Rules (validation, change notices, dashboard, conflicts, .ics) are pure functions in ../domain/meetings*.ts.
 */
import { z } from 'zod';
import { AttachmentRefSchema } from './blobs.ts';
import { IdSchema, InstantSchema, TextSchema, UnitCodeSchema } from './common.ts';
import { UrgencySchema } from './documents.ts';
import { defineChange, defineMutation } from '../sync/envelope.ts';

export const MEETING_TYPES = ['plenary', 'executive', 'special', 'work', 'video', 'other'] as const;
export const MeetingTypeSchema = z.enum(MEETING_TYPES);
export type MeetingType = z.infer<typeof MeetingTypeSchema>;
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  plenary: '全体会议', executive: '常务会议', special: '专题会议', work: '工作会议', video: '视频会议', other: '其他会议',
};

export const MEETING_STATUSES = ['draft', 'sent', 'changed', 'cancelled'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: '草稿', sent: '已发送', changed: '已变更', cancelled: '已取消',
};

/** One line of what a unit must send: "分管领导 × 1", "工作人员 × 1", or a named role "主要负责同志 × 1". */
export const AttendanceSlotSchema = z.strictObject({
  role: TextSchema(40).min(1),
  count: z.number().int().min(1).max(50),
});
/** What each invited unit must send: slots, plus how many extra attendees beyond them are accepted. */
export const AttendanceRequirementSchema = z.strictObject({
  slots: z.array(AttendanceSlotSchema).min(1).max(10),
  extraAllowed: z.number().int().min(0).max(50),
});
export type AttendanceRequirement = z.infer<typeof AttendanceRequirementSchema>;

export const AgendaItemSchema = z.strictObject({
  topic: TextSchema(200).min(1),
  presenter: TextSchema(60).nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingRecipientListSchema = z.array(UnitCodeSchema).max(200);

/** The fields a secretary fills in (also a draft, partially). Times are UTC instants, shown in Asia/Shanghai. */
export const MeetingDraftSchema = z.strictObject({
  title: TextSchema(200).min(1),
  type: MeetingTypeSchema,
  startAt: InstantSchema,
  endAt: InstantSchema,
  /** Where, as printed on the notice (e.g. 市政府第一会议室（市政府大楼 3 楼）). */
  place: TextSchema(200).min(1),
  /** Booking key of the room, when it is one of the managed rooms (room double-booking is checked on it). */
  room: TextSchema(60).nullable(),
  organiserName: TextSchema(60).min(1),
  contactName: TextSchema(40).min(1),
  contactPhone: TextSchema(30).min(1),
  attendance: AttendanceRequirementSchema,
  /** Per-unit requirements that differ from `attendance` (e.g. the host unit sends more people). */
  attendanceByUnit: z.array(z.strictObject({ unit: UnitCodeSchema, requirement: AttendanceRequirementSchema })).max(200),
  agenda: z.array(AgendaItemSchema).max(50),
  notes: TextSchema(2000).nullable(),
  replyDeadline: InstantSchema,
  materials: z.array(AttachmentRefSchema).max(50),
  urgency: UrgencySchema,
  recipients: MeetingRecipientListSchema,
});
export type MeetingDraft = z.infer<typeof MeetingDraftSchema>;

/** Fields a change notice (变更通知) may alter. Recipients are not among them (invite more with a new notice). */
export const CHANGEABLE_FIELDS = [
  'title', 'startAt', 'endAt', 'place', 'room', 'attendance', 'attendanceByUnit', 'agenda', 'notes', 'replyDeadline', 'materials',
] as const satisfies readonly (keyof MeetingDraft)[];
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];
export const MeetingPatchSchema = MeetingDraftSchema.pick({
  title: true, startAt: true, endAt: true, place: true, room: true, attendance: true, attendanceByUnit: true,
  agenda: true, notes: true, replyDeadline: true, materials: true,
}).partial();
export type MeetingPatch = z.infer<typeof MeetingPatchSchema>;

/** One changed field, with display text before and after (for highlighting what changed). */
export const MeetingFieldDiffSchema = z.strictObject({
  field: z.enum(CHANGEABLE_FIELDS),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type MeetingFieldDiff = z.infer<typeof MeetingFieldDiffSchema>;

export const MeetingChangeRecordSchema = z.strictObject({
  version: z.number().int().min(2),
  at: InstantSchema,
  by: TextSchema(40),
  reason: TextSchema(500).nullable(),
  diff: z.array(MeetingFieldDiffSchema),
});
export type MeetingChangeRecord = z.infer<typeof MeetingChangeRecordSchema>;

/** A sent meeting notice as every party sees it. `version` starts at 1 and grows with each change notice. */
export const MeetingSchema = MeetingDraftSchema.extend({
  id: IdSchema,
  organiserUnit: UnitCodeSchema,
  createdBy: IdSchema,
  createdByName: TextSchema(40),
  status: MeetingStatusSchema,
  version: z.number().int().min(1),
  sentAt: InstantSchema,
  updatedAt: InstantSchema,
  /** Change notices so far, oldest first (the last one is highlighted to the units). */
  changes: z.array(MeetingChangeRecordSchema).max(100),
  cancelledAt: InstantSchema.nullable(),
  cancelReason: TextSchema(500).nullable(),
  /** 纪要 attached after the meeting and distributed to the invited units. */
  minutes: z.array(AttachmentRefSchema).max(20),
  minutesNote: TextSchema(1000).nullable(),
  minutesAt: InstantSchema.nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const AttendeeSchema = z.strictObject({
  name: TextSchema(40).min(1),
  title: TextSchema(60).min(1),
  phone: TextSchema(30).min(1),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

/** 回执: attend (names), 请假 (excused, with a reason), or 代会 (someone attends instead of the expected person). */
export const MeetingReplySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('attend'), attendees: z.array(AttendeeSchema).min(1).max(100), note: TextSchema(500).nullable() }),
  z.strictObject({ kind: z.literal('leave'), reason: TextSchema(500).min(1) }),
  z.strictObject({
    kind: z.literal('substitute'),
    /** Who was expected (e.g. 张局长), replaced by the attendees below. */
    insteadOf: TextSchema(60).min(1),
    reason: TextSchema(500).min(1),
    attendees: z.array(AttendeeSchema).min(1).max(100),
  }),
]);
export type MeetingReply = z.infer<typeof MeetingReplySchema>;
export const REPLY_KIND_LABELS: Record<MeetingReply['kind'], string> = { attend: '参会', leave: '请假', substitute: '代会' };

/**
 * One invited unit's receipt, keyed by (meetingId, unit). The server is the authority; it applies mutations in commit
 * order (last writer wins), and records which notice version each sign and reply answered.
 */
export const MeetingReceiptSchema = z.strictObject({
  id: IdSchema,
  meetingId: IdSchema,
  organiserUnit: UnitCodeSchema,
  unit: UnitCodeSchema,
  deliveredAt: InstantSchema,
  /** Sign for the current version: signedVersion === meeting.version. A change notice clears signedAt/signedBy. */
  signedAt: InstantSchema.nullable(),
  signedBy: TextSchema(40).nullable(),
  signedVersion: z.number().int().min(0),
  reply: MeetingReplySchema.nullable(),
  repliedAt: InstantSchema.nullable(),
  repliedBy: TextSchema(40).nullable(),
  /** The notice version the reply answered. */
  replyVersion: z.number().int().min(0),
  /** The reply answered an older version (a change came after it, or it was written offline): confirm it again. */
  needsReconfirm: z.boolean(),
  remindCount: z.number().int().min(0),
  lastRemindedAt: InstantSchema.nullable(),
  lastRemindMessage: TextSchema(200).nullable(),
  updatedAt: InstantSchema,
});
export type MeetingReceipt = z.infer<typeof MeetingReceiptSchema>;

// ---- mutations (client → server, through the outbox) ----
export const MeetingSendPayloadSchema = MeetingDraftSchema.extend({ meetingId: IdSchema });
export const MeetingChangePayloadSchema = z.strictObject({
  meetingId: IdSchema,
  /** The version the secretary edited; a change against an older version is refused with CONFLICT. */
  baseVersion: z.number().int().min(1),
  patch: MeetingPatchSchema,
  reason: TextSchema(500).nullable(),
});
export const MeetingSignPayloadSchema = z.strictObject({ meetingId: IdSchema, noticeVersion: z.number().int().min(1) });
export const MeetingReplyPayloadSchema = z.strictObject({
  meetingId: IdSchema,
  noticeVersion: z.number().int().min(1),
  reply: MeetingReplySchema,
});
export const MeetingRemindPayloadSchema = z.strictObject({
  meetingId: IdSchema,
  units: z.array(UnitCodeSchema).min(1).max(200),
  message: TextSchema(200).nullable(),
});
export const MeetingMinutesPayloadSchema = z.strictObject({
  meetingId: IdSchema,
  minutes: z.array(AttachmentRefSchema).min(1).max(20),
  note: TextSchema(1000).nullable(),
});

export const MeetingMutationSchemas = [
  defineMutation('meeting.send', MeetingSendPayloadSchema),
  defineMutation('meeting.change', MeetingChangePayloadSchema),
  defineMutation('meeting.cancel', z.strictObject({ meetingId: IdSchema, reason: TextSchema(500).min(1) })),
  defineMutation('meeting.sign', MeetingSignPayloadSchema),
  defineMutation('meeting.reply', MeetingReplyPayloadSchema),
  defineMutation('meeting.remind', MeetingRemindPayloadSchema),
  defineMutation('meeting.minutes', MeetingMinutesPayloadSchema),
] as const;

// ---- changes (server → client): a meeting goes to the organiser and every invited unit;
//      a receipt goes to the organiser and to the unit it belongs to only. ----
export const MeetingChangeSchemas = [
  defineChange('meeting', MeetingSchema),
  defineChange('meetingReceipt', MeetingReceiptSchema),
] as const;
