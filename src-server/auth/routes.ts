import type { FastifyInstance } from 'fastify';
import { ChangePasswordRequestSchema, LoginRequestSchema } from '../../shared/sync/protocol.ts';
import { ROUTES } from '../../shared/sync/routes.ts';
import type { ServerContext } from '../context.ts';
import { requireActor } from '../http/auth.ts';
import { changePassword, login, logout } from './sessions.ts';

export function publicAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(ROUTES.login, async (req) => {
    const { username, password } = LoginRequestSchema.parse(req.body);
    return login(ctx, username, password);
  });
}

export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(ROUTES.logout, async (req) => {
    await logout(ctx, requireActor(req));
    return { ok: true };
  });
  app.post(ROUTES.password, async (req) => {
    const { oldPassword, newPassword } = ChangePasswordRequestSchema.parse(req.body);
    await changePassword(ctx, requireActor(req), oldPassword, newPassword);
    return { ok: true };
  });
}
