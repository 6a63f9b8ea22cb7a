/** Where the built renderer lives and how to build it when it is missing (`npm run build:renderer`). */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** vite build output (outDir of src-renderer/vite.config.ts); XT_RENDERER_DIR overrides it. */
export function rendererDirOf(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.XT_RENDERER_DIR ? path.resolve(env.XT_RENDERER_DIR) : path.join(repoRoot, 'dist', 'renderer');
}

export function isRendererBuilt(rendererDir: string): boolean {
  return fs.existsSync(path.join(rendererDir, 'index.html'));
}

/** Runs vite build (output to stderr so stdout keeps the host's own lines); rejects with vite's tail on failure. */
export function buildRenderer(repoRoot: string): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join(repoRoot, 'src-renderer', 'vite.config.ts');
  if (!fs.existsSync(config)) return Promise.reject(new Error(`cannot build the renderer: ${config} is missing`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${tail}`))));
  });
}
