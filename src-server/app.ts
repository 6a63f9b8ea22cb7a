/** Builds the Fastify app: error format, public routes (health, login, live), and the authenticated scope. */
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { API_PREFIX, PROTOCOL_VERSION } from '../shared/sync/protocol.ts';
import { ROUTES } from '../shared/sync/routes.ts';
import type { ServerContext } from './context.ts';
import { installErrorHandling } from './http/errors.ts';
import { requireAuth } from './http/auth.ts';
import { authRoutes, publicAuthRoutes } from './auth/routes.ts';
import { directoryRoutes } from './directory/routes.ts';
import { syncRoutes } from './sync/routes.ts';
import { blobRoutes } from './blobs/routes.ts';
import { liveRoutes } from './live/routes.ts';
import type { LiveHub } from './live/hub.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;

export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]');
}

export async function buildApp(ctx: ServerContext, hub: LiveHub, epoch: () => string, logger: boolean): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? {
      level: process.env.LOG_LEVEL ?? 'info',
      // The live channel carries its token in the query string: never write it to the logs.
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }) },
    } : false,
    bodyLimit: JSON_BODY_LIMIT,
    // Longer than any proxy/client idle timeout, so idle sync connections are not dropped under them.
    keepAliveTimeout: 65_000,
    requestTimeout: 120_000,
  });
  // Node drops a keep-alive connection whose headers take longer than headersTimeout: keep it above keepAliveTimeout.
  app.server.headersTimeout = 66_000;
  app.decorateRequest('actor', null);
  installErrorHandling(app);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  await app.register(async (api) => {
    api.get(ROUTES.health, async () => ({ ok: true, epoch: epoch(), version: PROTOCOL_VERSION }));
    publicAuthRoutes(api, ctx);
    liveRoutes(api, ctx, hub, epoch);
    await api.register(async (authed) => {
      requireAuth(authed, ctx);
      authRoutes(authed, ctx);
      directoryRoutes(authed, ctx);
      syncRoutes(authed, ctx, epoch);
      blobRoutes(authed, ctx);
    });
  }, { prefix: API_PREFIX });
  return app;
}
