/**
 * 建议提案 changes pulled from the unit's stream, applied inside the page's one transaction: store the server state,
 * re-apply this client's queued mutations on top (rebase), and notify a unit of new assignments and reopened items.
 */
import type { CoreEvent } from '../../../shared/ipc/contract.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import type { Proposal } from '../../../shared/schemas/proposals.ts';
import { applyProposalAction } from '../../../shared/domain/proposalsStateMachine.ts';
import { actionOfMutation, type ProposalTransitionMutation } from '../../../shared/domain/proposalsMutations.ts';
import { CN_CALENDAR } from '../../../shared/domain/workdays.ts';
import type { Db } from '../store/db.ts';
import { unitByCode } from '../directory/directoryStore.ts';
import { registerChangeApplier, type ApplierEffects } from '../sync/appliers.ts';
import { getProposal, stmt, writeEvent, writeProposal } from './store.ts';

type Notify = Extract<CoreEvent, { type: 'notify' }>;

/** The server state with the still-queued local mutations of this item applied in order (failures are dropped). */
export function rebase(db: Db, server: Proposal, me: { unit: string; actor: string }): { item: Proposal; pending: boolean } {
  const queued = stmt(db, "SELECT body, client_time FROM outbox WHERE entity_id = ? AND type != 'proposal.register' ORDER BY seq").all(server.id) as { body: string; client_time: string }[];
  const isOffice = unitByCode(db, me.unit)?.kind === 'general-office';
  let item = server;
  for (const q of queued) {
    const m = JSON.parse(q.body) as ProposalTransitionMutation;
    const r = applyProposalAction(item, actionOfMutation(m), { actor: { unitCode: me.unit, isOffice, name: me.actor }, now: q.client_time, calendar: CN_CALENDAR });
    if (r.ok) item = r.item;
  }
  return { item, pending: queued.length > 0 };
}

function applier(db: Db, c: Change, me: { unit: string; actor: string }): ApplierEffects {
  if (c.entity === 'proposalEvent') {
    writeEvent(db, c.data, null);
    return { entities: ['proposals'] };
  }
  if (c.entity !== 'proposal') return {};
  const server = c.data;
  const before = getProposal(db, server.id)?.server ?? null;
  const { item, pending } = rebase(db, server, me);
  writeProposal(db, item, server, pending);
  // the reply letter is readable (downloaded on demand) once a record naming it arrived
  if (server.replyLetter) stmt(db, 'INSERT OR IGNORE INTO blobs (sha256, name, kind, size) VALUES (?, ?, ?, ?)').run(server.replyLetter.sha256, server.replyLetter.name, server.replyLetter.kind, server.replyLetter.size);
  const notifications: Notify[] = [];
  const mine = server.leadUnit === me.unit;
  if (mine && server.status === 'assigned' && (before?.leadUnit !== me.unit || before.status !== 'assigned')) {
    notifications.push({ type: 'notify', kind: 'remind', title: '新交办建议提案', body: `${server.title}（办理期限 ${server.deadline ?? ''}）`, documentId: null });
  }
  if (mine && before && server.round > before.round) {
    notifications.push({ type: 'notify', kind: 'remind', title: '建议提案重新办理', body: `${server.title}：代表委员不满意，请于 ${server.deadline ?? ''} 前重新办理`, documentId: null });
  }
  return { entities: ['proposals'], notifications };
}

/** Registered once when the core loads the proposals feature. An epoch reset empties the replica tables. */
export function registerProposalAppliers(): void {
  registerChangeApplier('proposal', applier, ['proposal_events', 'proposals', 'proposal_search']);
  registerChangeApplier('proposalEvent', applier);
}
