import { z } from 'zod';
import { DocNumberSchema } from '../domain/docNumber.ts';
import { SecrecyLevelSchema } from '../domain/secrecy.ts';
import { AttachmentRefSchema } from './blobs.ts';
import { IdSchema, InstantSchema, TextSchema, UnitCodeSchema } from './common.ts';
import { defineChange, defineMutation } from '../sync/envelope.ts';

export const URGENCIES = ['normal', 'urgent', 'extra-urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '平件', urgent: '加急', 'extra-urgent': '特急' };
/** Sort rank: 特急 first. */
export const URGENCY_RANK: Record<Urgency, number> = { 'extra-urgent': 0, urgent: 1, normal: 2 };

export const DELIVERY_STATUSES = ['delivered', 'signed', 'registered', 'refused', 'recalled'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  delivered: '待签收', signed: '已签收', registered: '已登记', refused: '已退回', recalled: '已撤回',
};

export const RecipientRoleSchema = z.enum(['main', 'copy']); // 主送 / 抄送

const RecipientListSchema = z.array(UnitCodeSchema).max(200);

/** The fields a sender fills in (also the draft). */
export const DocumentDraftSchema = z.strictObject({
  title: TextSchema(200).min(1),
  docNumber: DocNumberSchema.nullable(),
  urgency: UrgencySchema,
  secrecy: SecrecyLevelSchema,
  mainTo: RecipientListSchema,
  copyTo: RecipientListSchema,
  mainFile: AttachmentRefSchema.nullable(),
  attachments: z.array(AttachmentRefSchema).max(50),
  note: TextSchema(2000).nullable(),
});
export type DocumentDraft = z.infer<typeof DocumentDraftSchema>;

/** A sent document as every party sees it. */
export const DocumentSchema = DocumentDraftSchema.extend({
  id: IdSchema,
  senderUnit: UnitCodeSchema,
  createdBy: IdSchema,
  createdByName: TextSchema(40),
  sentAt: InstantSchema,
});
export type OfficialDocument = z.infer<typeof DocumentSchema>;

/** One recipient unit's copy of a document: the per-recipient lifecycle. */
export const DeliverySchema = z.strictObject({
  id: IdSchema,
  documentId: IdSchema,
  senderUnit: UnitCodeSchema,
  recipientUnit: UnitCodeSchema,
  role: RecipientRoleSchema,
  status: DeliveryStatusSchema,
  deliveredAt: InstantSchema,
  readAt: InstantSchema.nullable(),
  readBy: TextSchema(40).nullable(),
  signedAt: InstantSchema.nullable(),
  signedBy: TextSchema(40).nullable(),
  signOpinion: TextSchema(500).nullable(),
  /** 签收编号, e.g. 2026-0012 (per recipient unit and year). */
  signNumber: z.string().max(20).nullable(),
  registeredAt: InstantSchema.nullable(),
  registeredBy: TextSchema(40).nullable(),
  refusedAt: InstantSchema.nullable(),
  refusedReason: TextSchema(500).nullable(),
  recalledAt: InstantSchema.nullable(),
  remindCount: z.number().int().min(0),
  lastRemindedAt: InstantSchema.nullable(),
  lastRemindMessage: TextSchema(200).nullable(),
  updatedAt: InstantSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

// ---- mutations (client → server, through the outbox) ----
export const DocumentMutationSchemas = [
  defineMutation('document.send', DocumentDraftSchema.extend({ documentId: IdSchema })),
  defineMutation('document.addRecipients', z.strictObject({ documentId: IdSchema, mainTo: RecipientListSchema, copyTo: RecipientListSchema })),
  defineMutation('delivery.read', z.strictObject({ deliveryId: IdSchema })),
  defineMutation('delivery.sign', z.strictObject({ deliveryId: IdSchema, opinion: TextSchema(500).nullable() })),
  defineMutation('delivery.refuse', z.strictObject({ deliveryId: IdSchema, reason: TextSchema(500).min(1) })),
  defineMutation('delivery.register', z.strictObject({ deliveryId: IdSchema })),
  defineMutation('delivery.recall', z.strictObject({ deliveryId: IdSchema })),
  defineMutation('delivery.remind', z.strictObject({ deliveryId: IdSchema, message: TextSchema(200).nullable() })),
] as const;

// ---- changes (server → client, through the unit's change stream) ----
export const DocumentChangeSchemas = [
  defineChange('document', DocumentSchema),
  defineChange('delivery', DeliverySchema),
] as const;
