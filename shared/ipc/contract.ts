/**
 * Every operation the UI can ask of the client core. Hosts (Electron IPC, browser host) expose exactly these.
 */
import { z } from 'zod';
import { op } from './define.ts';
import { IdSchema, InstantSchema, Sha256Schema, TextSchema, UnitCodeSchema } from '../schemas/common.ts';
import { DirectorySchema, UnitSchema, UserSchema, UsernameSchema } from '../schemas/directory.ts';
import {
  DeliverySchema, DeliveryStatusSchema, DocumentDraftSchema, DocumentSchema, UrgencySchema,
} from '../schemas/documents.ts';
import { AttachmentRefSchema, BlobKindSchema, FileNameSchema } from '../schemas/blobs.ts';
import { ErrorCodeSchema } from '../sync/protocol.ts';
import { meetingOperations } from '../schemas/meetingsIpc.ts';
import { proposalOperations } from '../schemas/proposalsIpc.ts';

const Empty = z.strictObject({});
const Ok = z.strictObject({ ok: z.literal(true) });

export const SessionSchema = z.strictObject({
  serverUrl: z.string(),
  user: UserSchema,
  unit: UnitSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const SyncStatusSchema = z.strictObject({
  online: z.boolean(),
  live: z.boolean(),
  pending: z.number().int().min(0),
  uploading: z.number().int().min(0),
  lastSyncedAt: InstantSchema.nullable(),
  lastError: z.strictObject({ code: ErrorCodeSchema, message: z.string() }).nullable(),
  /** Mutations the server rejected permanently (shown to the user, never retried). */
  rejected: z.array(z.strictObject({ mutationId: z.string(), type: z.string(), code: ErrorCodeSchema, message: z.string(), at: InstantSchema })),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A delivery as the local store holds it, with `pending` while a local change waits in the outbox. */
export const LocalDeliverySchema = DeliverySchema.extend({ pending: z.boolean() });
export type LocalDelivery = z.infer<typeof LocalDeliverySchema>;

export const InboxFilterSchema = z.strictObject({
  unsignedOnly: z.boolean().default(false),
  urgentOnly: z.boolean().default(false),
  fromUnit: UnitCodeSchema.nullable().default(null),
  dateFrom: InstantSchema.nullable().default(null),
  dateTo: InstantSchema.nullable().default(null),
  status: DeliveryStatusSchema.nullable().default(null),
});
export const InboxRowSchema = z.strictObject({
  deliveryId: IdSchema,
  documentId: IdSchema,
  title: z.string(),
  docNumberText: z.string().nullable(),
  urgency: UrgencySchema,
  senderUnit: UnitCodeSchema,
  senderUnitName: z.string(),
  role: z.enum(['main', 'copy']),
  status: DeliveryStatusSchema,
  deliveredAt: InstantSchema,
  read: z.boolean(),
  remindCount: z.number().int(),
  pending: z.boolean(),
});
export type InboxRow = z.infer<typeof InboxRowSchema>;
const Page = <T extends z.ZodType>(row: T) => z.strictObject({ total: z.number().int().min(0), rows: z.array(row) });

export const SentRowSchema = z.strictObject({
  documentId: IdSchema,
  title: z.string(),
  docNumberText: z.string().nullable(),
  urgency: UrgencySchema,
  sentAt: InstantSchema,
  /** true until the server accepted the send (queued offline). */
  pending: z.boolean(),
  rejected: z.strictObject({ code: ErrorCodeSchema, message: z.string() }).nullable(),
  recipients: z.number().int(),
  signed: z.number().int(),
  refused: z.number().int(),
  read: z.number().int(),
});
export type SentRow = z.infer<typeof SentRowSchema>;

export const LocalAttachmentSchema = AttachmentRefSchema.extend({
  /** local: bytes present on this machine; remote: still to download. */
  available: z.boolean(),
  uploaded: z.boolean(),
});
export const DocumentDetailSchema = z.strictObject({
  document: DocumentSchema,
  pending: z.boolean(),
  /** The caller's own delivery when it is a recipient. */
  myDelivery: LocalDeliverySchema.nullable(),
  /** All deliveries when the caller is the sender (per-recipient status grid). */
  deliveries: z.array(LocalDeliverySchema),
  files: z.array(LocalAttachmentSchema),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DraftSchema = z.strictObject({ id: IdSchema, draft: DocumentDraftSchema.partial(), updatedAt: InstantSchema });

export const SearchHitSchema = z.strictObject({
  documentId: IdSchema,
  title: z.string(),
  docNumberText: z.string().nullable(),
  senderUnitName: z.string(),
  sentAt: InstantSchema,
  /** Snippet with matches wrapped in [[ and ]] for highlighting. */
  snippet: z.string(),
  box: z.enum(['inbox', 'sent']),
});

export const contract = {
  auth: {
    /** Logs in against the configured (or given) server and opens the user's local store. */
    login: op(z.strictObject({ serverUrl: z.string().url().optional(), username: UsernameSchema, password: z.string().min(1).max(128) }), SessionSchema),
    logout: op(Empty, Ok),
    session: op(Empty, SessionSchema.nullable()),
    /** Remembered server URL and last user name for the login screen. */
    remembered: op(Empty, z.strictObject({ serverUrl: z.string().nullable(), username: z.string().nullable() })),
  },
  directory: {
    get: op(Empty, DirectorySchema),
  },
  documents: {
    inbox: op(z.strictObject({ filter: InboxFilterSchema.prefault({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }), Page(InboxRowSchema)),
    sent: op(z.strictObject({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }), Page(SentRowSchema)),
    get: op(z.strictObject({ documentId: IdSchema }), DocumentDetailSchema),
    send: op(DocumentDraftSchema.extend({ confirmNonClassified: z.literal(true), draftId: IdSchema.nullable().default(null) }), z.strictObject({ documentId: IdSchema })),
    addRecipients: op(z.strictObject({ documentId: IdSchema, mainTo: z.array(UnitCodeSchema), copyTo: z.array(UnitCodeSchema) }), Ok),
    markRead: op(z.strictObject({ deliveryId: IdSchema }), Ok),
    sign: op(z.strictObject({ deliveryId: IdSchema, opinion: TextSchema(500).nullable().default(null) }), Ok),
    refuse: op(z.strictObject({ deliveryId: IdSchema, reason: TextSchema(500).min(1) }), Ok),
    register: op(z.strictObject({ deliveryId: IdSchema }), Ok),
    recall: op(z.strictObject({ deliveryId: IdSchema }), Ok),
    remind: op(z.strictObject({ deliveryIds: z.array(IdSchema).min(1).max(200), message: TextSchema(200).nullable().default(null) }), z.strictObject({ reminded: z.number().int() })),
    search: op(z.strictObject({ query: TextSchema(100).min(1), limit: z.number().int().min(1).max(200).default(50) }), z.array(SearchHitSchema)),
    saveDraft: op(z.strictObject({ id: IdSchema.nullable(), draft: DocumentDraftSchema.partial() }), DraftSchema),
    listDrafts: op(Empty, z.array(DraftSchema)),
    deleteDraft: op(z.strictObject({ id: IdSchema }), Ok),
    counts: op(Empty, z.strictObject({ unsigned: z.number().int(), unread: z.number().int(), urgentUnsigned: z.number().int() })),
  },
  files: {
    /** Stages a file picked or dropped by the user: hashed, type-checked by content, kept locally until uploaded. */
    add: op(z.strictObject({ name: FileNameSchema, data: z.instanceof(Uint8Array) }), AttachmentRefSchema),
    /** The bytes of an attachment (downloaded first if needed), for the PDF viewer and download. */
    read: op(z.strictObject({ sha256: Sha256Schema }), z.strictObject({ sha256: Sha256Schema, kind: BlobKindSchema, data: z.instanceof(Uint8Array) })),
  },
  proposals: proposalOperations,
  meetings: meetingOperations,
  sync: {
    status: op(Empty, SyncStatusSchema),
    now: op(Empty, SyncStatusSchema),
    /** Simulates pulling the network cable (for the user "work offline" toggle and for tests). */
    setOffline: op(z.strictObject({ offline: z.boolean() }), SyncStatusSchema),
  },
} as const;

export type Contract = typeof contract;

/** Events the core emits to the renderer (one subscription). */
export const CoreEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('changed'), entities: z.array(z.string()) }),
  z.strictObject({ type: z.literal('sync'), status: SyncStatusSchema }),
  z.strictObject({ type: z.literal('upload'), sha256: Sha256Schema, sent: z.number().int(), total: z.number().int() }),
  /** Progress of a long task (e.g. proposals.import: reading and checking rows). */
  z.strictObject({ type: z.literal('progress'), task: z.string(), done: z.number().int(), total: z.number().int() }),
  z.strictObject({ type: z.literal('notify'), kind: z.enum(['urgent-document', 'remind', 'session-expired']), title: z.string(), body: z.string(), documentId: IdSchema.nullable(), meetingId: IdSchema.nullable().optional() }),
]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
