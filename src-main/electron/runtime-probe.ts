/**
 * Can the Electron runtime launch here? Answered without `require('electron')` (which would try to download the
 * binary): the npm package records its binary in path.txt only once the binary was installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type RuntimeProbe = { available: true; binary: string } | { available: false; reason: string };

export function probeElectronRuntime(repoRoot: string, env: NodeJS.ProcessEnv = process.env): RuntimeProbe {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { available: false, reason: 'the electron package is not installed' };
  const pathTxt = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  if (relative === null && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { available: false, reason: 'node_modules/electron has no binary (path.txt missing; it cannot be downloaded here)' };
  }
  const binary = path.join(distDir, relative || 'electron');
  if (!fs.existsSync(binary)) return { available: false, reason: `the Electron binary ${binary} is missing` };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  }
  const version = spawnSync(binary, ['--version'], { env, timeout: 15_000, encoding: 'utf8' });
  if (version.status !== 0) return { available: false, reason: `\`electron --version\` failed (${version.error?.message ?? `exit ${version.status}`})` };
  return { available: true, binary };
}
