/**
 * Who may do what, by role. The server enforces it on every request; the client uses it to show or hide actions.
 * Everything is also scoped to the caller's unit (a unit only ever sees its own streams).
 */
import type { Role } from '../schemas/directory.ts';

export const PERMISSIONS = {
  /** compose and send documents, recall, remind, 补发 */
  'documents.send': ['clerk', 'secretary', 'admin'],
  /** sign for, refuse and register received documents */
  'documents.receive': ['clerk', 'secretary', 'admin'],
  /** read the unit's documents */
  'documents.read': ['clerk', 'secretary', 'handler', 'leader', 'admin'],
  /** issue, change, cancel meeting notices, remind units, attach minutes (会议通知) */
  'meetings.organise': ['secretary', 'admin'],
  /** sign for and reply to meeting notices on behalf of the unit (签收、回执) */
  'meetings.reply': ['clerk', 'secretary', 'admin'],
  /** General Office: register/import, assign (分办), review and record feedback on 建议提案 */
  'proposals.manage': ['clerk', 'secretary', 'handler', 'admin'],
  /** handling units: sign for, return, record progress, countersign and answer 建议提案 */
  'proposals.handle': ['clerk', 'secretary', 'handler', 'admin'],
  /** read the unit's 建议提案 and statistics */
  'proposals.read': ['clerk', 'secretary', 'handler', 'leader', 'admin'],
  /** manage units and users (admin of the General Office only, checked by unit kind too) */
  'directory.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
