import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROUTES } from '../../shared/sync/routes.ts';
import type { ServerContext } from '../context.ts';
import { authenticate } from '../auth/sessions.ts';
import { requireActor } from '../http/auth.ts';
import { latestSeq } from '../sync/pull.ts';
import type { LiveHub } from './hub.ts';

const LiveQuerySchema = z.strictObject({ token: z.string().min(1).max(128) });

export function liveRoutes(app: FastifyInstance, ctx: ServerContext, hub: LiveHub, epoch: () => string): void {
  app.get(ROUTES.live, {
    websocket: true,
    // The token is checked before the upgrade: a bad one gets a coded HTTP error, never a socket.
    preValidation: async (req) => {
      const { token } = LiveQuerySchema.parse(req.query);
      req.actor = await authenticate(ctx, token);
    },
  }, async (socket, req) => {
    const actor = requireActor(req);
    hub.add(actor.unitCode, socket, actor.tokenHash);
    socket.on('message', () => undefined); // clients only listen; anything they send is ignored
    hub.send(socket, { type: 'hello', unit: actor.unitCode, latestSeq: await latestSeq(ctx, actor.unitCode), epoch: epoch() });
  });
}
