/** Test data builders for proposal tests. */
import type { Proposal, ProposalDraft, ProposalStatus } from '../../shared/schemas/proposals.ts';
import type { ProposalActor, ProposalContext } from '../../shared/domain/proposalsStateMachine.ts';
import { CN_CALENDAR } from '../../shared/domain/workdays.ts';

export const OFFICE: ProposalActor = { unitCode: 'BGT', isOffice: true, name: '刘洋' };
export const LEAD: ProposalActor = { unitCode: 'D-DAOLI', isOffice: false, name: '道里区承办人' };
export const CO: ProposalActor = { unitCode: 'D-NANGANG', isOffice: false, name: '南岗区承办人' };
export const OUTSIDER: ProposalActor = { unitCode: 'D-DAOWAI', isOffice: false, name: '道外区承办人' };

export const ctx = (actor: ProposalActor, now = '2026-03-02T02:00:00Z'): ProposalContext => ({ actor, now, calendar: CN_CALENDAR });

export function draft(over: Partial<ProposalDraft> = {}): ProposalDraft {
  return {
    kind: 'suggestion', year: 2026, session: '市十六届人大五次会议', number: 1, title: '关于加快老旧小区改造的建议',
    leadAuthor: '张三', coAuthors: ['李四', '王五'], group: '道里代表团', category: '城乡建设',
    content: '建议加快推进老旧小区改造。', contact: '13800000000', receivedOn: '2026-01-20', ...over,
  };
}

/** An item in the given status, assigned on 2026-03-02 to D-DAOLI with D-NANGANG co-handling (unless registered). */
export function itemIn(status: ProposalStatus, over: Partial<Proposal> = {}): Proposal {
  const assigned = status !== 'registered';
  return {
    ...draft(), id: '01900000-0000-7000-8000-000000000001', status, round: 1, registeredBy: 'BGT', registeredAt: '2026-02-01T00:00:00Z',
    importBatchId: null, leadUnit: assigned ? 'D-DAOLI' : null, coUnits: assigned ? ['D-NANGANG'] : [],
    assignedOn: assigned ? '2026-03-02' : null, returnBy: assigned ? '2026-03-11' : null,
    handlingDeadline: assigned ? '2026-06-02' : null, deadline: assigned ? '2026-06-02' : null,
    signedAt: null, returnReason: null, suggestedUnit: null, countersignedBy: assigned ? ['D-NANGANG'] : [],
    draftReply: null, replyText: null, outcome: null, replyLetter: null, answeredAt: null, firstAnsweredOn: null,
    answeredOnTime: null, reviewedAt: null, satisfaction: null, feedbackAt: null, updatedAt: '2026-03-02T00:00:00Z', version: 3, ...over,
  };
}
