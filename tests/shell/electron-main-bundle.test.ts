/**
 * The bundled Electron main process (what the packaged app runs) started under plain Node with a stand-in for the
 * 'electron' module: it finds its seed data after bundling, starts the embedded demo server and the real core,
 * answers IPC from the app's own page, refuses a foreign one, serves app:// with the CSP, and shuts down on quit.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronMain, MAIN_OUT, PRELOAD_OUT } from '../../src-main/electron/build-main.ts';
import { REPO_ROOT } from '../helpers/environment.ts';

const run = promisify(execFile);
const STUB = path.join(REPO_ROOT, 'tests/shell/fixtures/electron-stub');
const PASSWORD = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'resources/seed/demo-users.json'), 'utf8')) as { password: string }).password;

let appRoot: string;

beforeAll(async () => {
  // a miniature installed app: the bundle, resources and node_modules at the places the packaged layout has them
  appRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-main-bundle-'));
  await buildElectronMain(REPO_ROOT, appRoot);
  fs.symlinkSync(path.join(REPO_ROOT, 'resources'), path.join(appRoot, 'resources'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(appRoot, 'node_modules'));
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(appRoot, 'package.json'));
  fs.mkdirSync(path.join(appRoot, 'dist/renderer'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'dist/renderer/index.html'), '<!doctype html><title>协同</title>');
}, 120_000);

afterAll(() => {
  if (appRoot) fs.rmSync(appRoot, { recursive: true, force: true });
});

describe('bundled Electron main process', () => {
  it('writes a CommonJS preload that needs nothing but electron', () => {
    const preload = fs.readFileSync(path.join(appRoot, PRELOAD_OUT), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('starts the embedded server and the core, gates IPC, serves app:// and quits cleanly', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XT_TEST_APP_PATH: appRoot, XT_DATA_DIR: path.join(appRoot, 'data') };
    delete env.XT_SERVER_URL;
    delete env.XT_RENDERER_DIR;
    const { stdout } = await run(
      process.execPath,
      ['--import', path.join(STUB, 'register.mjs'), path.join(STUB, 'driver.mjs'), path.join(appRoot, MAIN_OUT), 'bgt.clerk', PASSWORD],
      { cwd: appRoot, env, timeout: 150_000, maxBuffer: 16 << 20 },
    );
    const seen = JSON.parse(stdout.trim().split('\n').pop()!) as {
      windowUrl: string;
      foreign: { ok: boolean; error?: { code: string } };
      login: { ok: boolean; value?: { unit: { code: string } } };
      directory: { ok: boolean; units: number };
      index: number;
      csp: string;
    };
    expect(seen.windowUrl).toBe('app://xietong/index.html');
    expect(seen.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen.login).toMatchObject({ ok: true, value: { unit: { code: 'BGT' } } });
    expect(seen.directory.ok).toBe(true);
    expect(seen.directory.units).toBeGreaterThanOrEqual(70);
    expect(seen.index).toBe(200);
    expect(seen.csp).toContain("script-src 'self'");
    // the data-directory lock was taken while running and released on quit
    expect(fs.existsSync(path.join(appRoot, 'data', 'client'))).toBe(true);
    expect(fs.existsSync(path.join(appRoot, 'data', 'instance.lock'))).toBe(false);
  }, 180_000);
});
