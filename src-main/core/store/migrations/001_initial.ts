/** 001: the replicated tables, the outbox, sync state, local blobs, drafts, rejected mutations and the search index. */
export const sql = `
CREATE TABLE units (code TEXT PRIMARY KEY, data TEXT NOT NULL, sort_order INTEGER NOT NULL);
CREATE TABLE recipient_groups (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE colleagues (id TEXT PRIMARY KEY, data TEXT NOT NULL);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  sender_unit TEXT NOT NULL,
  title TEXT NOT NULL,
  doc_number_text TEXT,
  urgency_rank INTEGER NOT NULL,
  sent_at TEXT NOT NULL,
  data TEXT NOT NULL,
  server_data TEXT,
  pending INTEGER NOT NULL DEFAULT 0,
  rejected_code TEXT,
  rejected_message TEXT,
  -- rowid of the document's row in doc_search (FTS5 cannot index its UNINDEXED id column)
  search_rowid INTEGER
);
CREATE INDEX documents_sender ON documents(sender_unit, sent_at);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  sender_unit TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  status TEXT NOT NULL,
  delivered_at TEXT NOT NULL,
  is_read INTEGER NOT NULL,
  remind_count INTEGER NOT NULL,
  data TEXT NOT NULL,
  server_data TEXT,
  pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deliveries_document ON deliveries(document_id);
CREATE INDEX deliveries_recipient ON deliveries(recipient_unit, status, delivered_at);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  body TEXT NOT NULL,
  client_time TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_entity ON outbox(entity_id);

CREATE TABLE rejected (
  mutation_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch TEXT,
  cursor INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT
);
INSERT INTO sync_state (id) VALUES (1);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  size INTEGER NOT NULL,
  path TEXT,
  uploaded INTEGER NOT NULL DEFAULT 0,
  available INTEGER NOT NULL DEFAULT 0,
  text TEXT,
  pages TEXT
);

CREATE TABLE drafts (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL);

CREATE VIRTUAL TABLE doc_search USING fts5(document_id UNINDEXED, title, number, body, tokenize = 'trigram');
`;
