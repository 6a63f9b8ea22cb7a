/** The seeded directory (69 units + the General Office) with groups derived by kind, as the server offers them. */
import fs from 'node:fs';
import path from 'node:path';
import type { Directory, Unit } from '../../shared/schemas/directory.ts';
import { REPO_ROOT } from '../helpers/environment.ts';

export function seededDirectory(): Directory {
  const units = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'resources/seed/units.json'), 'utf8')) as Unit[];
  const codes = (f: (u: Unit) => boolean) => units.filter(f).map((u) => u.code);
  return {
    units,
    groups: [
      { id: 'all', name: '全部单位', kind: 'all', unitCodes: codes((u) => u.kind !== 'general-office') },
      { id: 'districts', name: '各区政府', kind: 'districts', unitCodes: codes((u) => u.kind === 'district') },
      { id: 'counties', name: '各县（市）政府', kind: 'counties', unitCodes: codes((u) => u.kind === 'county') },
      { id: 'departments', name: '市政府各部门', kind: 'departments', unitCodes: codes((u) => u.kind === 'department') },
    ],
    colleagues: [],
  };
}
