/** 002: meeting notices, the per-unit receipts (keyed by meeting and unit) and meeting drafts. */
export const sql = `
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  organiser_unit TEXT NOT NULL,
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  server_data TEXT,
  pending INTEGER NOT NULL DEFAULT 0,
  rejected_code TEXT,
  rejected_message TEXT
);
CREATE INDEX meetings_start ON meetings(start_at);

CREATE TABLE meeting_receipts (
  meeting_id TEXT NOT NULL,
  unit TEXT NOT NULL,
  data TEXT NOT NULL,
  server_data TEXT,
  pending INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, unit)
);

CREATE TABLE meeting_drafts (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL);
`;
