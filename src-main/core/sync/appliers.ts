/**
 * Extension point for features beyond documents (meetings, proposals…): each registers how to apply its changes from
 * the unit's stream (inside the page transaction) and which replicated tables an epoch reset must empty.
 * Changes of an entity nobody registered are skipped (an older client meeting a newer server).
 */
import type { CoreEvent } from '../../../shared/ipc/contract.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import type { Db } from '../store/db.ts';

export interface ApplyContext {
  unit: string;
  actor: string;
}
export interface ApplierEffects {
  entities?: string[];
  notifications?: Extract<CoreEvent, { type: 'notify' }>[];
}
export type ChangeApplier = (db: Db, change: Change, me: ApplyContext) => ApplierEffects | void;

const appliers = new Map<string, ChangeApplier>();
const replicaTables = new Set<string>();

export function registerChangeApplier(entity: string, applier: ChangeApplier, tables: string[] = []): void {
  appliers.set(entity, applier);
  for (const t of tables) replicaTables.add(t);
}

export function applierFor(entity: string): ChangeApplier | undefined {
  return appliers.get(entity);
}

export function extraReplicaTables(): string[] {
  return [...replicaTables];
}
