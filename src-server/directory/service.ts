/** GET /directory: all units, the recipient groups, and the colleagues of the caller's own unit only. */
import type { Directory } from '../../shared/schemas/directory.ts';
import type { Actor, ServerContext } from '../context.ts';
import { customGroups, derivedGroups } from './groups.ts';
import { unitFromRow, userFromRow } from './rows.ts';

export async function getDirectory(ctx: ServerContext, actor: Actor): Promise<Directory> {
  const unitRows = await ctx.db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('code').execute();
  const units = unitRows.map(unitFromRow);
  const colleagueRows = await ctx.db.selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_code', 'roles', 'title', 'phone', 'disabled'])
    .where('unit_code', '=', actor.unitCode).orderBy('username').execute();
  return {
    units,
    groups: [...derivedGroups(units), ...(await customGroups(ctx, actor.unitCode))],
    colleagues: colleagueRows.map(userFromRow),
  };
}
