/**
 * The two factories the hosts start: createCore (src-main/core) and startServer (src-server), with the signatures
 * their owners publish. Kept in one file so a path or signature change touches one place.
 */
import type { CorePort } from './core-port.ts';

export type CreateCore = (options: { dataDir: string; serverUrl?: string }) => Promise<CorePort>;
export type StartServer = (options: {
  dataDir?: string;
  databaseUrl?: string;
  host?: string;
  port?: number;
  seed?: 'demo' | 'none';
}) => Promise<{ url: string; epoch: unknown; close(): Promise<void> }>;

// Specifiers held in variables until both modules exist in the tree (then they become static imports).
const CORE_MODULE: string = '../core/index.ts';
const SERVER_MODULE: string = '../../src-server/index.ts';

export async function loadCoreFactory(): Promise<CreateCore> {
  const mod = (await import(CORE_MODULE)) as { createCore: CreateCore };
  return mod.createCore;
}

export async function loadServerFactory(): Promise<StartServer> {
  const mod = (await import(SERVER_MODULE)) as { startServer: StartServer };
  return mod.startServer;
}
