/** The directory as last fetched from the server, cached in the profile store so the unit picker works offline. */
import { DirectorySchema, type Directory, type Unit } from '../../../shared/schemas/directory.ts';
import type { Db } from '../store/db.ts';
import { q } from '../store/statements.ts';

export function saveDirectory(db: Db, dir: Directory): void {
  db.transaction(() => {
    q(db, 'DELETE FROM units').run();
    q(db, 'DELETE FROM recipient_groups').run();
    q(db, 'DELETE FROM colleagues').run();
    const u = q(db, 'INSERT INTO units (code, data, sort_order) VALUES (?, ?, ?)');
    for (const x of dir.units) u.run(x.code, JSON.stringify(x), x.sortOrder);
    const g = q(db, 'INSERT INTO recipient_groups (id, data) VALUES (?, ?)');
    for (const x of dir.groups) g.run(x.id, JSON.stringify(x));
    const c = q(db, 'INSERT INTO colleagues (id, data) VALUES (?, ?)');
    for (const x of dir.colleagues) c.run(x.id, JSON.stringify(x));
  })();
}

export function loadDirectory(db: Db): Directory {
  const parse = (rows: { data: string }[]) => rows.map((r) => JSON.parse(r.data) as unknown);
  return DirectorySchema.parse({
    units: parse(q(db, 'SELECT data FROM units ORDER BY sort_order, code').all() as { data: string }[]),
    groups: parse(q(db, 'SELECT data FROM recipient_groups ORDER BY id').all() as { data: string }[]),
    colleagues: parse(q(db, 'SELECT data FROM colleagues ORDER BY id').all() as { data: string }[]),
  });
}

export function unitByCode(db: Db, code: string): Unit | null {
  const r = q(db, 'SELECT data FROM units WHERE code = ?').get(code) as { data: string } | undefined;
  return r ? (JSON.parse(r.data) as Unit) : null;
}

export function unitName(db: Db, code: string): string {
  return unitByCode(db, code)?.name ?? code;
}
