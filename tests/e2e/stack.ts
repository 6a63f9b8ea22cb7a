/**
 * End-to-end stack: a real central server (SQLite in a temp dir, demo seed), and per user a real client core with
 * its own data dir served by the real browser host, driven by Debian Chromium through playwright-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { startBrowserHost, type BrowserHost } from '../../src-main/hosts/browser-host.ts';
import { buildRenderer, isRendererBuilt, rendererDirOf } from '../../src-main/hosts/renderer-build.ts';
import { startServer } from '../../src-server/server.ts';
import { CHROMIUM, REPO_ROOT } from '../helpers/environment.ts';

export const PASSWORD = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'resources/seed/demo-users.json'), 'utf8')) as { password: string }).password;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `xt-e2e-${prefix}-`));
}

/** Builds the renderer once when dist/renderer is missing (clean clone). */
export async function ensureRenderer(): Promise<string> {
  const dir = rendererDirOf(REPO_ROOT);
  if (!isRendererBuilt(dir)) await buildRenderer(REPO_ROOT);
  return dir;
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/** A seeded server in a temp dir; close() also removes the directory. */
export async function startE2eServer(): Promise<Server> {
  const dataDir = tempDir('server');
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', seed: 'demo', settings: { scryptCost: 1024 } });
  return { ...server, close: async () => { await server.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

export interface Desk {
  core: Core;
  host: BrowserHost;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors (CSP violations included) seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** One user's machine: own data dir and core, own browser host, own browser context. */
export async function openDesk(browser: Browser, rendererDir: string, name: string): Promise<Desk> {
  const dataDir = tempDir(name);
  const core = await createCore({ dataDir });
  const host = await startBrowserHost({ core, rendererDir });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`); });
  await page.goto(host.url);
  return {
    core, host, context, page, problems,
    async close() {
      await context.close().catch(() => undefined);
      await host.close().catch(() => undefined);
      await core.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM ?? undefined,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
