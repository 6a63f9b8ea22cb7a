/** Recipient groups: derived from unit kinds (always current) plus custom groups stored in the table. */
import type { RecipientGroup, Unit } from '../../shared/schemas/directory.ts';
import { RecipientGroupSchema } from '../../shared/schemas/directory.ts';
import type { ServerContext } from '../context.ts';
import { z } from 'zod';

export function derivedGroups(units: readonly Unit[]): RecipientGroup[] {
  const enabled = units.filter((u) => !u.disabled).sort((a, b) => a.sortOrder - b.sortOrder);
  const codes = (pred: (u: Unit) => boolean) => enabled.filter(pred).map((u) => u.code);
  return [
    { id: 'all', name: '全部单位', kind: 'all', unitCodes: codes((u) => u.kind !== 'general-office') },
    { id: 'districts', name: '各区政府', kind: 'districts', unitCodes: codes((u) => u.kind === 'district') },
    // 县 and 县级市 (尚志市, 五常市) are both kind "county".
    { id: 'counties', name: '各县（市）政府', kind: 'counties', unitCodes: codes((u) => u.kind === 'county') },
    { id: 'departments', name: '市政府各部门', kind: 'departments', unitCodes: codes((u) => u.kind === 'department') },
  ];
}

/** Custom groups visible to a unit: global ones (no owner) and the unit's own. */
export async function customGroups(ctx: ServerContext, unitCode: string): Promise<RecipientGroup[]> {
  const rows = await ctx.db.selectFrom('recipient_groups').selectAll()
    .where((eb) => eb.or([eb('owner_unit', 'is', null), eb('owner_unit', '=', unitCode)]))
    .orderBy('name').execute();
  return rows.map((r) => RecipientGroupSchema.parse({
    id: r.id, name: r.name, kind: 'custom', unitCodes: z.array(z.string()).parse(JSON.parse(r.unit_codes)),
  }));
}
