/**
 * The two factories the hosts start: createCore (src-main/core) and startServer (src-server). Loaded lazily so a
 * host that connects to a remote server never loads the server code; kept in one file so a path change touches one place.
 */
import type { createCore } from '../core/index.ts';
import type { startServer } from '../../src-server/server.ts';

export type CreateCore = typeof createCore;
export type StartServer = typeof startServer;

export async function loadCoreFactory(): Promise<CreateCore> {
  return (await import('../core/index.ts')).createCore;
}

export async function loadServerFactory(): Promise<StartServer> {
  return (await import('../../src-server/server.ts')).startServer;
}
