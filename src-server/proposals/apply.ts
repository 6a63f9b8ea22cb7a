/**
 * The 建议提案 mutation handlers, spread into the server's handler map (sync/handlers.ts) and applied exactly once.
 * Every transition is decided by the shared state machine; the server adds the checks only it can make
 * (units exist, numbers unique, the caller's roles) and fans the change out to the General Office and the units involved.
 */
import { AppError } from '../../shared/errors.ts';
import { can } from '../../shared/domain/permissions.ts';
import { applyProposalAction, registerProposal, type ProposalActor } from '../../shared/domain/proposalsStateMachine.ts';
import { actionOfMutation, type ProposalTransitionMutation } from '../../shared/domain/proposalsMutations.ts';
import { CN_CALENDAR } from '../../shared/domain/workdays.ts';
import type { ProposalEvent, ProposalEventDetail, Proposal } from '../../shared/schemas/proposals.ts';
import type { MutationOf, MutationType } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import {
  audience, checkUnitsExist, emitEvent, emitProposal, insertEvent, listEvents, loadProposal, numberTaken, officeUnits,
  proposalExists, saveProposal,
} from './rows.ts';
import { checkLetter, grantLetter } from './letter.ts';

type Handler<T extends MutationType> = (uow: UnitOfWork, actor: Actor, m: MutationOf<T>) => Promise<void>;
type ProposalType = Extract<MutationType, `proposal.${string}`>;

const OFFICE_ACTIONS = new Set(['proposal.register', 'proposal.assign', 'proposal.reassign', 'proposal.review', 'proposal.feedback']);

async function actorOf(uow: UnitOfWork, actor: Actor, type: string): Promise<{ pa: ProposalActor; office: string[] }> {
  const office = await officeUnits(uow);
  const isOffice = office.includes(actor.unitCode);
  if (!can(actor.roles, OFFICE_ACTIONS.has(type) ? 'proposals.manage' : 'proposals.handle')) throw new AppError('FORBIDDEN');
  return { pa: { unitCode: actor.unitCode, isOffice, name: actor.displayName }, office };
}

function eventOf(uow: UnitOfWork, actor: Actor, item: Proposal, id: string, detail: ProposalEventDetail, round: number): ProposalEvent {
  return { id, proposalId: item.id, round, actorUnit: actor.unitCode, actorName: actor.displayName, at: uow.at, detail };
}

const register: Handler<'proposal.register'> = async (uow, actor, m) => {
  const { pa, office } = await actorOf(uow, actor, m.type);
  const r = registerProposal({ id: m.payload.proposalId, draft: m.payload.draft, importBatchId: m.payload.importBatchId }, { actor: pa, now: uow.at, calendar: CN_CALENDAR });
  if (!r.ok) throw new AppError(r.code, { reason: r.reason });
  if (await proposalExists(uow, r.item.id)) throw new AppError('CONFLICT', { reason: 'id already used' });
  if (await numberTaken(uow, r.item)) throw new AppError('PROPOSAL_DUPLICATE_NUMBER', { session: r.item.session, number: r.item.number });
  const event = eventOf(uow, actor, r.item, m.payload.eventId, r.event, 1);
  await saveProposal(uow, r.item, true);
  await insertEvent(uow, event);
  emitProposal(uow, office, r.item);
  emitEvent(uow, office, event);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: m.type, entity: 'proposal', entityId: r.item.id, content: r.item });
};

async function transition(uow: UnitOfWork, actor: Actor, m: MutationOf<ProposalTransitionMutation['type']>): Promise<void> {
  const { pa, office } = await actorOf(uow, actor, m.type);
  const before = await loadProposal(uow, m.payload.proposalId, actor.unitCode, pa.isOffice);
  const action = actionOfMutation(m);
  if (action.type === 'assign' || action.type === 'reassign') await checkUnitsExist(uow, [action.leadUnit, ...action.coUnits]);
  if (action.type === 'return') await checkUnitsExist(uow, [action.suggestedUnit]);
  const r = applyProposalAction(before, action, { actor: pa, now: uow.at, calendar: CN_CALENDAR });
  if (!r.ok) throw new AppError(r.code, { reason: r.reason, status: before.status });
  const letter = action.type === 'reply' ? action.letter : null;
  if (letter) await checkLetter(uow, actor, letter);
  const event = eventOf(uow, actor, r.item, m.payload.eventId, r.event, before.round);
  await saveProposal(uow, r.item, false);
  await insertEvent(uow, event);
  const now = audience(r.item, office);
  const previously = audience(before, office);
  // units that just joined get the earlier timeline too; units that left get the final state once
  const joined = now.filter((u) => !previously.includes(u));
  if (joined.length > 0) for (const e of await listEvents(uow, before.id)) if (e.id !== event.id) emitEvent(uow, joined, e);
  const all = [...new Set([...now, ...previously])];
  if (letter) await grantLetter(uow, letter, all);
  emitProposal(uow, all, r.item);
  emitEvent(uow, now, event);
  uow.audit({ actorUserId: actor.userId, actorUnit: actor.unitCode, action: m.type, entity: 'proposal', entityId: r.item.id, content: r.item });
}

export const PROPOSAL_HANDLERS: { [T in ProposalType]: Handler<T> } = {
  'proposal.register': register,
  'proposal.assign': transition,
  'proposal.reassign': transition,
  'proposal.sign': transition,
  'proposal.return': transition,
  'proposal.note': transition,
  'proposal.countersign': transition,
  'proposal.reply': transition,
  'proposal.review': transition,
  'proposal.feedback': transition,
};
