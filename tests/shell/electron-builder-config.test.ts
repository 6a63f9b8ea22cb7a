/**
 * electron-builder.yml as electron-builder itself loads and validates it, plus the invariants Electronegativity does
 * not check: fuses, asarUnpack for native modules, targets.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/environment.ts';

type Config = Record<string, unknown> & {
  appId?: string;
  productName?: string;
  asarUnpack?: string[] | string;
  files?: (string | { filter?: string[] })[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: (string | { target: string })[] };
  win?: { target?: (string | { target: string })[] };
};

const require = createRequire(path.join(REPO_ROOT, 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, extra: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

let config: Config;
beforeAll(async () => {
  config = await getConfig(REPO_ROOT, 'electron-builder.yml', null);
});

const targets = (list: (string | { target: string })[] | undefined) => (list ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation (which does reject unknown keys)', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the app', () => {
    expect(config.appId).toBe('cn.gov.xietong.desktop');
    expect(config.productName).toBe('协同');
  });

  it('builds deb and AppImage for Linux and an NSIS installer for Windows', () => {
    expect(targets(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
  });

  it('unpacks native modules (better-sqlite3) from the asar', () => {
    const unpack = [config.asarUnpack ?? []].flat();
    expect(unpack).toContain('**/*.node');
    expect(config.asar).not.toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built main process, preload and renderer, and no sources or source maps', () => {
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist-main/**/*', 'dist/renderer/**/*', '!dist-main/**/*.map']));
    expect(files.some((f) => f.startsWith('src-'))).toBe(false);
  });

  it('points package.json "main" at the bundle build-main.ts writes', async () => {
    const pkg = require('./package.json') as { main: string };
    const { MAIN_OUT } = await import('../../src-main/electron/build-main.ts');
    expect(pkg.main).toBe(MAIN_OUT);
  });
});
