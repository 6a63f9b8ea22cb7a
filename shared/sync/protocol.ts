/**
 * The sync protocol between a client core and the central server (HTTP + live pokes).
 * One mechanism for every feature: mutations go up through the outbox, changes come down per unit stream.
 * Features add their mutation and change schemas to the two unions below.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, UnitCodeSchema } from '../schemas/common.ts';
import { DirectorySchema, PasswordSchema, UnitSchema, UserSchema, UsernameSchema } from '../schemas/directory.ts';
import { DocumentChangeSchemas, DocumentMutationSchemas } from '../schemas/documents.ts';
import { MeetingChangeSchemas, MeetingMutationSchemas } from '../schemas/meetings.ts';
import { ProposalChangeSchemas, ProposalMutationSchemas } from '../schemas/proposals.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import type { BodyOf } from './envelope.ts';

export const API_PREFIX = '/api/v1';
export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_BATCH = 100;
export const MAX_PULL_LIMIT = 1000;
export const LIVE_HEARTBEAT_MS = 15_000;

// ---- auth ----
export const LoginRequestSchema = z.strictObject({ username: UsernameSchema, password: z.string().min(1).max(128) });
export const LoginResponseSchema = z.strictObject({
  token: z.string().min(32),
  expiresAt: InstantSchema,
  user: UserSchema,
  unit: UnitSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export const ChangePasswordRequestSchema = z.strictObject({ oldPassword: z.string().min(1).max(128), newPassword: PasswordSchema });

// ---- mutations ----
export const MutationSchema = z.discriminatedUnion('type', [...DocumentMutationSchemas, ...MeetingMutationSchemas, ...ProposalMutationSchemas]);
/** Envelope as pushed: client-chosen id (UUIDv7) makes the effect exactly-once. */
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationBody = BodyOf<Mutation>;
export type MutationType = Mutation['type'];
export type MutationOf<T extends MutationType> = Extract<Mutation, { type: T }>;

export const PushRequestSchema = z.strictObject({
  mutations: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});

export const ErrorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);
export const MutationResultSchema = z.strictObject({
  id: z.string(),
  /** applied: took effect now or earlier (replay returns the first result); rejected: permanent, never retried. */
  status: z.enum(['applied', 'rejected']),
  error: z.strictObject({ code: ErrorCodeSchema, message: z.string(), details: z.unknown().optional() }).optional(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;
export const PushResponseSchema = z.strictObject({ results: z.array(MutationResultSchema) });

// ---- changes ----
export const ChangeSchema = z.discriminatedUnion('entity', [...DocumentChangeSchemas, ...MeetingChangeSchemas, ...ProposalChangeSchemas]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeBody = Omit<Change, 'seq'>;
export type ChangeEntity = Change['entity'];

export const PullQuerySchema = z.strictObject({
  epoch: z.string().max(64).optional(),
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export const PullResponseSchema = z.strictObject({
  epoch: z.string(),
  unit: UnitCodeSchema,
  changes: z.array(z.unknown()),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = { epoch: string; unit: string; changes: Change[]; cursor: number; hasMore: boolean };
/** 409 body when the client's epoch is not the server's: drop the local replica and pull from 0. */
export const MustRefetchSchema = z.strictObject({ code: z.literal('SYNC_EPOCH_CHANGED'), message: z.string(), epoch: z.string() });

// ---- live channel (WebSocket) ----
/**
 * Live, sent after commit just before the poke: the changes a commit appended to the unit's stream (seq after+1 …
 * cursor). A client whose cursor equals `after` (same epoch) applies them as a pull page and skips the pull; any
 * other client ignores them and pulls on the poke. Clients that do not know the type ignore it.
 */
export const LiveChangesMessageSchema = z.strictObject({
  type: z.literal('changes'), epoch: z.string(), unit: UnitCodeSchema,
  after: z.number().int().min(0), cursor: z.number().int().min(0), changes: z.array(z.unknown()),
});
export const LiveMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), unit: UnitCodeSchema, latestSeq: z.number().int(), epoch: z.string() }),
  z.strictObject({ type: z.literal('poke'), unit: UnitCodeSchema, latestSeq: z.number().int() }),
  z.strictObject({ type: z.literal('ping'), at: InstantSchema }),
  LiveChangesMessageSchema,
]);
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
export type LiveChangesMessage = z.infer<typeof LiveChangesMessageSchema>;

export const DirectoryResponseSchema = DirectorySchema;

