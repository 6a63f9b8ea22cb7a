/** 003: 建议提案 replica (server state + optimistic view), timeline events, and a trigram index for Chinese search. */
export const sql = `
CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  session TEXT NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  authors TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  lead_unit TEXT,
  co_units TEXT NOT NULL,
  deadline TEXT,
  outcome TEXT,
  satisfaction TEXT,
  updated_at TEXT NOT NULL,
  import_batch TEXT,
  data TEXT NOT NULL,
  server_data TEXT,
  pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX proposals_number ON proposals(kind, session, number);
CREATE INDEX proposals_status ON proposals(status);
CREATE INDEX proposals_lead_unit ON proposals(lead_unit);
CREATE INDEX proposals_deadline ON proposals(deadline);
CREATE INDEX proposals_batch ON proposals(import_batch);

CREATE TABLE proposal_events (
  id TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT NOT NULL,
  pending INTEGER NOT NULL DEFAULT 0,
  mutation_id TEXT
);
CREATE INDEX proposal_events_item ON proposal_events(proposal_id, at);

CREATE TABLE proposal_import_items (batch_id TEXT NOT NULL, proposal_id TEXT NOT NULL, PRIMARY KEY (batch_id, proposal_id));

-- queued mutations are looked up per item (rebase, pending flags)
CREATE INDEX IF NOT EXISTS outbox_entity ON outbox(entity_id);

CREATE VIRTUAL TABLE proposal_search USING fts5(proposal_id UNINDEXED, title, body, tokenize = 'trigram');
`;
