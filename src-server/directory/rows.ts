/** Row ↔ entity mapping for units and users. */
import type { Selectable } from 'kysely';
import type { UnitsTable, UsersTable } from '../db/schema.ts';
import { RoleSchema, type Unit, type User } from '../../shared/schemas/directory.ts';
import type { UnitKind } from '../../shared/schemas/directory.ts';
import { z } from 'zod';

export function unitFromRow(r: Selectable<UnitsTable>): Unit {
  return {
    code: r.code, name: r.name, shortName: r.short_name, kind: r.kind as UnitKind, parent: r.parent,
    docPrefix: r.doc_prefix, pinyin: r.pinyin, disabled: Number(r.disabled) === 1, sortOrder: Number(r.sort_order),
  };
}

export function unitToRow(u: Unit): Selectable<UnitsTable> {
  return {
    code: u.code, name: u.name, short_name: u.shortName, kind: u.kind, parent: u.parent, doc_prefix: u.docPrefix,
    pinyin: u.pinyin, disabled: u.disabled ? 1 : 0, sort_order: u.sortOrder,
  };
}

export function rolesFromText(text: string): User['roles'] {
  return z.array(RoleSchema).parse(JSON.parse(text));
}

export function userFromRow(r: Pick<Selectable<UsersTable>, 'id' | 'username' | 'display_name' | 'unit_code' | 'roles' | 'title' | 'phone' | 'disabled'>): User {
  return {
    id: r.id, username: r.username, displayName: r.display_name, unitCode: r.unit_code, roles: rolesFromText(r.roles),
    title: r.title, phone: r.phone, disabled: Number(r.disabled) === 1,
  };
}
