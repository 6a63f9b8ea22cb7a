/** Loading, saving and emitting 建议提案 and their timeline events. */
import { AppError } from '../../shared/errors.ts';
import { ProposalEventSchema, ProposalSchema, type Proposal, type ProposalEvent } from '../../shared/schemas/proposals.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';

/** Units of kind general-office (the 建议提案 office sees every item). */
export async function officeUnits(uow: UnitOfWork): Promise<string[]> {
  const rows = await uow.trx.selectFrom('units').select('code').where('kind', '=', 'general-office').execute();
  return rows.map((r) => r.code);
}

/** Throws VALIDATION_FAILED unless every code is an enabled unit. */
export async function checkUnitsExist(uow: UnitOfWork, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const rows = await uow.trx.selectFrom('units').select('code').where('code', 'in', [...codes]).where('disabled', '=', 0).execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', { unknownUnits: unknown });
}

/** Loads an item (locked on PG). Units not involved get NOT_FOUND, as if it did not exist. */
export async function loadProposal(uow: UnitOfWork, id: string, unit: string, isOffice: boolean): Promise<Proposal> {
  const row = await uow.trx.selectFrom('proposals').select('data').where('id', '=', id).$if(uow.lockRows, (q) => q.forUpdate()).executeTakeFirst();
  const p = row ? ProposalSchema.parse(JSON.parse(row.data)) : null;
  if (!p || (!isOffice && p.leadUnit !== unit && !p.coUnits.includes(unit))) throw new AppError('NOT_FOUND');
  return p;
}

export async function numberTaken(uow: UnitOfWork, p: Pick<Proposal, 'kind' | 'session' | 'number'>): Promise<boolean> {
  const row = await uow.trx.selectFrom('proposals').select('id')
    .where('kind', '=', p.kind).where('session', '=', p.session).where('number', '=', p.number).executeTakeFirst();
  return row !== undefined;
}

export async function proposalExists(uow: UnitOfWork, id: string): Promise<boolean> {
  return (await uow.trx.selectFrom('proposals').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function saveProposal(uow: UnitOfWork, p: Proposal, insert: boolean): Promise<void> {
  const data = JSON.stringify(ProposalSchema.parse(p));
  const cols = { status: p.status, lead_unit: p.leadUnit, co_units: JSON.stringify(p.coUnits), data, updated_at: p.updatedAt };
  if (insert) {
    await uow.trx.insertInto('proposals').values({ id: p.id, kind: p.kind, year: p.year, session: p.session, number: p.number, ...cols }).execute();
  } else {
    await uow.trx.updateTable('proposals').set(cols).where('id', '=', p.id).execute();
  }
}

export async function insertEvent(uow: UnitOfWork, e: ProposalEvent): Promise<void> {
  if ((await uow.trx.selectFrom('proposal_events').select('id').where('id', '=', e.id).executeTakeFirst()) !== undefined) {
    throw new AppError('CONFLICT', { reason: 'event id already used' });
  }
  await uow.trx.insertInto('proposal_events').values({ id: e.id, proposal_id: e.proposalId, at: e.at, data: JSON.stringify(ProposalEventSchema.parse(e)) }).execute();
}

export async function listEvents(uow: UnitOfWork, proposalId: string): Promise<ProposalEvent[]> {
  const rows = await uow.trx.selectFrom('proposal_events').select('data').where('proposal_id', '=', proposalId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ProposalEventSchema.parse(JSON.parse(r.data)));
}

/** Who sees an item: the General Office and the units currently handling it. */
export function audience(p: Proposal, office: readonly string[]): string[] {
  return [...office, ...(p.leadUnit ? [p.leadUnit] : []), ...p.coUnits];
}

export function emitProposal(uow: UnitOfWork, units: readonly string[], p: Proposal): void {
  uow.emit(units, { entity: 'proposal', data: p }, p.id);
}
export function emitEvent(uow: UnitOfWork, units: readonly string[], e: ProposalEvent): void {
  uow.emit(units, { entity: 'proposalEvent', data: e }, e.id);
}
