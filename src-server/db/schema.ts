/**
 * Table types of the central server's store (the same on SQLite and PostgreSQL).
 * Portable column types only: text, integer, bytes. Instants are ISO-8601 UTC text; booleans are 0/1; JSON is text.
 */
import type { MeetingTables } from '../meetings/tables.ts';
import type { ProposalTables } from '../proposals/tables.ts';

export interface MetaTable { key: string; value: string }
export interface SchemaMigrationsTable { version: number; name: string; applied_at: string }

export interface UnitsTable {
  code: string; name: string; short_name: string; kind: string; parent: string | null;
  doc_prefix: string | null; pinyin: string; disabled: number; sort_order: number;
}

export interface UsersTable {
  id: string; username: string; display_name: string; unit_code: string; roles: string;
  title: string | null; phone: string | null; disabled: number; password_hash: string;
  failed_logins: number; locked_until: string | null; created_at: string;
}

export interface SessionsTable {
  token_hash: string; user_id: string; unit_code: string; created_at: string; expires_at: string; revoked_at: string | null;
}

export interface RecipientGroupsTable { id: string; name: string; owner_unit: string | null; unit_codes: string }

export interface StreamsTable { unit_code: string; last_seq: number }
export interface ChangesTable { unit_code: string; seq: number; entity: string; entity_id: string; data: string }

export interface ProcessedMutationsTable {
  unit_code: string; mutation_id: string; type: string; result: string; created_at: string;
}

export interface DocumentsTable { id: string; sender_unit: string; data: string; sent_at: string }
export interface DeliveriesTable {
  id: string; document_id: string; sender_unit: string; recipient_unit: string; status: string; data: string; updated_at: string;
}
export interface SignCountersTable { unit_code: string; year: number; last: number }

export interface BlobsTable { sha256: string; size: number; kind: string; created_at: string }
export interface BlobUploadsTable {
  unit_code: string; sha256: string; size: number; name: string; received: number; created_at: string; updated_at: string;
}
/** Bytes of complete blobs (owner = sha256) and of pending uploads (owner = unit/sha256), one row per chunk. */
export interface BlobPartsTable { owner: string; pos: number; length: number; data: Buffer }
export interface BlobAccessTable { sha256: string; unit_code: string; via: string; granted_at: string }

export interface AuditHeadTable { id: number; seq: number; hash: string }
export interface AuditLogTable {
  seq: number; at: string; actor_user_id: string | null; actor_unit: string | null; action: string;
  entity: string; entity_id: string | null; content_sha256: string; prev_hash: string; hash: string;
}

export interface Database extends MeetingTables, ProposalTables {
  meta: MetaTable;
  schema_migrations: SchemaMigrationsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  recipient_groups: RecipientGroupsTable;
  streams: StreamsTable;
  changes: ChangesTable;
  processed_mutations: ProcessedMutationsTable;
  documents: DocumentsTable;
  deliveries: DeliveriesTable;
  sign_counters: SignCountersTable;
  blobs: BlobsTable;
  blob_uploads: BlobUploadsTable;
  blob_parts: BlobPartsTable;
  blob_access: BlobAccessTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
}

/** Every table, in an order that loads without dangling references (used by backup/restore). */
export const ALL_TABLES = [
  'meta', 'units', 'users', 'sessions', 'recipient_groups', 'streams', 'changes', 'processed_mutations',
  'documents', 'deliveries', 'sign_counters', 'blobs', 'blob_uploads', 'blob_parts', 'blob_access',
  'audit_head', 'audit_log', 'meetings', 'meeting_receipts', 'proposals', 'proposal_events',
] as const satisfies readonly (keyof Database)[];

