/**
 * Database-level append-only guard for the audit log: triggers refuse UPDATE and DELETE (and TRUNCATE on PG).
 * Only a restore lifts it, inside its own transaction. Someone with DBA rights can still drop the triggers; the hash
 * chain (verifyAuditChain) is what detects that kind of tampering.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/migrations/types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function protectAuditLog(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create trigger if not exists audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger if not exists audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    return;
  }
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_log is append-only'; end $$`.execute(db);
  await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function unprotectAuditLog(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
    return;
  }
  await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
}
