import { describe, expect, it } from 'vitest';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../shared/schemas/proposals.ts';
import {
  type ProposalAction, type ProposalActionType, type ProposalActor, applyProposalAction, availableActions, registerProposal,
} from '../../shared/domain/proposalsStateMachine.ts';
import { CO, LEAD, OFFICE, OUTSIDER, ctx, draft, itemIn } from './fixtures.ts';

/** The specification, written out by hand: who may do what from which status, and where it leads. */
const SPEC: Record<ProposalActionType, { by: 'office' | 'lead' | 'co'; from: Partial<Record<ProposalStatus, ProposalStatus>> }> = {
  assign: { by: 'office', from: { registered: 'assigned' } },
  reassign: { by: 'office', from: { assigned: 'assigned', returned: 'assigned' } },
  sign: { by: 'lead', from: { assigned: 'signed' } },
  return: { by: 'lead', from: { assigned: 'returned' } },
  note: { by: 'lead', from: { signed: 'handling', handling: 'handling' } },
  countersign: { by: 'co', from: { signed: 'signed', handling: 'handling' } },
  reply: { by: 'lead', from: { signed: 'answered', handling: 'answered' } },
  review: { by: 'office', from: { answered: 'reviewed' } },
  feedback: { by: 'office', from: { reviewed: 'closed' } },
};
const ACTIONS: Record<ProposalActionType, ProposalAction> = {
  assign: { type: 'assign', leadUnit: 'D-DAOLI', coUnits: ['D-NANGANG'], deadline: null },
  reassign: { type: 'reassign', leadUnit: 'D-SONGBEI', coUnits: [], deadline: null },
  sign: { type: 'sign' },
  return: { type: 'return', reason: '不属于本单位职责', suggestedUnit: 'D-SONGBEI' },
  note: { type: 'note', kind: 'progress', text: '已开展调研', contactedOn: null },
  countersign: { type: 'countersign', agree: true, opinion: '同意' },
  reply: { type: 'reply', outcome: 'A', text: '答复如下……', letter: null },
  review: { type: 'review', approve: true, comment: null, outcome: null },
  feedback: { type: 'feedback', satisfaction: 'satisfied', comment: null },
};
const ACTORS: Record<'office' | 'lead' | 'co' | 'outsider', ProposalActor> = { office: OFFICE, lead: LEAD, co: CO, outsider: OUTSIDER };

describe('state machine: every action × status × actor', () => {
  for (const [type, spec] of Object.entries(SPEC) as [ProposalActionType, (typeof SPEC)[ProposalActionType]][]) {
    for (const status of PROPOSAL_STATUSES) {
      for (const [who, actor] of Object.entries(ACTORS)) {
        const item = itemIn(status);
        const involved = who === 'office' || (status !== 'registered' && who !== 'outsider');
        const legal = who === spec.by && status in spec.from;
        const expected = legal ? `→ ${spec.from[status]}` : !involved ? 'PROPOSAL_NOT_YOUR_ITEM' : who !== spec.by ? 'FORBIDDEN' : 'PROPOSAL_BAD_STATE';
        it(`${type} by ${who} on ${status}: ${expected}`, () => {
          const r = applyProposalAction(item, ACTIONS[type], ctx(actor));
          if (legal) {
            expect(r.ok).toBe(true);
            if (r.ok) {
              expect(r.item.status).toBe(spec.from[status]);
              expect(r.item.version).toBe(item.version + 1);
            }
          } else {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.code).toBe(expected);
            expect(item.status).toBe(status); // the input is never mutated
          }
        });
      }
    }
  }
});

