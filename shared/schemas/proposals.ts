/**
 * 建议提案: NPC deputies' suggestions (建议) and CPPCC members' proposals (提案), their assignment (分办),
 * handling, reply (答复), review and the author's satisfaction. Entities, sync mutations and changes.
 * Transitions are decided by shared/domain/proposalsStateMachine.ts, on the client (optimistic) and the server (authority).
 */
import { z } from 'zod';
import { AttachmentRefSchema } from './blobs.ts';
import { IdSchema, InstantSchema, TextSchema, UnitCodeSchema } from './common.ts';
import { defineChange, defineMutation } from '../sync/envelope.ts';
import { CalendarDateSchema } from '../domain/workdays.ts';

export const PROPOSAL_KINDS = ['suggestion', 'proposal'] as const;
export const ProposalKindSchema = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKindSchema>;
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { suggestion: '建议', proposal: '提案' };

export const PROPOSAL_STATUSES = ['registered', 'assigned', 'returned', 'signed', 'handling', 'answered', 'reviewed', 'closed'] as const;
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  registered: '已登记', assigned: '已交办', returned: '已退回', signed: '已签收',
  handling: '办理中', answered: '已答复', reviewed: '已审核', closed: '已办结',
};

/** A 已解决 / B 正在解决 / C 计划解决 / D 留作参考. */
export const OUTCOMES = ['A', 'B', 'C', 'D'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;
export const OUTCOME_LABELS: Record<Outcome, string> = { A: '已解决', B: '正在解决', C: '计划解决', D: '留作参考' };

export const SATISFACTIONS = ['satisfied', 'basically', 'unsatisfied'] as const;
export const SatisfactionSchema = z.enum(SATISFACTIONS);
export type Satisfaction = z.infer<typeof SatisfactionSchema>;
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** 进展 / 见面 / 电话 / 答复草稿. */
export const NOTE_KINDS = ['progress', 'meeting', 'phone', 'draft'] as const;
export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;
export const NOTE_KIND_LABELS: Record<NoteKind, string> = { progress: '办理进展', meeting: '见面沟通', phone: '电话沟通', draft: '答复草稿' };

/** Suggested 分类 for the picker and statistics; imports may use other text. */
export const PROPOSAL_CATEGORIES = [
  '经济发展', '城乡建设', '生态环境', '交通运输', '教育科技', '文化旅游', '医疗卫生', '社会保障', '农业农村', '政法社会', '营商环境', '其他',
] as const;

export const PersonNameSchema = TextSchema(40).min(1);

/** What the office registers (manual entry or one import row). */
export const ProposalDraftSchema = z.strictObject({
  kind: ProposalKindSchema,
  /** Year of the session, e.g. 2026. */
  year: z.number().int().min(1990).max(2100),
  /** 届次, e.g. 市十六届人大五次会议 / 市政协十五届五次会议. */
  session: TextSchema(40).min(1),
  /** 编号 within the session and kind (no leading zeros). */
  number: z.number().int().min(1).max(99999),
  title: TextSchema(200).min(2),
  leadAuthor: PersonNameSchema,
  /** 联名 co-signers. */
  coAuthors: z.array(PersonNameSchema).max(100),
  /** 代表团 (建议) or 界别 (提案). */
  group: TextSchema(40).nullable(),
  category: TextSchema(20).min(1),
  content: TextSchema(20_000).min(1),
  contact: TextSchema(100).nullable(),
  receivedOn: CalendarDateSchema,
});
export type ProposalDraft = z.infer<typeof ProposalDraftSchema>;

/** An item's current state, as every party that may see it holds it. */
export const ProposalSchema = ProposalDraftSchema.extend({
  id: IdSchema,
  status: ProposalStatusSchema,
  /** 1 for the first handling, +1 each time 不满意 reopens it. */
  round: z.number().int().min(1),
  registeredBy: UnitCodeSchema,
  registeredAt: InstantSchema,
  importBatchId: IdSchema.nullable(),
  leadUnit: UnitCodeSchema.nullable(),
  coUnits: z.array(UnitCodeSchema).max(20),
  assignedOn: CalendarDateSchema.nullable(),
  /** Last day the lead unit may return the assignment (7 working days). */
  returnBy: CalendarDateSchema.nullable(),
  /** Handling deadline of the (latest) assignment: 3 months by default. */
  handlingDeadline: CalendarDateSchema.nullable(),
  /** The deadline that applies now (handlingDeadline, or the 15-working-day one after 不满意). */
  deadline: CalendarDateSchema.nullable(),
  signedAt: InstantSchema.nullable(),
  returnReason: TextSchema(500).nullable(),
  suggestedUnit: UnitCodeSchema.nullable(),
  /** Co-handling units that gave their opinion in the current round. */
  countersignedBy: z.array(UnitCodeSchema).max(20),
  draftReply: TextSchema(20_000).nullable(),
  replyText: TextSchema(20_000).nullable(),
  outcome: OutcomeSchema.nullable(),
  replyLetter: AttachmentRefSchema.nullable(),
  answeredAt: InstantSchema.nullable(),
  /** Date of the first reply and whether it met handlingDeadline (kept when the item is reopened). */
  firstAnsweredOn: CalendarDateSchema.nullable(),
  answeredOnTime: z.boolean().nullable(),
  reviewedAt: InstantSchema.nullable(),
  satisfaction: SatisfactionSchema.nullable(),
  feedbackAt: InstantSchema.nullable(),
  updatedAt: InstantSchema,
  /** Increases with every accepted transition. */
  version: z.number().int().min(1),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** Timeline entry details, by event type. */
export const ProposalEventDetailSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('registered'), imported: z.boolean() }),
  z.strictObject({ type: z.literal('assigned'), leadUnit: UnitCodeSchema, coUnits: z.array(UnitCodeSchema), deadline: CalendarDateSchema, reassigned: z.boolean() }),
  z.strictObject({ type: z.literal('signed') }),
  z.strictObject({ type: z.literal('returned'), reason: TextSchema(500), suggestedUnit: UnitCodeSchema }),
  z.strictObject({ type: z.literal('note'), kind: NoteKindSchema, text: TextSchema(20_000), contactedOn: CalendarDateSchema.nullable() }),
  z.strictObject({ type: z.literal('countersigned'), agree: z.boolean(), opinion: TextSchema(2000) }),
  z.strictObject({ type: z.literal('replied'), outcome: OutcomeSchema, text: TextSchema(20_000), onTime: z.boolean() }),
  z.strictObject({ type: z.literal('reviewed'), approved: z.boolean(), comment: TextSchema(2000).nullable(), outcome: OutcomeSchema.nullable() }),
  z.strictObject({ type: z.literal('feedback'), satisfaction: SatisfactionSchema, comment: TextSchema(2000).nullable(), reopenDeadline: CalendarDateSchema.nullable() }),
]);
export type ProposalEventDetail = z.infer<typeof ProposalEventDetailSchema>;
export type ProposalEventType = ProposalEventDetail['type'];

