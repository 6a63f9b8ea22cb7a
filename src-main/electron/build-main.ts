/**
 * Bundles the Electron main process and preload into dist-main/ (package.json "main"). The preload is one CommonJS
 * file because sandboxed preloads cannot load other modules; npm packages stay external for main (better-sqlite3 is
 * native and is unpacked from the asar, see electron-builder.yml).
 */
import path from 'node:path';
import { build } from 'esbuild';

export const MAIN_OUT = 'dist-main/src-main/electron/main.js';
export const PRELOAD_OUT = 'dist-main/src-main/electron/preload.cjs';

export async function buildElectronMain(repoRoot: string): Promise<void> {
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' } as const;
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/main.ts')],
    outfile: path.join(repoRoot, MAIN_OUT),
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    banner: { js: "import { createRequire as __xtCreateRequire } from 'node:module'; const require = __xtCreateRequire(import.meta.url);" },
  });
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/preload.ts')],
    outfile: path.join(repoRoot, PRELOAD_OUT),
    format: 'cjs',
    minify: true,
    external: ['electron'],
  });
}
