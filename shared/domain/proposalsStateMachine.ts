/**
 * The one state machine of 建议提案 handling: validates every transition and who may make it.
 * Used by the client core (optimistic local update) and by the server (the authority); both pass `now`.
 *
 *   registered ─assign(office)→ assigned ─sign(lead)→ signed ─note(lead)→ handling ─reply(lead)→ answered
 *   assigned ─return(lead, ≤7 working days, reason + suggested unit)→ returned ─reassign(office)→ assigned
 *   assigned ─reassign(office)→ assigned                    countersign(co) in signed/handling (no status change)
 *   answered ─review approve(office)→ reviewed ─feedback 满意/基本满意(office)→ closed
 *   answered ─review send back(office)→ handling
 *   reviewed ─feedback 不满意(office)→ handling, round + 1, deadline = 15 working days
 * reply needs every co-handling unit's opinion in the current round.
 */
import type { ErrorCode } from '../errors.ts';
import type { Outcome, Proposal, ProposalDraft, ProposalEventDetail, ProposalStatus, Satisfaction, NoteKind } from '../schemas/proposals.ts';
import type { AttachmentRef } from '../schemas/blobs.ts';
import {
  type CalendarDate, type WorkdayCalendar, defaultHandlingDeadline, nextWorkingDay, reopenDeadline, returnDeadline, shanghaiDate,
} from './workdays.ts';

export type ProposalRole = 'office' | 'lead' | 'co';
export interface ProposalActor {
  unitCode: string;
  /** The caller's unit is the General Office (unit kind general-office). */
  isOffice: boolean;
  name: string;
}
export interface ProposalContext {
  actor: ProposalActor;
  /** UTC instant of the action. */
  now: string;
  calendar: WorkdayCalendar;
}

export type ProposalAction =
  | { type: 'assign'; leadUnit: string; coUnits: string[]; deadline: CalendarDate | null }
  | { type: 'reassign'; leadUnit: string; coUnits: string[]; deadline: CalendarDate | null }
  | { type: 'sign' }
  | { type: 'return'; reason: string; suggestedUnit: string }
  | { type: 'note'; kind: NoteKind; text: string; contactedOn: CalendarDate | null }
  | { type: 'countersign'; agree: boolean; opinion: string }
  | { type: 'reply'; outcome: Outcome; text: string; letter: AttachmentRef | null }
  | { type: 'review'; approve: boolean; comment: string | null; outcome: Outcome | null }
  | { type: 'feedback'; satisfaction: Satisfaction; comment: string | null };
export type ProposalActionType = ProposalAction['type'];

export const ACTION_RULES: Record<ProposalActionType, { from: readonly ProposalStatus[]; by: ProposalRole }> = {
  assign: { from: ['registered'], by: 'office' },
  reassign: { from: ['assigned', 'returned'], by: 'office' },
  sign: { from: ['assigned'], by: 'lead' },
  return: { from: ['assigned'], by: 'lead' },
  note: { from: ['signed', 'handling'], by: 'lead' },
  countersign: { from: ['signed', 'handling'], by: 'co' },
  reply: { from: ['signed', 'handling'], by: 'lead' },
  review: { from: ['answered'], by: 'office' },
  feedback: { from: ['reviewed'], by: 'office' },
};
export const PROPOSAL_ACTION_TYPES = Object.keys(ACTION_RULES) as ProposalActionType[];

export type TransitionResult =
  | { ok: true; item: Proposal; event: ProposalEventDetail }
  | { ok: false; code: ErrorCode; reason: string };

const fail = (code: ErrorCode, reason: string): TransitionResult => ({ ok: false, code, reason });

/** The roles the actor holds on this item (a unit may be neither). */
export function rolesOn(item: Pick<Proposal, 'leadUnit' | 'coUnits'>, actor: ProposalActor): ProposalRole[] {
  const roles: ProposalRole[] = [];
  if (actor.isOffice) roles.push('office');
  if (item.leadUnit === actor.unitCode) roles.push('lead');
  if (item.coUnits.includes(actor.unitCode)) roles.push('co');
  return roles;
}

