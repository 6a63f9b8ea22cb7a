/**
 * The local 建议提案 replica. Each row keeps the server's state (server_data) and the view the UI shows (data): the
 * server state with this client's queued mutations re-applied. Events carry `pending` until the server echoes them.
 */
import type { Proposal, ProposalEvent } from '../../../shared/schemas/proposals.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();
/** Prepared once per database: imports and pulls write thousands of rows. */
export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

export interface ProposalRowDb { id: string; data: string; server_data: string | null; pending: number }

export function getProposal(db: Db, id: string): { item: Proposal; server: Proposal | null; pending: boolean } | null {
  const r = stmt(db, 'SELECT id, data, server_data, pending FROM proposals WHERE id = ?').get(id) as ProposalRowDb | undefined;
  if (!r) return null;
  return { item: JSON.parse(r.data) as Proposal, server: r.server_data ? (JSON.parse(r.server_data) as Proposal) : null, pending: r.pending === 1 };
}

/**
 * Writes the view (and, when given, the server state) with its query columns and search text. Callers pass states
 * already validated: pulled changes by ChangeSchema, local ones built by the state machine from validated input.
 */
export function writeProposal(db: Db, item: Proposal, server: Proposal | null | undefined, pending: boolean): void {
  const view = item;
  stmt(db, `INSERT INTO proposals (id, kind, year, session, number, title, authors, category, status, lead_unit, co_units, deadline,
      outcome, satisfaction, updated_at, import_batch, data, server_data, pending)
    VALUES (@id, @kind, @year, @session, @number, @title, @authors, @category, @status, @lead, @co, @deadline, @outcome, @satisfaction,
      @updated, @batch, @data, @server, @pending)
    ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, year = excluded.year, session = excluded.session, number = excluded.number,
      title = excluded.title, authors = excluded.authors, category = excluded.category, status = excluded.status,
      lead_unit = excluded.lead_unit, co_units = excluded.co_units, deadline = excluded.deadline, outcome = excluded.outcome,
      satisfaction = excluded.satisfaction, updated_at = excluded.updated_at, import_batch = excluded.import_batch, data = excluded.data,
      server_data = CASE WHEN @keepServer = 1 THEN proposals.server_data ELSE excluded.server_data END, pending = excluded.pending`).run({
    id: view.id, kind: view.kind, year: view.year, session: view.session, number: view.number, title: view.title,
    authors: [view.leadAuthor, ...view.coAuthors].join('、'), category: view.category, status: view.status, lead: view.leadUnit,
    co: JSON.stringify(view.coUnits), deadline: view.deadline, outcome: view.outcome, satisfaction: view.satisfaction,
    updated: view.updatedAt, batch: view.importBatchId, data: JSON.stringify(view),
    server: server ? JSON.stringify(server) : null, keepServer: server === undefined ? 1 : 0, pending: pending ? 1 : 0,
  });
  // the search row shares the item's rowid, so replacing it does not scan the index
  const { rowid } = stmt(db, 'SELECT rowid FROM proposals WHERE id = ?').get(view.id) as { rowid: number };
  stmt(db, 'DELETE FROM proposal_search WHERE rowid = ?').run(rowid);
  stmt(db, 'INSERT INTO proposal_search (rowid, proposal_id, title, body) VALUES (?, ?, ?, ?)').run(
    rowid, view.id, `${view.number} ${view.title}`, [view.leadAuthor, ...view.coAuthors, view.group ?? '', view.category, view.content, view.replyText ?? ''].join('\n'),
  );
}

export function deleteProposal(db: Db, id: string): void {
  const r = stmt(db, 'SELECT rowid FROM proposals WHERE id = ?').get(id) as { rowid: number } | undefined;
  if (r) stmt(db, 'DELETE FROM proposal_search WHERE rowid = ?').run(r.rowid);
  db.prepare('DELETE FROM proposal_events WHERE proposal_id = ?').run(id);
  db.prepare('DELETE FROM proposals WHERE id = ?').run(id);
}

export function writeEvent(db: Db, e: ProposalEvent, mutationId: string | null): void {
  const ev = e;
  stmt(db, `INSERT INTO proposal_events (id, proposal_id, at, data, pending, mutation_id) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET at = excluded.at, data = excluded.data, pending = excluded.pending, mutation_id = excluded.mutation_id`)
    .run(ev.id, ev.proposalId, ev.at, JSON.stringify(ev), mutationId ? 1 : 0, mutationId);
}

export function listEvents(db: Db, proposalId: string): ProposalEvent[] {
  const rows = db.prepare('SELECT data FROM proposal_events WHERE proposal_id = ? ORDER BY at, id').all(proposalId) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as ProposalEvent);
}

export function hasQueued(db: Db, proposalId: string): boolean {
  return stmt(db, 'SELECT 1 FROM outbox WHERE entity_id = ? LIMIT 1').get(proposalId) !== undefined;
}

/**
 * After the outbox has been answered: items and events whose mutations are gone but were never echoed by the server
 * (rejected, e.g. a number taken meanwhile) fall back to the server state, or disappear when the server never had them.
 */
export function reconcile(db: Db): void {
  const stale = db.prepare(`SELECT id, server_data FROM proposals WHERE pending = 1
      AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.entity_id = proposals.id)`).all() as { id: string; server_data: string | null }[];
  const staleEvents = db.prepare(`SELECT 1 FROM proposal_events WHERE pending = 1
      AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.id = proposal_events.mutation_id) LIMIT 1`).get();
  if (stale.length === 0 && !staleEvents) return;
  db.transaction(() => {
    for (const r of stale) {
      if (r.server_data) writeProposal(db, JSON.parse(r.server_data) as Proposal, undefined, false);
      else deleteProposal(db, r.id);
    }
    db.prepare(`DELETE FROM proposal_events WHERE pending = 1 AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.id = proposal_events.mutation_id)`).run();
  })();
}
