/**
 * Builders for the two kinds of message every feature adds to the sync protocol.
 * A mutation carries a client-chosen id (UUIDv7) that makes its effect exactly-once;
 * a change carries the position in the unit's stream (commit order) and the entity's current state.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema } from '../schemas/common.ts';

export function defineMutation<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.strictObject({ id: IdSchema, clientTime: InstantSchema, type: z.literal(type), payload });
}

export function defineChange<E extends string, D extends z.ZodType>(entity: E, data: D) {
  return z.strictObject({ seq: z.number().int().min(1), entity: z.literal(entity), data });
}

/** Distributive omit, so a union of mutations stays a union without its envelope fields. */
export type BodyOf<M> = M extends unknown ? Omit<M, 'id' | 'clientTime'> : never;