/** Whether the actor may see the item at all: the General Office and the units currently involved. */
export function canSee(item: Pick<Proposal, 'leadUnit' | 'coUnits'>, actor: ProposalActor): boolean {
  return rolesOn(item, actor).length > 0;
}

/** A new registered item (manual entry or one imported row); only the General Office registers. */
export function registerProposal(
  input: { id: string; draft: ProposalDraft; importBatchId: string | null }, ctx: ProposalContext,
): { ok: true; item: Proposal; event: ProposalEventDetail } | { ok: false; code: ErrorCode; reason: string } {
  if (!ctx.actor.isOffice) return { ok: false, code: 'FORBIDDEN', reason: 'only the General Office registers items' };
  const item: Proposal = {
    ...input.draft, id: input.id, status: 'registered', round: 1, registeredBy: ctx.actor.unitCode, registeredAt: ctx.now,
    importBatchId: input.importBatchId, leadUnit: null, coUnits: [], assignedOn: null, returnBy: null, handlingDeadline: null,
    deadline: null, signedAt: null, returnReason: null, suggestedUnit: null, countersignedBy: [], draftReply: null, replyText: null,
    outcome: null, replyLetter: null, answeredAt: null, firstAnsweredOn: null, answeredOnTime: null, reviewedAt: null,
    satisfaction: null, feedbackAt: null, updatedAt: ctx.now, version: 1,
  };
  return { ok: true, item, event: { type: 'registered', imported: input.importBatchId !== null } };
}

function checkUnits(leadUnit: string, coUnits: string[], office: string): string | null {
  if (coUnits.includes(leadUnit)) return 'the lead unit cannot also be a co-handling unit';
  if (new Set(coUnits).size !== coUnits.length) return 'a co-handling unit is listed twice';
  if (leadUnit === office) return 'the General Office cannot assign an item to itself';
  return null;
}

