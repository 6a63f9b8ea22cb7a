/** The numbered migrations, in order. Add a file NNN_name.ts and list it here. */
import { migration001 } from './001_initial.ts';
import { migration002 } from './002_meetings.ts';
import { migration003 } from './003_proposals.ts';
import { migration004 } from './004_audit_append_only.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
