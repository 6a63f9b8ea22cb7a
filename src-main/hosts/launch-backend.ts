/**
 * What both ways of running the app (Electron, browser host) start behind the window: the client core, and — when no
 * central server is configured — an embedded central server on 127.0.0.1 (SQLite in the data directory, seeded with
 * the demo General Office and the 69 units) so a newcomer can try everything at once.
 *
 * Server choice, first match wins: the `serverUrl` option, XT_SERVER_URL, `serverUrl` in <dataDir>/settings.json,
 * otherwise the embedded server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CorePort } from './core-port.ts';
import { loadCoreFactory, loadServerFactory } from './backend-modules.ts';

export interface BackendOptions {
  dataDir: string;
  serverUrl?: string | null;
  env?: NodeJS.ProcessEnv;
}

export interface Backend {
  core: CorePort;
  serverUrl: string;
  /** True when this process runs the demo central server itself. */
  embedded: boolean;
  close(): Promise<void>;
}

const SettingsSchema = z.object({ serverUrl: z.url().optional() });

export function readSettings(dataDir: string): z.infer<typeof SettingsSchema> {
  const file = path.join(dataDir, 'settings.json');
  if (!fs.existsSync(file)) return {};
  const parsed = SettingsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: serverUrl must be a URL`);
  return parsed.data;
}

/** The configured central server, or null when the embedded demo server should run. */
export function configuredServerUrl(options: BackendOptions): string | null {
  const env = options.env ?? process.env;
  return options.serverUrl || env.XT_SERVER_URL || readSettings(options.dataDir).serverUrl || null;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  let serverUrl = configuredServerUrl(options);
  let server: { url: string; close(): Promise<void> } | null = null;
  if (serverUrl === null) {
    server = await startEmbeddedServer(options.dataDir);
    serverUrl = server.url;
  }
  const createCore = await loadCoreFactory();
  let core: CorePort;
  try {
    core = await createCore({ dataDir: path.join(options.dataDir, 'client'), serverUrl });
  } catch (err) {
    await server?.close();
    throw err;
  }
  return {
    core,
    serverUrl,
    embedded: server !== null,
    async close() {
      await core.close();
      await server?.close();
    },
  };
}

/**
 * The embedded demo server keeps the port it got on first run (recorded in <dataDir>/embedded-server.json), so the
 * server URL the core remembers for the login screen stays valid across launches; a taken port falls back to a new one.
 */
async function startEmbeddedServer(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const startServer = await loadServerFactory();
  const file = path.join(dataDir, 'embedded-server.json');
  let port = 0;
  try {
    const recorded = (JSON.parse(fs.readFileSync(file, 'utf8')) as { port?: unknown }).port;
    if (typeof recorded === 'number' && Number.isInteger(recorded) && recorded > 1024 && recorded < 65536) port = recorded;
  } catch {
    port = 0;
  }
  const options = { dataDir: path.join(dataDir, 'server'), host: '127.0.0.1', seed: 'demo' } as const;
  let server;
  try {
    server = await startServer({ ...options, port });
  } catch (err) {
    if (port === 0 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    server = await startServer({ ...options, port: 0 });
  }
  fs.writeFileSync(file, JSON.stringify({ port: Number(new URL(server.url).port) }));
  return server;
}