export const ProposalEventSchema = z.strictObject({
  id: IdSchema,
  proposalId: IdSchema,
  round: z.number().int().min(1),
  actorUnit: UnitCodeSchema,
  actorName: TextSchema(40),
  at: InstantSchema,
  detail: ProposalEventDetailSchema,
});
export type ProposalEvent = z.infer<typeof ProposalEventSchema>;

// ---- mutations (client → server, through the outbox) ----
const UnitListSchema = z.array(UnitCodeSchema).max(20);
const ItemRef = { proposalId: IdSchema, eventId: IdSchema };
export const ProposalMutationSchemas = [
  defineMutation('proposal.register', z.strictObject({ ...ItemRef, draft: ProposalDraftSchema, importBatchId: IdSchema.nullable() })),
  defineMutation('proposal.assign', z.strictObject({ ...ItemRef, leadUnit: UnitCodeSchema, coUnits: UnitListSchema, deadline: CalendarDateSchema.nullable() })),
  defineMutation('proposal.reassign', z.strictObject({ ...ItemRef, leadUnit: UnitCodeSchema, coUnits: UnitListSchema, deadline: CalendarDateSchema.nullable() })),
  defineMutation('proposal.sign', z.strictObject({ ...ItemRef })),
  defineMutation('proposal.return', z.strictObject({ ...ItemRef, reason: TextSchema(500).min(2), suggestedUnit: UnitCodeSchema })),
  defineMutation('proposal.note', z.strictObject({ ...ItemRef, kind: NoteKindSchema, text: TextSchema(20_000).min(1), contactedOn: CalendarDateSchema.nullable() })),
  defineMutation('proposal.countersign', z.strictObject({ ...ItemRef, agree: z.boolean(), opinion: TextSchema(2000).min(1) })),
  defineMutation('proposal.reply', z.strictObject({ ...ItemRef, outcome: OutcomeSchema, text: TextSchema(20_000).min(1), letter: AttachmentRefSchema.nullable() })),
  defineMutation('proposal.review', z.strictObject({ ...ItemRef, approve: z.boolean(), comment: TextSchema(2000).nullable(), outcome: OutcomeSchema.nullable() })),
  defineMutation('proposal.feedback', z.strictObject({ ...ItemRef, satisfaction: SatisfactionSchema, comment: TextSchema(2000).nullable() })),
] as const;
export type ProposalMutation = z.infer<(typeof ProposalMutationSchemas)[number]>;
export type ProposalMutationType = ProposalMutation['type'];

// ---- changes (server → client, through the streams of the General Office and the units involved) ----
export const ProposalChangeSchemas = [
  defineChange('proposal', ProposalSchema),
  defineChange('proposalEvent', ProposalEventSchema),
] as const;
