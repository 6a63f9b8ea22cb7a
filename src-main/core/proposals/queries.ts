/** Reads of the local 建议提案 replica: filtered lists, an item with its timeline, and Chinese full-text search. */
import { AppError } from '../../../shared/errors.ts';
import { availableActions, canSee, type ProposalActor } from '../../../shared/domain/proposalsStateMachine.ts';
import { deadlineFlag, DUE_SOON_WORKING_DAYS } from '../../../shared/domain/proposalsStats.ts';
import { addWorkingDays, CN_CALENDAR, shanghaiDate } from '../../../shared/domain/workdays.ts';
import type { Proposal } from '../../../shared/schemas/proposals.ts';
import type { ProposalDetail, ProposalFilter, ProposalRow } from '../../../shared/schemas/proposalsIpc.ts';
import type { Db } from '../store/db.ts';
import { likeSnippet } from '../documents/search.ts';
import { getProposal, listEvents, reconcile } from './store.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const OPEN = `('assigned','signed','handling')`;

/** WHERE clause (and its parameters) limiting rows to what the actor may see. */
export function visibility(actor: ProposalActor): { sql: string; params: Record<string, unknown> } {
  if (actor.isOffice) return { sql: '1 = 1', params: {} };
  return { sql: '(lead_unit = @me OR EXISTS (SELECT 1 FROM json_each(co_units) WHERE value = @me))', params: { me: actor.unitCode } };
}

function ftsIds(db: Db, query: string): string[] {
  const q = query.trim();
  if ([...q].length >= 3) {
    return (db.prepare('SELECT proposal_id FROM proposal_search WHERE proposal_search MATCH ?').all(`"${q.replace(/"/g, '""')}"`) as { proposal_id: string }[]).map((r) => r.proposal_id);
  }
  const like = `%${escapeLike(q)}%`;
  return (db.prepare("SELECT proposal_id FROM proposal_search WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'").all(like, like) as { proposal_id: string }[]).map((r) => r.proposal_id);
}

export function listProposals(db: Db, actor: ProposalActor, input: { filter: ProposalFilter; sort: 'number' | 'deadline' | 'updated'; offset: number; limit: number }, now = new Date()): { total: number; rows: ProposalRow[] } {
  reconcile(db);
  const f = input.filter;
  const today = shanghaiDate(now);
  const vis = visibility(actor);
  const where = [vis.sql];
  const params: Record<string, unknown> = { ...vis.params };
  const eq = (col: string, key: string, v: unknown) => { if (v !== null && v !== undefined) { where.push(`${col} = @${key}`); params[key] = v; } };
  if (f.statuses.length > 0) { where.push('status IN (SELECT value FROM json_each(@statuses))'); params.statuses = JSON.stringify(f.statuses); }
  eq('kind', 'kind', f.kind); eq('year', 'year', f.year); eq('session', 'session', f.session); eq('category', 'category', f.category);
  eq('outcome', 'outcome', f.outcome); eq('satisfaction', 'satisfaction', f.satisfaction);
  if (f.unit) { where.push('(lead_unit = @unit OR EXISTS (SELECT 1 FROM json_each(co_units) WHERE value = @unit))'); params.unit = f.unit; }
  if (f.author) { where.push("authors LIKE @author ESCAPE '\\'"); params.author = `%${escapeLike(f.author)}%`; }
  if (f.deadline === 'overdue') { where.push(`status IN ${OPEN} AND deadline < @today`); params.today = today; }
  if (f.deadline === 'dueSoon') {
    where.push(`status IN ${OPEN} AND deadline >= @today AND deadline <= @soon`);
    params.today = today;
    params.soon = addWorkingDays(CN_CALENDAR, today, DUE_SOON_WORKING_DAYS);
  }
  if (f.query) { where.push('id IN (SELECT value FROM json_each(@ids))'); params.ids = JSON.stringify(ftsIds(db, f.query)); }
  const order = input.sort === 'deadline' ? 'deadline IS NULL, deadline, kind, session, number'
    : input.sort === 'updated' ? 'updated_at DESC' : 'year DESC, kind, session, number';
  const sqlWhere = where.join(' AND ');
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM proposals WHERE ${sqlWhere}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT data, pending FROM proposals WHERE ${sqlWhere} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as { data: string; pending: number }[];
  return {
    total,
    rows: rows.map((r) => {
      const p = JSON.parse(r.data) as Proposal;
      return {
        id: p.id, kind: p.kind, year: p.year, session: p.session, number: p.number, title: p.title, leadAuthor: p.leadAuthor,
        category: p.category, status: p.status, round: p.round, leadUnit: p.leadUnit, coUnits: p.coUnits, deadline: p.deadline,
        deadlineFlag: deadlineFlag(p, today, CN_CALENDAR), outcome: p.outcome, satisfaction: p.satisfaction, updatedAt: p.updatedAt,
        pending: r.pending === 1,
      };
    }),
  };
}

export function proposalDetail(db: Db, actor: ProposalActor, id: string, now = new Date()): ProposalDetail {
  reconcile(db);
  const row = getProposal(db, id);
  if (!row || !canSee(row.item, actor)) throw new AppError('NOT_FOUND', { proposalId: id });
  return { item: row.item, events: listEvents(db, id), pending: row.pending, actions: availableActions(row.item, actor, now.toISOString()) };
}

export function searchProposals(db: Db, actor: ProposalActor, query: string, limit: number): { id: string; title: string; number: number; session: string; snippet: string }[] {
  reconcile(db);
  const ids = ftsIds(db, query);
  if (ids.length === 0) return [];
  const vis = visibility(actor);
  const rows = db.prepare(`SELECT p.id, p.title, p.number, p.session, s.body FROM proposals p JOIN proposal_search s ON s.proposal_id = p.id
      WHERE p.id IN (SELECT value FROM json_each(@ids)) AND ${vis.sql.replaceAll('lead_unit', 'p.lead_unit').replaceAll('co_units', 'p.co_units')}
      ORDER BY p.year DESC, p.number LIMIT @limit`).all({ ...vis.params, ids: JSON.stringify(ids), limit }) as
    { id: string; title: string; number: number; session: string; body: string }[];
  return rows.map((r) => ({ id: r.id, title: r.title, number: r.number, session: r.session, snippet: likeSnippet([r.title, r.body], query.trim()) }));
}
