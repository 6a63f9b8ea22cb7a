/** Inputs and outputs of the `proposals` feature of the IPC contract (import preview, lists, timeline, statistics). */
import { z } from 'zod';
import { op } from '../ipc/define.ts';
import { IdSchema, InstantSchema, TextSchema, UnitCodeSchema } from './common.ts';
import { FileNameSchema } from './blobs.ts';
import {
  NoteKindSchema, OutcomeSchema, ProposalDraftSchema, ProposalEventSchema, ProposalKindSchema, ProposalSchema,
  ProposalStatusSchema, SatisfactionSchema,
} from './proposals.ts';
import { CalendarDateSchema } from '../domain/workdays.ts';

const Count = z.number().int().min(0);

// ---- import ----
export const ImportFieldErrorSchema = z.strictObject({ field: z.string(), message: z.string() });
export const SimilarItemSchema = z.strictObject({ id: IdSchema, title: z.string(), year: z.number().int(), score: z.number() });
export const ImportPreviewRowSchema = z.strictObject({
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int().min(2),
  draft: ProposalDraftSchema.nullable(),
  errors: z.array(ImportFieldErrorSchema),
  /** Titles from earlier years that look the same (a warning, not an error). */
  similar: z.array(SimilarItemSchema),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRowSchema>;
export const ImportPreviewSchema = z.strictObject({
  previewId: IdSchema,
  fileName: z.string(),
  total: Count,
  valid: Count,
  invalid: Count,
  flagged: Count,
  /** Columns the file has that the importer does not use. */
  ignoredColumns: z.array(z.string()),
  rows: z.array(ImportPreviewRowSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

// ---- lists ----
export const DEADLINE_FLAGS = ['overdue', 'dueSoon'] as const;
export const DeadlineFlagSchema = z.enum(DEADLINE_FLAGS);
export type DeadlineFlag = z.infer<typeof DeadlineFlagSchema>;

export const ProposalFilterSchema = z.strictObject({
  statuses: z.array(ProposalStatusSchema).max(8).default([]),
  kind: ProposalKindSchema.nullable().default(null),
  year: z.number().int().nullable().default(null),
  session: TextSchema(40).nullable().default(null),
  /** Lead or co-handling unit. */
  unit: UnitCodeSchema.nullable().default(null),
  category: TextSchema(20).nullable().default(null),
  outcome: OutcomeSchema.nullable().default(null),
  satisfaction: SatisfactionSchema.nullable().default(null),
  deadline: DeadlineFlagSchema.nullable().default(null),
  /** Lead author or co-signer (substring). */
  author: TextSchema(40).nullable().default(null),
  /** Full text over number, title, content and authors. */
  query: TextSchema(100).nullable().default(null),
});
export type ProposalFilter = z.infer<typeof ProposalFilterSchema>;

export const ProposalRowSchema = z.strictObject({
  id: IdSchema,
  kind: ProposalKindSchema,
  year: z.number().int(),
  session: z.string(),
  number: z.number().int(),
  title: z.string(),
  leadAuthor: z.string(),
  category: z.string(),
  status: ProposalStatusSchema,
  round: z.number().int(),
  leadUnit: UnitCodeSchema.nullable(),
  coUnits: z.array(UnitCodeSchema),
  deadline: CalendarDateSchema.nullable(),
  deadlineFlag: DeadlineFlagSchema.nullable(),
  outcome: OutcomeSchema.nullable(),
  satisfaction: SatisfactionSchema.nullable(),
  updatedAt: InstantSchema,
  /** A local change still waits in the outbox. */
  pending: z.boolean(),
});
export type ProposalRow = z.infer<typeof ProposalRowSchema>;

export const ProposalDetailSchema = z.strictObject({
  item: ProposalSchema,
  events: z.array(ProposalEventSchema),
  pending: z.boolean(),
  /** Actions the caller may take now. */
  actions: z.array(z.enum(['assign', 'reassign', 'sign', 'return', 'note', 'countersign', 'reply', 'review', 'feedback'])),
});
export type ProposalDetail = z.infer<typeof ProposalDetailSchema>;

// ---- statistics ----
export const OutcomeCountsSchema = z.strictObject({ A: Count, B: Count, C: Count, D: Count });
export const StatsLineSchema = z.strictObject({
  assigned: Count,
  answered: Count,
  answeredOnTime: Count,
  outcomes: OutcomeCountsSchema,
  satisfied: Count,
  basically: Count,
  unsatisfied: Count,
  /** (满意 + 基本满意) / items with feedback; null when none has feedback yet. */
  satisfactionRate: z.number().min(0).max(1).nullable(),
  overdue: Count,
  closed: Count,
});
export type StatsLine = z.infer<typeof StatsLineSchema>;
export const UnitStatsSchema = StatsLineSchema.extend({ unit: UnitCodeSchema, coHandled: Count });
export const SessionStatsSchema = StatsLineSchema.extend({ kind: ProposalKindSchema, year: z.number().int(), session: z.string(), total: Count });
export const ProposalStatsSchema = z.strictObject({
  asOf: CalendarDateSchema,
  total: Count,
  totals: StatsLineSchema,
  units: z.array(UnitStatsSchema),
  sessions: z.array(SessionStatsSchema),
});
export type ProposalStats = z.infer<typeof ProposalStatsSchema>;
export const StatsFilterSchema = z.strictObject({
  kind: ProposalKindSchema.nullable().default(null),
  year: z.number().int().nullable().default(null),
  session: TextSchema(40).nullable().default(null),
});

// ---- operation inputs ----
export const ItemIdSchema = z.strictObject({ proposalId: IdSchema });
export const ImportFileSchema = z.strictObject({ name: FileNameSchema, data: z.instanceof(Uint8Array) });
export const AssignInputSchema = z.strictObject({
  proposalId: IdSchema, leadUnit: UnitCodeSchema, coUnits: z.array(UnitCodeSchema).max(20).default([]),
  deadline: CalendarDateSchema.nullable().default(null),
});
export const ReturnInputSchema = z.strictObject({ proposalId: IdSchema, reason: TextSchema(500).min(2), suggestedUnit: UnitCodeSchema });
export const NoteInputSchema = z.strictObject({
  proposalId: IdSchema, kind: NoteKindSchema, text: TextSchema(20_000).min(1), contactedOn: CalendarDateSchema.nullable().default(null),
});
export const CountersignInputSchema = z.strictObject({ proposalId: IdSchema, agree: z.boolean().default(true), opinion: TextSchema(2000).min(1) });
/** The reply letter PDF is generated on demand from the reply (replyLetterPdf), identical for every unit involved. */
export const ReplyInputSchema = z.strictObject({ proposalId: IdSchema, outcome: OutcomeSchema, text: TextSchema(20_000).min(1) });
export const ReviewInputSchema = z.strictObject({
  proposalId: IdSchema, approve: z.boolean(), comment: TextSchema(2000).nullable().default(null), outcome: OutcomeSchema.nullable().default(null),
});
export const FeedbackInputSchema = z.strictObject({ proposalId: IdSchema, satisfaction: SatisfactionSchema, comment: TextSchema(2000).nullable().default(null) });

// ---- the `proposals` feature of the IPC contract ----
const Ok = z.strictObject({ ok: z.literal(true) });
const Page = <T extends z.ZodType>(row: T) => z.strictObject({ total: Count, rows: z.array(row) });
export const ImportStatusSchema = z.strictObject({ batchId: IdSchema, total: Count, synced: Count, pending: Count, rejected: Count });
export const SearchHitSchema = z.strictObject({ id: IdSchema, title: z.string(), number: z.number().int(), session: z.string(), snippet: z.string() });

export const proposalOperations = {
  /** Reads an xlsx/csv file and validates every row; nothing is written. */
  importPreview: op(ImportFileSchema, ImportPreviewSchema),
  /** Registers every row of a preview in one local transaction (refused as a whole when any row has errors). */
  importCommit: op(z.strictObject({ previewId: IdSchema }), z.strictObject({ batchId: IdSchema, imported: Count })),
  /** How many items of an import batch the server has accepted so far. */
  importStatus: op(z.strictObject({ batchId: IdSchema }), ImportStatusSchema),
  register: op(ProposalDraftSchema, z.strictObject({ proposalId: IdSchema })),
  assign: op(AssignInputSchema, Ok),
  reassign: op(AssignInputSchema, Ok),
  sign: op(ItemIdSchema, Ok),
  return: op(ReturnInputSchema, Ok),
  addNote: op(NoteInputSchema, Ok),
  countersign: op(CountersignInputSchema, Ok),
  reply: op(ReplyInputSchema, Ok),
  review: op(ReviewInputSchema, Ok),
  feedback: op(FeedbackInputSchema, Ok),
  list: op(z.strictObject({
    filter: ProposalFilterSchema.prefault({}),
    sort: z.enum(['number', 'deadline', 'updated']).default('number'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  }), Page(ProposalRowSchema)),
  get: op(ItemIdSchema, ProposalDetailSchema),
  search: op(z.strictObject({ query: TextSchema(100).min(1), limit: z.number().int().min(1).max(200).default(50) }), z.array(SearchHitSchema)),
  stats: op(StatsFilterSchema.prefault({}), ProposalStatsSchema),
  exportStatsXlsx: op(StatsFilterSchema.prefault({}), z.strictObject({ fileName: z.string(), data: z.instanceof(Uint8Array) })),
  /** The reply letter (信函 format) as a PDF, from the item's reply. */
  replyLetterPdf: op(ItemIdSchema, z.strictObject({ fileName: z.string(), data: z.instanceof(Uint8Array) })),
};
