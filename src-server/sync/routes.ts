import type { FastifyInstance } from 'fastify';
import { PullQuerySchema, PushRequestSchema } from '../../shared/sync/protocol.ts';
import { ROUTES } from '../../shared/sync/routes.ts';
import type { ServerContext } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { pullJson } from './pull.ts';
import { push } from './push.ts';

export function syncRoutes(app: FastifyInstance, ctx: ServerContext, epoch: () => string): void {
  app.post(ROUTES.push, async (req) => {
    const { mutations } = PushRequestSchema.parse(req.body);
    return { results: await push(ctx, requireActor(req), mutations) };
  });
  app.get(ROUTES.pull, async (req, reply) => {
    const q = PullQuerySchema.parse(req.query);
    const body = await pullJson(ctx, requireActor(req).unitCode, epoch(), q);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
