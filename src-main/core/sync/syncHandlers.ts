/** sync.* : status, sync now, and the offline toggle (a simulated pulled cable: no network calls until set back). */
import { AppError } from '../../../shared/errors.ts';
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import type { CoreContext } from '../context.ts';

export function syncHandlers(ctx: CoreContext): Handlers<Contract>['sync'] {
  return {
    status() {
      return ctx.requireProfile().engine.status();
    },
    async now() {
      const p = ctx.requireProfile();
      await p.engine.syncNow();
      if (ctx.expired) throw new AppError('AUTH_SESSION_EXPIRED');
      return p.engine.status();
    },
    setOffline({ offline }) {
      ctx.offline = offline;
      const p = ctx.requireProfile();
      p.engine.offlineChanged(offline);
      return p.engine.status();
    },
  };
}
