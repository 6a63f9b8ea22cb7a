/** auth.* : login against the server, resume from the stored session, logout, remembered login fields. */
import { AppError } from '../../../shared/errors.ts';
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import { ServerApi, normalizeServerUrl } from '../net/api.ts';
import type { CoreContext } from '../context.ts';

export function authHandlers(ctx: CoreContext): Handlers<Contract>['auth'] {
  return {
    async login({ serverUrl, username, password }) {
      const url = normalizeServerUrl(serverUrl ?? ctx.sessionFiles.remembered().serverUrl ?? ctx.opts.serverUrl ?? '');
      if (!url) throw new AppError('VALIDATION_FAILED', { field: 'serverUrl' }, '请填写服务器地址');
      const api = new ServerApi({ serverUrl: url, fetch: ctx.fetch, token: () => null, isOffline: () => ctx.offline });
      const res = await api.login(username, password);
      const session = { serverUrl: url, token: res.token, expiresAt: res.expiresAt, user: res.user, unit: res.unit };
      ctx.sessionFiles.saveSession(session);
      ctx.sessionFiles.remember({ serverUrl: url, username });
      await ctx.open(session);
      return { serverUrl: url, user: res.user, unit: res.unit };
    },
    async logout() {
      const p = ctx.profile;
      if (p && !ctx.expired) await p.api.logout().catch(() => undefined); // offline: the token simply expires
      ctx.sessionFiles.clearSession();
      await ctx.closeProfile();
      ctx.expired = false;
      return { ok: true as const };
    },
    session() {
      const p = ctx.profile;
      if (!p || ctx.expired) return null;
      return { serverUrl: p.session.serverUrl, user: p.session.user, unit: p.session.unit };
    },
    remembered() {
      return ctx.sessionFiles.remembered();
    },
  };
}
