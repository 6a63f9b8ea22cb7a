import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/sync/routes.ts';
import type { ServerContext } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { getDirectory } from './service.ts';

export function directoryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(ROUTES.directory, async (req) => getDirectory(ctx, requireActor(req)));
}
