/** 004: the audit log refuses UPDATE and DELETE at the database level. */
import { protectAuditLog } from '../../audit/protection.ts';
import type { Migration } from './types.ts';

export const migration004: Migration = {
  version: 4,
  name: 'audit_append_only',
  async up(db, dialect) {
    await protectAuditLog(db, dialect);
  },
};