describe('state machine: guards and effects', () => {
  it('only the General Office registers', () => {
    expect(registerProposal({ id: itemIn('registered').id, draft: draft(), importBatchId: null }, ctx(LEAD)).ok).toBe(false);
    const r = registerProposal({ id: itemIn('registered').id, draft: draft(), importBatchId: null }, ctx(OFFICE));
    expect(r.ok && r.item.status).toBe('registered');
  });
  it('assigning sets the 3-month deadline and the 7-working-day return window', () => {
    const r = applyProposalAction(itemIn('registered'), ACTIONS.assign, ctx(OFFICE, '2026-07-01T01:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.item).toMatchObject({ assignedOn: '2026-07-01', deadline: '2026-10-08', handlingDeadline: '2026-10-08', returnBy: '2026-07-10' });
  });
  it('a chosen deadline on a holiday rolls to the next working day; a past one is refused', () => {
    const r = applyProposalAction(itemIn('registered'), { ...ACTIONS.assign, deadline: '2026-10-01' } as ProposalAction, ctx(OFFICE));
    expect(r.ok && r.item.deadline).toBe('2026-10-08');
    const past = applyProposalAction(itemIn('registered'), { ...ACTIONS.assign, deadline: '2026-03-01' } as ProposalAction, ctx(OFFICE));
    expect(past.ok ? null : past.code).toBe('VALIDATION_FAILED');
  });
  it('refuses a lead unit that is also co-handling, duplicates, or the office itself', () => {
    for (const a of [
      { type: 'assign', leadUnit: 'D-DAOLI', coUnits: ['D-DAOLI'], deadline: null },
      { type: 'assign', leadUnit: 'D-DAOLI', coUnits: ['D-NANGANG', 'D-NANGANG'], deadline: null },
      { type: 'assign', leadUnit: 'BGT', coUnits: [], deadline: null },
    ] as ProposalAction[]) {
      const r = applyProposalAction(itemIn('registered'), a, ctx(OFFICE));
      expect(r.ok ? null : r.code).toBe('VALIDATION_FAILED');
    }
  });
  it('a return is allowed up to the 7th working day and refused after it', () => {
    const item = itemIn('assigned'); // returnBy 2026-03-11
    expect(applyProposalAction(item, ACTIONS.return, ctx(LEAD, '2026-03-11T09:00:00Z')).ok).toBe(true);
    const late = applyProposalAction(item, ACTIONS.return, ctx(LEAD, '2026-03-11T16:30:00Z')); // 00:30 on 3-12 in Shanghai
    expect(late.ok ? null : late.code).toBe('PROPOSAL_RETURN_TOO_LATE');
    expect(availableActions(item, LEAD, '2026-03-12T02:00:00Z')).toEqual(['sign']);
  });
  it('a return needs a reason and another unit', () => {
    const own = applyProposalAction(itemIn('assigned'), { ...ACTIONS.return, suggestedUnit: 'D-DAOLI' } as ProposalAction, ctx(LEAD));
    expect(own.ok ? null : own.code).toBe('VALIDATION_FAILED');
    const blank = applyProposalAction(itemIn('assigned'), { ...ACTIONS.return, reason: ' ' } as ProposalAction, ctx(LEAD));
    expect(blank.ok ? null : blank.code).toBe('VALIDATION_FAILED');
  });
  it('after a return the office reassigns: new units, new deadline, signature cleared', () => {
    const returned = applyProposalAction(itemIn('assigned'), ACTIONS.return, ctx(LEAD));
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    expect(returned.item).toMatchObject({ status: 'returned', suggestedUnit: 'D-SONGBEI', returnReason: '不属于本单位职责' });
    const re = applyProposalAction(returned.item, ACTIONS.reassign, ctx(OFFICE, '2026-03-05T02:00:00Z'));
    expect(re.ok && re.item).toMatchObject({ status: 'assigned', leadUnit: 'D-SONGBEI', coUnits: [], assignedOn: '2026-03-05', deadline: '2026-06-05' });
    if (re.ok) expect(applyProposalAction(re.item, ACTIONS.sign, ctx(LEAD)).ok).toBe(false); // the old unit is out
  });
  it('a reply waits for every co-handling unit', () => {
    const item = itemIn('handling', { countersignedBy: [] });
    const r = applyProposalAction(item, ACTIONS.reply, ctx(LEAD));
    expect(r.ok ? null : r.code).toBe('PROPOSAL_COHANDLERS_PENDING');
    expect(availableActions(item, LEAD, '2026-03-02T02:00:00Z')).not.toContain('reply');
    const c = applyProposalAction(item, ACTIONS.countersign, ctx(CO));
    expect(c.ok && c.item.countersignedBy).toEqual(['D-NANGANG']);
    if (c.ok) expect(applyProposalAction(c.item, ACTIONS.reply, ctx(LEAD)).ok).toBe(true);
  });
  it('a draft note keeps the draft reply', () => {
    const r = applyProposalAction(itemIn('signed'), { type: 'note', kind: 'draft', text: '答复稿', contactedOn: null }, ctx(LEAD));
    expect(r.ok && r.item).toMatchObject({ status: 'handling', draftReply: '答复稿' });
  });
  it('records whether the first reply met the deadline', () => {
    const onTime = applyProposalAction(itemIn('handling'), ACTIONS.reply, ctx(LEAD, '2026-06-02T09:00:00Z'));
    expect(onTime.ok && onTime.item).toMatchObject({ status: 'answered', outcome: 'A', firstAnsweredOn: '2026-06-02', answeredOnTime: true });
    const late = applyProposalAction(itemIn('handling'), ACTIONS.reply, ctx(LEAD, '2026-06-03T01:00:00Z'));
    expect(late.ok && late.item.answeredOnTime).toBe(false);
  });
  it('the office may send a reply back with a reason, or approve and change the category', () => {
    const back = applyProposalAction(itemIn('answered'), { type: 'review', approve: false, comment: '答复过于简单', outcome: null }, ctx(OFFICE));
    expect(back.ok && back.item.status).toBe('handling');
    const noReason = applyProposalAction(itemIn('answered'), { type: 'review', approve: false, comment: null, outcome: null }, ctx(OFFICE));
    expect(noReason.ok ? null : noReason.code).toBe('VALIDATION_FAILED');
    const changed = applyProposalAction(itemIn('answered', { outcome: 'A' }), { type: 'review', approve: true, comment: null, outcome: 'B' }, ctx(OFFICE));
    expect(changed.ok && changed.item).toMatchObject({ status: 'reviewed', outcome: 'B' });
  });
  it('满意 and 基本满意 close the item', () => {
    for (const satisfaction of ['satisfied', 'basically'] as const) {
      const r = applyProposalAction(itemIn('reviewed'), { type: 'feedback', satisfaction, comment: null }, ctx(OFFICE));
      expect(r.ok && r.item).toMatchObject({ status: 'closed', satisfaction, round: 1 });
    }
  });
  it('不满意 reopens for a second round with a 15-working-day deadline; the first on-time record stays', () => {
    const reviewed = itemIn('reviewed', { firstAnsweredOn: '2026-05-20', answeredOnTime: true, outcome: 'C' });
    const r = applyProposalAction(reviewed, { type: 'feedback', satisfaction: 'unsatisfied', comment: '未解决' }, ctx(OFFICE, '2026-04-30T03:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.item).toMatchObject({ status: 'handling', round: 2, deadline: '2026-05-25', handlingDeadline: '2026-06-02', countersignedBy: [], answeredOnTime: true });
    expect(r.event).toMatchObject({ type: 'feedback', reopenDeadline: '2026-05-25' });
    // the co-handling unit has to give its opinion again before the new reply
    expect(applyProposalAction(r.item, ACTIONS.reply, ctx(LEAD)).ok).toBe(false);
    const c = applyProposalAction(r.item, ACTIONS.countersign, ctx(CO));
    const reply = c.ok ? applyProposalAction(c.item, ACTIONS.reply, ctx(LEAD, '2026-05-26T02:00:00Z')) : c;
    expect(reply.ok && reply.item).toMatchObject({ status: 'answered', firstAnsweredOn: '2026-05-20', answeredOnTime: true });
    expect(reply.ok && reply.event).toMatchObject({ type: 'replied', onTime: false });
  });
  it('offers each actor only the buttons the rules allow', () => {
    expect(availableActions(itemIn('registered'), OFFICE, '2026-03-02T02:00:00Z')).toEqual(['assign']);
    expect(availableActions(itemIn('assigned'), LEAD, '2026-03-02T02:00:00Z')).toEqual(['sign', 'return']);
    expect(availableActions(itemIn('assigned'), OFFICE, '2026-03-02T02:00:00Z')).toEqual(['reassign']);
    expect(availableActions(itemIn('handling'), CO, '2026-03-02T02:00:00Z')).toEqual(['countersign']);
    expect(availableActions(itemIn('handling'), OUTSIDER, '2026-03-02T02:00:00Z')).toEqual([]);
    expect(availableActions(itemIn('closed'), OFFICE, '2026-03-02T02:00:00Z')).toEqual([]);
  });
});
