/** The server applying 建议提案 mutations: rules, scoping to the units involved, timelines, exactly-once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { MutationBody } from '../../shared/sync/protocol.ts';
import type { Proposal, ProposalEvent } from '../../shared/schemas/proposals.ts';
import { BACKENDS, login, mutation, push, startTestServer, type TestServer } from '../server/harness.ts';
import { latest, pullAll } from '../server/builders.ts';
import { draft } from './fixtures.ts';

const USERS = { BGT: 'bgt.handler', 'D-DAOLI': 'daoli.handler', 'D-NANGANG': 'nangang.handler', 'D-SONGBEI': 'songbei.handler', 'D-DAOWAI': 'daowai.handler' } as const;
type UnitKey = keyof typeof USERS;

describe.each(BACKENDS)('proposal handling on the server (%s)', (backend) => {
  let server: TestServer;
  let clock = new Date('2026-03-02T02:00:00Z');
  const tokens = {} as Record<UnitKey, string>;
  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => clock, settings: { sessionTtlMs: 2 * 365 * 86_400_000 } });
    for (const [unit, user] of Object.entries(USERS)) tokens[unit as UnitKey] = (await login(server.url, user)).token;
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  async function act(unit: UnitKey, body: MutationBody, id?: string) {
    const [r] = await push(server.url, tokens[unit], [mutation(body, id)]);
    return r;
  }
  async function view(unit: UnitKey, id: string): Promise<{ item: Proposal | undefined; events: ProposalEvent[] }> {
    const { changes } = await pullAll(server.url, tokens[unit]);
    const events = [...latest(changes, 'proposalEvent').values()].filter((e) => e.proposalId === id);
    return { item: latest(changes, 'proposal').get(id), events };
  }
  const ev = () => uuidv7();

  it('runs register → assign → return → reassign → handle → reply → review → 不满意 → reply → 满意, scoped to the units involved', async () => {
    const id = uuidv7();
    expect((await act('D-DAOLI', { type: 'proposal.register', payload: { proposalId: id, eventId: ev(), draft: draft({ number: 101 }), importBatchId: null } })).error?.code).toBe('FORBIDDEN');
    expect((await act('BGT', { type: 'proposal.register', payload: { proposalId: id, eventId: ev(), draft: draft({ number: 101 }), importBatchId: null } })).status).toBe('applied');
    const dup = await act('BGT', { type: 'proposal.register', payload: { proposalId: uuidv7(), eventId: ev(), draft: draft({ number: 101, title: '另一件' }), importBatchId: null } });
    expect(dup.error?.code).toBe('PROPOSAL_DUPLICATE_NUMBER');
    expect((await view('D-DAOLI', id)).item).toBeUndefined();

    const unknownUnit = await act('BGT', { type: 'proposal.assign', payload: { proposalId: id, eventId: ev(), leadUnit: 'X-NOPE', coUnits: [], deadline: null } });
    expect(unknownUnit.error?.code).toBe('VALIDATION_FAILED');
    // answering an item not yet assigned/signed is refused
    expect((await act('D-DAOLI', { type: 'proposal.reply', payload: { proposalId: id, eventId: ev(), outcome: 'A', text: '答复', letter: null } })).error?.code).toBe('NOT_FOUND');
    expect((await act('BGT', { type: 'proposal.assign', payload: { proposalId: id, eventId: ev(), leadUnit: 'D-DAOLI', coUnits: ['D-NANGANG'], deadline: null } })).status).toBe('applied');

    const daoli = await view('D-DAOLI', id);
    expect(daoli.item).toMatchObject({ status: 'assigned', leadUnit: 'D-DAOLI', assignedOn: '2026-03-02', deadline: '2026-06-02', returnBy: '2026-03-11' });
    expect(daoli.events.map((e) => e.detail.type)).toEqual(['registered', 'assigned']); // the earlier timeline came along
    expect((await view('D-NANGANG', id)).item?.coUnits).toEqual(['D-NANGANG']);
    expect((await view('D-DAOWAI', id)).item).toBeUndefined();
    expect((await act('D-DAOWAI', { type: 'proposal.sign', payload: { proposalId: id, eventId: ev() } })).error?.code).toBe('NOT_FOUND');
    expect((await act('D-DAOLI', { type: 'proposal.reply', payload: { proposalId: id, eventId: ev(), outcome: 'A', text: '答复', letter: null } })).error?.code).toBe('PROPOSAL_BAD_STATE');

    expect((await act('D-DAOLI', { type: 'proposal.return', payload: { proposalId: id, eventId: ev(), reason: '属于松北区职责', suggestedUnit: 'D-SONGBEI' } })).status).toBe('applied');
    expect((await view('BGT', id)).item).toMatchObject({ status: 'returned', suggestedUnit: 'D-SONGBEI' });
    expect((await act('BGT', { type: 'proposal.reassign', payload: { proposalId: id, eventId: ev(), leadUnit: 'D-SONGBEI', coUnits: ['D-NANGANG'], deadline: null } })).status).toBe('applied');
    expect((await view('D-DAOLI', id)).item).toMatchObject({ status: 'assigned', leadUnit: 'D-SONGBEI' }); // the old unit learns it moved on
    expect((await act('D-DAOLI', { type: 'proposal.sign', payload: { proposalId: id, eventId: ev() } })).error?.code).toBe('NOT_FOUND');
    const songbei = await view('D-SONGBEI', id);
    expect(songbei.events.map((e) => e.detail.type)).toEqual(['registered', 'assigned', 'returned', 'assigned']);

    expect((await act('D-SONGBEI', { type: 'proposal.sign', payload: { proposalId: id, eventId: ev() } })).status).toBe('applied');
    expect((await act('D-SONGBEI', { type: 'proposal.note', payload: { proposalId: id, eventId: ev(), kind: 'meeting', text: '与代表当面沟通', contactedOn: '2026-03-10' } })).status).toBe('applied');
    const early = await act('D-SONGBEI', { type: 'proposal.reply', payload: { proposalId: id, eventId: ev(), outcome: 'B', text: '答复', letter: null } });
    expect(early.error?.code).toBe('PROPOSAL_COHANDLERS_PENDING');
    expect((await act('D-NANGANG', { type: 'proposal.countersign', payload: { proposalId: id, eventId: ev(), agree: true, opinion: '同意' } })).status).toBe('applied');
    clock = new Date('2026-04-20T02:00:00Z');
    expect((await act('D-SONGBEI', { type: 'proposal.reply', payload: { proposalId: id, eventId: ev(), outcome: 'B', text: '正在推进', letter: null } })).status).toBe('applied');
    expect((await act('BGT', { type: 'proposal.review', payload: { proposalId: id, eventId: ev(), approve: true, comment: null, outcome: null } })).status).toBe('applied');
    clock = new Date('2026-04-30T03:00:00Z');
    expect((await act('BGT', { type: 'proposal.feedback', payload: { proposalId: id, eventId: ev(), satisfaction: 'unsatisfied', comment: '进度慢' } })).status).toBe('applied');
    const reopened = await view('D-SONGBEI', id);
    expect(reopened.item).toMatchObject({ status: 'handling', round: 2, deadline: '2026-05-25', firstAnsweredOn: '2026-04-20', answeredOnTime: true });

    expect((await act('D-NANGANG', { type: 'proposal.countersign', payload: { proposalId: id, eventId: ev(), agree: true, opinion: '同意' } })).status).toBe('applied');
    expect((await act('D-SONGBEI', { type: 'proposal.reply', payload: { proposalId: id, eventId: ev(), outcome: 'A', text: '已解决', letter: null } })).status).toBe('applied');
    expect((await act('BGT', { type: 'proposal.review', payload: { proposalId: id, eventId: ev(), approve: true, comment: null, outcome: null } })).status).toBe('applied');
    expect((await act('BGT', { type: 'proposal.feedback', payload: { proposalId: id, eventId: ev(), satisfaction: 'satisfied', comment: null } })).status).toBe('applied');
    const done = await view('BGT', id);
    expect(done.item).toMatchObject({ status: 'closed', outcome: 'A', satisfaction: 'satisfied', round: 2 });
    expect(done.events.filter((e) => e.detail.type === 'replied').map((e) => e.round)).toEqual([1, 2]);
  });

  it('applies a replayed mutation once and refuses a late return', async () => {
    clock = new Date('2026-03-02T02:00:00Z');
    const id = uuidv7();
    await act('BGT', { type: 'proposal.register', payload: { proposalId: id, eventId: ev(), draft: draft({ number: 202 }), importBatchId: null } });
    const assignId = uuidv7();
    const body: MutationBody = { type: 'proposal.assign', payload: { proposalId: id, eventId: ev(), leadUnit: 'D-DAOLI', coUnits: [], deadline: '2026-10-01' } };
    expect((await act('BGT', body, assignId)).status).toBe('applied');
    expect((await act('BGT', body, assignId)).status).toBe('applied');
    const v = await view('BGT', id);
    expect(v.events.filter((e) => e.detail.type === 'assigned')).toHaveLength(1);
    expect(v.item?.deadline).toBe('2026-10-08'); // chosen deadline on 国庆节 rolls to the next working day
    clock = new Date('2026-03-12T02:00:00Z');
    const late = await act('D-DAOLI', { type: 'proposal.return', payload: { proposalId: id, eventId: ev(), reason: '不属于本单位', suggestedUnit: 'D-SONGBEI' } });
    expect(late.error?.code).toBe('PROPOSAL_RETURN_TOO_LATE');
    expect((await act('D-DAOLI', { type: 'proposal.sign', payload: { proposalId: id, eventId: ev() } })).status).toBe('applied');
  });
});
