/**
 * Local 建议提案 writes: each validates with the shared state machine against the local view, writes the optimistic
 * state and its timeline entry, and queues the mutation, all in the caller's one transaction (CoreContext.write).
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { applyProposalAction, registerProposal, type ProposalAction, type ProposalActor } from '../../../shared/domain/proposalsStateMachine.ts';
import { CN_CALENDAR } from '../../../shared/domain/workdays.ts';
import type { Proposal, ProposalDraft, ProposalEvent, ProposalEventDetail } from '../../../shared/schemas/proposals.ts';
import type { MutationBody } from '../../../shared/sync/protocol.ts';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import type { Profile } from '../profile.ts';
import { unitByCode } from '../directory/directoryStore.ts';
import { enqueue } from '../sync/outbox.ts';
import { getProposal, stmt, writeEvent, writeProposal } from './store.ts';

export function actorOf(p: Profile): ProposalActor {
  const kind = unitByCode(p.db, p.unit)?.kind ?? p.session.unit.kind;
  return { unitCode: p.unit, isOffice: kind === 'general-office', name: p.actor };
}

function event(p: Profile, item: Proposal, id: string, detail: ProposalEventDetail, round: number, at: string): ProposalEvent {
  return { id, proposalId: item.id, round, actorUnit: p.unit, actorName: p.actor, at, detail };
}

function numberTakenLocally(p: Profile, d: Pick<ProposalDraft, 'kind' | 'session' | 'number'>): boolean {
  return stmt(p.db, 'SELECT 1 FROM proposals WHERE kind = ? AND session = ? AND number = ?').get(d.kind, d.session, d.number) !== undefined;
}

/** Registers one item (manual entry or one import row). Runs inside the caller's transaction. */
export function registerLocal(p: Profile, draft: ProposalDraft, importBatchId: string | null, now = new Date().toISOString()): string {
  if (!can(p.session.user.roles, 'proposals.manage')) throw new AppError('FORBIDDEN');
  if (numberTakenLocally(p, draft)) throw new AppError('PROPOSAL_DUPLICATE_NUMBER', { session: draft.session, number: draft.number });
  const proposalId = uuidv7();
  const r = registerProposal({ id: proposalId, draft, importBatchId }, { actor: actorOf(p), now, calendar: CN_CALENDAR });
  if (!r.ok) throw new AppError(r.code, { reason: r.reason });
  const eventId = uuidv7();
  const m = enqueue(p.db, { type: 'proposal.register', payload: { proposalId, eventId, draft, importBatchId } }, proposalId, now);
  writeProposal(p.db, r.item, null, true);
  writeEvent(p.db, event(p, r.item, eventId, r.event, 1, now), m.id);
  return proposalId;
}

type TransitionBody = Exclude<Extract<MutationBody, { type: `proposal.${string}` }>, { type: 'proposal.register' }>;
type Payload<T extends TransitionBody['type']> = Omit<Extract<TransitionBody, { type: T }>['payload'], 'proposalId' | 'eventId'>;

const OFFICE_TYPES = new Set(['assign', 'reassign', 'review', 'feedback']);

/** Applies one transition locally and queues its mutation. Runs inside the caller's transaction. */
export function transitionLocal<T extends TransitionBody['type']>(p: Profile, proposalId: string, type: T, payload: Payload<T>, action: ProposalAction): void {
  if (!can(p.session.user.roles, OFFICE_TYPES.has(action.type) ? 'proposals.manage' : 'proposals.handle')) throw new AppError('FORBIDDEN');
  const row = getProposal(p.db, proposalId);
  const actor = actorOf(p);
  if (!row || (!actor.isOffice && row.item.leadUnit !== p.unit && !row.item.coUnits.includes(p.unit))) throw new AppError('NOT_FOUND', { proposalId });
  const now = new Date().toISOString();
  const r = applyProposalAction(row.item, action, { actor, now, calendar: CN_CALENDAR });
  if (!r.ok) throw new AppError(r.code, { reason: r.reason, status: row.item.status });
  const eventId = uuidv7();
  const body = { type, payload: { ...payload, proposalId, eventId } } as unknown as TransitionBody;
  const m = enqueue(p.db, body, proposalId, now);
  writeProposal(p.db, r.item, undefined, true);
  writeEvent(p.db, event(p, r.item, eventId, r.event, row.item.round, now), m.id);
}

export type { AttachmentRef };