/** Validates `action` on `item` by `ctx.actor` and returns the next state and the timeline entry. */
export function applyProposalAction(item: Proposal, action: ProposalAction, ctx: ProposalContext): TransitionResult {
  const rule = ACTION_RULES[action.type];
  const roles = rolesOn(item, ctx.actor);
  if (roles.length === 0) return fail('PROPOSAL_NOT_YOUR_ITEM', 'the unit is not involved in this item');
  if (!roles.includes(rule.by)) return fail('FORBIDDEN', `${action.type} is done by the ${rule.by} unit`);
  if (!rule.from.includes(item.status)) return fail('PROPOSAL_BAD_STATE', `${action.type} is not allowed while ${item.status}`);

  const today = shanghaiDate(ctx.now);
  const base: Proposal = { ...item, updatedAt: ctx.now, version: item.version + 1 };
  const cal = ctx.calendar;

  switch (action.type) {
    case 'assign':
    case 'reassign': {
      const bad = checkUnits(action.leadUnit, action.coUnits, ctx.actor.unitCode);
      if (bad) return fail('VALIDATION_FAILED', bad);
      if (action.deadline !== null && action.deadline <= today) return fail('VALIDATION_FAILED', 'the deadline must be after today');
      const deadline = action.deadline === null ? defaultHandlingDeadline(cal, today) : nextWorkingDay(cal, action.deadline);
      return {
        ok: true,
        item: {
          ...base, status: 'assigned', leadUnit: action.leadUnit, coUnits: [...action.coUnits], assignedOn: today,
          returnBy: returnDeadline(cal, today), handlingDeadline: deadline, deadline, signedAt: null, countersignedBy: [],
        },
        event: { type: 'assigned', leadUnit: action.leadUnit, coUnits: [...action.coUnits], deadline, reassigned: action.type === 'reassign' },
      };
    }
    case 'sign':
      return { ok: true, item: { ...base, status: 'signed', signedAt: ctx.now, returnReason: null, suggestedUnit: null }, event: { type: 'signed' } };
    case 'return': {
      if (item.returnBy !== null && today > item.returnBy) return fail('PROPOSAL_RETURN_TOO_LATE', `the return window ended on ${item.returnBy}`);
      if (action.suggestedUnit === ctx.actor.unitCode) return fail('VALIDATION_FAILED', 'suggest another unit than your own');
      if (action.reason.trim().length < 2) return fail('VALIDATION_FAILED', 'a reason is required');
      return {
        ok: true,
        item: { ...base, status: 'returned', returnReason: action.reason, suggestedUnit: action.suggestedUnit },
        event: { type: 'returned', reason: action.reason, suggestedUnit: action.suggestedUnit },
      };
    }
    case 'note':
      return {
        ok: true,
        item: { ...base, status: 'handling', draftReply: action.kind === 'draft' ? action.text : item.draftReply },
        event: { type: 'note', kind: action.kind, text: action.text, contactedOn: action.contactedOn },
      };
    case 'countersign': {
      const countersignedBy = item.countersignedBy.includes(ctx.actor.unitCode) ? item.countersignedBy : [...item.countersignedBy, ctx.actor.unitCode];
      return { ok: true, item: { ...base, countersignedBy }, event: { type: 'countersigned', agree: action.agree, opinion: action.opinion } };
    }
    case 'reply': {
      const pending = item.coUnits.filter((u) => !item.countersignedBy.includes(u));
      if (pending.length > 0) return fail('PROPOSAL_COHANDLERS_PENDING', `waiting for ${pending.join(', ')}`);
      const onTime = item.deadline === null || today <= item.deadline;
      const first = item.firstAnsweredOn === null;
      return {
        ok: true,
        item: {
          ...base, status: 'answered', replyText: action.text, outcome: action.outcome, replyLetter: action.letter ?? item.replyLetter,
          answeredAt: ctx.now, firstAnsweredOn: first ? today : item.firstAnsweredOn,
          answeredOnTime: first ? item.handlingDeadline === null || today <= item.handlingDeadline : item.answeredOnTime,
        },
        event: { type: 'replied', outcome: action.outcome, text: action.text, onTime },
      };
    }
    case 'review': {
      if (!action.approve && !action.comment?.trim()) return fail('VALIDATION_FAILED', 'say why the reply is sent back');
      const outcome = action.approve && action.outcome !== null ? action.outcome : item.outcome;
      return {
        ok: true,
        item: action.approve ? { ...base, status: 'reviewed', reviewedAt: ctx.now, outcome } : { ...base, status: 'handling' },
        event: { type: 'reviewed', approved: action.approve, comment: action.comment, outcome: action.approve ? action.outcome : null },
      };
    }
    case 'feedback': {
      if (action.satisfaction !== 'unsatisfied') {
        return {
          ok: true,
          item: { ...base, status: 'closed', satisfaction: action.satisfaction, feedbackAt: ctx.now },
          event: { type: 'feedback', satisfaction: action.satisfaction, comment: action.comment, reopenDeadline: null },
        };
      }
      const deadline = reopenDeadline(cal, today);
      return {
        ok: true,
        item: {
          ...base, status: 'handling', round: item.round + 1, satisfaction: 'unsatisfied', feedbackAt: ctx.now, deadline,
          countersignedBy: [], reviewedAt: null,
        },
        event: { type: 'feedback', satisfaction: 'unsatisfied', comment: action.comment, reopenDeadline: deadline },
      };
    }
  }
}

/** Actions the actor may offer now (for the UI's buttons); guards needing input are checked on submit. */
export function availableActions(item: Proposal, actor: ProposalActor, now: string): ProposalActionType[] {
  const roles = rolesOn(item, actor);
  const today = shanghaiDate(now);
  return PROPOSAL_ACTION_TYPES.filter((t) => {
    const rule = ACTION_RULES[t];
    if (!roles.includes(rule.by) || !rule.from.includes(item.status)) return false;
    if (t === 'return') return item.returnBy === null || today <= item.returnBy;
    if (t === 'reply') return item.coUnits.every((u) => item.countersignedBy.includes(u));
    return true;
  });
}
