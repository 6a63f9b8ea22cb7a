/**
 * `npm start`: the desktop app when the Electron runtime can launch; otherwise one line saying so, then the browser
 * host (renderer + core on 127.0.0.1) with its URL printed. With no central server configured an embedded demo
 * server runs too (see hosts/launch-backend.ts). Ctrl-C shuts everything down.
 *
 * Options (flags win over environment):
 *   --port N        / XT_PORT          browser host port (default: a free one)
 *   --data-dir DIR  / XT_DATA_DIR      data directory (default: $XDG_DATA_HOME/xietong or ~/.local/share/xietong)
 *   --server URL    / XT_SERVER_URL    central server to use instead of the embedded demo server
 *   --browser       / XT_BROWSER_HOST=1  serve the browser host even where Electron could run
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { probeElectronRuntime } from './electron/runtime-probe.ts';
import { startBrowserHost } from './hosts/browser-host.ts';
import { acquireInstanceLock } from './hosts/instance-lock.ts';
import { startBackend } from './hosts/launch-backend.ts';
import { buildRenderer, isRendererBuilt, rendererDirOf } from './hosts/renderer-build.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'xietong');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      server: { type: 'string' },
      browser: { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.XT_DATA_DIR ?? defaultDataDir());
  const port = Number(values.port ?? process.env.XT_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${values.port ?? process.env.XT_PORT}`);
  const serverUrl = values.server ?? process.env.XT_SERVER_URL ?? null;

  const rendererDir = rendererDirOf(REPO_ROOT);
  if (!isRendererBuilt(rendererDir)) {
    console.log('building the renderer (first run)…');
    await buildRenderer(REPO_ROOT);
  }

  const wantBrowser = values.browser || process.env.XT_BROWSER_HOST === '1';
  const probe = wantBrowser ? null : probeElectronRuntime(REPO_ROOT);
  if (probe?.available) return runElectron(probe.binary, dataDir, serverUrl);
  if (probe && !probe.available) {
    console.log(`Electron runtime not available (${probe.reason}); serving the browser host instead.`);
  }

  const lock = acquireInstanceLock(dataDir);
  if (!lock.acquired) {
    console.log(`协同 is already running with this data directory (pid ${lock.holder.pid}): ${lock.holder.url ?? '(starting)'}`);
    process.exitCode = 1;
    return;
  }
  let backend: Awaited<ReturnType<typeof startBackend>>;
  try {
    backend = await startBackend({ dataDir, serverUrl });
  } catch (err) {
    lock.release();
    throw err;
  }
  const host = await startBrowserHost({ core: backend.core, rendererDir, host: '127.0.0.1', port });
  lock.setUrl(host.url);
  if (backend.embedded) {
    console.log(`embedded demo server: ${backend.serverUrl} (data in ${dataDir}; demo accounts in README.md)`);
  } else {
    console.log(`central server: ${backend.serverUrl}`);
  }
  console.log(`协同 browser host: ${host.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    // npm and tsx relay the terminal's Ctrl-C, so the same signal can arrive more than once: shut down once,
    // and give up waiting after 10 s.
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(130), 10_000).unref();
    console.log(`${signal}: shutting down…`);
    try {
      await host.close();
      await backend.close();
    } finally {
      lock.release();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Builds the main-process bundle and launches Electron on this folder; its exit ends npm start. */
async function runElectron(binary: string, dataDir: string, serverUrl: string | null): Promise<void> {
  const { buildElectronMain } = await import('./electron/build-main.ts');
  await buildElectronMain(REPO_ROOT);
  const child = spawn(binary, [REPO_ROOT], {
    stdio: 'inherit',
    env: { ...process.env, XT_DATA_DIR: dataDir, ...(serverUrl ? { XT_SERVER_URL: serverUrl } : {}) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
