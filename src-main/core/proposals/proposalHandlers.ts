/** proposals.* : every 建议提案 operation of the contract, on the local store (works offline), through the one outbox. */
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { AppError } from '../../../shared/errors.ts';
import { shanghaiDate } from '../../../shared/domain/workdays.ts';
import type { CoreContext } from '../context.ts';
import type { Profile } from '../profile.ts';
import { unitName } from '../directory/directoryStore.ts';
import { actorOf, registerLocal, transitionLocal } from './actions.ts';
import { commitDrafts, ImportPreviews, importStatus } from './importService.ts';
import { listProposals, proposalDetail, searchProposals } from './queries.ts';
import { proposalStats, statsWorkbook } from './statsService.ts';
import { renderReplyLetter, stageReplyLetter } from './replyLetter.ts';
import { getProposal } from './store.ts';
import { registerProposalAppliers } from './applyChanges.ts';

const OK = { ok: true as const };
const CHANGED = ['proposals', 'outbox'];

export function proposalHandlers(ctx: CoreContext): Handlers<Contract>['proposals'] {
  registerProposalAppliers();
  const previews = new ImportPreviews();
  const reader = (): Profile => {
    const p = ctx.requireProfile();
    if (!can(p.session.user.roles, 'proposals.read')) throw new AppError('FORBIDDEN');
    return p;
  };
  const write = (fn: (p: Profile) => void) => { ctx.write(CHANGED, fn); return OK; };
  return {
    async importPreview({ name, data }) {
      const p = ctx.requireProfile();
      if (!can(p.session.user.roles, 'proposals.manage') || !actorOf(p).isOffice) throw new AppError('FORBIDDEN');
      return previews.preview(p, name, data, (done, total) => ctx.events.emit({ type: 'progress', task: 'proposals.import', done, total }));
    },
    importCommit({ previewId }) {
      const drafts = previews.take(ctx.requireProfile(), previewId);
      return ctx.write(CHANGED, (p) => commitDrafts(p, drafts));
    },
    importStatus: ({ batchId }) => importStatus(reader().db, batchId),
    register(draft) {
      return { proposalId: ctx.write(CHANGED, (p) => registerLocal(p, draft, null)) };
    },
    assign: ({ proposalId, leadUnit, coUnits, deadline }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.assign', { leadUnit, coUnits, deadline }, { type: 'assign', leadUnit, coUnits, deadline })),
    reassign: ({ proposalId, leadUnit, coUnits, deadline }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.reassign', { leadUnit, coUnits, deadline }, { type: 'reassign', leadUnit, coUnits, deadline })),
    sign: ({ proposalId }) => write((p) => transitionLocal(p, proposalId, 'proposal.sign', {}, { type: 'sign' })),
    return: ({ proposalId, reason, suggestedUnit }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.return', { reason, suggestedUnit }, { type: 'return', reason, suggestedUnit })),
    addNote: ({ proposalId, kind, text, contactedOn }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.note', { kind, text, contactedOn }, { type: 'note', kind, text, contactedOn })),
    countersign: ({ proposalId, agree, opinion }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.countersign', { agree, opinion }, { type: 'countersign', agree, opinion })),
    async reply({ proposalId, outcome, text }) {
      // the reply carries its letter (信函 PDF), staged first and uploaded by the push before the reply mutation
      const letter = await stageReplyLetter(ctx.requireProfile(), proposalId, outcome, text);
      return write((p) => transitionLocal(p, proposalId, 'proposal.reply', { outcome, text, letter }, { type: 'reply', outcome, text, letter }));
    },
    review: ({ proposalId, approve, comment, outcome }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.review', { approve, comment, outcome }, { type: 'review', approve, comment, outcome })),
    feedback: ({ proposalId, satisfaction, comment }) =>
      write((p) => transitionLocal(p, proposalId, 'proposal.feedback', { satisfaction, comment }, { type: 'feedback', satisfaction, comment })),
    list(input) {
      const p = reader();
      return listProposals(p.db, actorOf(p), input);
    },
    get({ proposalId }) {
      const p = reader();
      return proposalDetail(p.db, actorOf(p), proposalId);
    },
    search({ query, limit }) {
      const p = reader();
      return searchProposals(p.db, actorOf(p), query, limit);
    },
    stats(filter) {
      const p = reader();
      return proposalStats(p.db, actorOf(p), filter);
    },
    async exportStatsXlsx(filter) {
      const p = reader();
      const stats = proposalStats(p.db, actorOf(p), filter);
      return { fileName: `建议提案办理统计-${stats.asOf}.xlsx`, data: await statsWorkbook(p.db, stats) };
    },
    async replyLetterPdf({ proposalId }) {
      const p = reader();
      const detail = proposalDetail(p.db, actorOf(p), proposalId);
      const item = getProposal(p.db, proposalId)!.item;
      if (!detail.item.leadUnit) throw new AppError('PROPOSAL_BAD_STATE');
      const data = await renderReplyLetter(item, unitName(p.db, detail.item.leadUnit));
      return { fileName: `${item.session}第${item.number}号答复函-${shanghaiDate(new Date())}.pdf`, data };
    },
  };
}
