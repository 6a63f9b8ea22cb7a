/** Maps a proposal mutation to the state machine's action (the same on client and server). */
import type { ProposalMutation } from '../schemas/proposals.ts';
import type { ProposalAction } from './proposalsStateMachine.ts';

export type ProposalTransitionMutation = Exclude<ProposalMutation, { type: 'proposal.register' }>;

export function actionOfMutation(m: Pick<ProposalTransitionMutation, 'type' | 'payload'>): ProposalAction {
  switch (m.type) {
    case 'proposal.assign':
    case 'proposal.reassign': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.assign' }>['payload'];
      return { type: m.type === 'proposal.assign' ? 'assign' : 'reassign', leadUnit: p.leadUnit, coUnits: p.coUnits, deadline: p.deadline };
    }
    case 'proposal.sign': return { type: 'sign' };
    case 'proposal.return': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.return' }>['payload'];
      return { type: 'return', reason: p.reason, suggestedUnit: p.suggestedUnit };
    }
    case 'proposal.note': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.note' }>['payload'];
      return { type: 'note', kind: p.kind, text: p.text, contactedOn: p.contactedOn };
    }
    case 'proposal.countersign': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.countersign' }>['payload'];
      return { type: 'countersign', agree: p.agree, opinion: p.opinion };
    }
    case 'proposal.reply': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.reply' }>['payload'];
      return { type: 'reply', outcome: p.outcome, text: p.text, letter: p.letter };
    }
    case 'proposal.review': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.review' }>['payload'];
      return { type: 'review', approve: p.approve, comment: p.comment, outcome: p.outcome };
    }
    case 'proposal.feedback': {
      const p = m.payload as Extract<ProposalTransitionMutation, { type: 'proposal.feedback' }>['payload'];
      return { type: 'feedback', satisfaction: p.satisfaction, comment: p.comment };
    }
  }
}
