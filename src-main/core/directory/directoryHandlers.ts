/** directory.get : the cached directory (fetched at login and refreshed when empty). */
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import type { CoreContext } from '../context.ts';
import { loadDirectory, saveDirectory } from './directoryStore.ts';

export function directoryHandlers(ctx: CoreContext): Handlers<Contract>['directory'] {
  return {
    async get() {
      const p = ctx.requireProfile();
      let dir = loadDirectory(p.db);
      if (dir.units.length === 0 && !ctx.offline) {
        saveDirectory(p.db, await p.api.directory());
        dir = loadDirectory(p.db);
      }
      return dir;
    },
  };
}
