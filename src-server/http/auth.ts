/** Bearer-token authentication applied to a whole route scope in one hook. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import type { Actor, ServerContext } from '../context.ts';
import { authenticate } from '../auth/sessions.ts';

export type AuthedActor = Actor & { tokenHash: string };

declare module 'fastify' {
  interface FastifyRequest { actor: AuthedActor | null }
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : undefined;
}

export function requireActor(req: FastifyRequest): AuthedActor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}

/** Registers the hook on `scope`: every route in it needs a valid, unexpired, unrevoked token of an enabled user. */
export function requireAuth(scope: FastifyInstance, ctx: ServerContext): void {
  scope.addHook('onRequest', async (req) => {
    req.actor = await authenticate(ctx, bearerToken(req));
  });
}
