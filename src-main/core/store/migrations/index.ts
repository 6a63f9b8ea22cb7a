/** Numbered migrations, one file each. The index in this list + 1 is the user_version it brings the store to. */
import { sql as m001 } from './001_initial.ts';
import { sql as m002 } from './002_meetings.ts';
import { sql as m003 } from './003_proposals.ts';
import { sql as m004 } from './004_inbox_order.ts';

export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004];
