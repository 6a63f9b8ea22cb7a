/**
 * Bundles the Electron main process and preload into dist-main/ (package.json "main"). The preload is one CommonJS
 * file because sandboxed preloads cannot load other modules; npm packages stay external for main (better-sqlite3 is
 * native and is unpacked from the asar, see electron-builder.yml).
 *
 * Code that finds data files next to its source (`import.meta.url` in src-server/admin/seed.ts, core/pdf/fonts.ts…)
 * keeps working after bundling: each such use is rewritten to the URL the source file has under the app root, and
 * the app root is computed from the bundle's own location (dist-main/src-main/electron/ → three levels up).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

export const MAIN_OUT = 'dist-main/src-main/electron/main.js';
export const PRELOAD_OUT = 'dist-main/src-main/electron/preload.cjs';

function sourceUrlPlugin(root: string): Plugin {
  const repoRoot = path.resolve(root);
  const own = path.join(repoRoot, 'src-main', 'electron') + path.sep;
  return {
    name: 'xt-source-url',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`) || args.path.startsWith(own)) return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = path.relative(repoRoot, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __xtAppRoot).href`), loader: 'ts' };
      });
    },
  };
}

export async function buildElectronMain(repoRoot: string, outRoot: string = repoRoot): Promise<void> {
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' } as const;
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/main.ts')],
    outfile: path.join(outRoot, MAIN_OUT),
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    plugins: [sourceUrlPlugin(repoRoot)],
    banner: {
      js: [
        "import { createRequire as __xtCreateRequire } from 'node:module';",
        'const require = __xtCreateRequire(import.meta.url);',
        "const __xtAppRoot = new URL('../../../', import.meta.url);",
      ].join('\n'),
    },
  });
  await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'src-main/electron/preload.ts')],
    outfile: path.join(outRoot, PRELOAD_OUT),
    format: 'cjs',
    minify: true,
    external: ['electron'],
  });
}
