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

/**
 * Runs vite build into a private folder and renames it into place, so concurrent first runs (npm start, test files
 * in parallel) never see a half-written or emptied renderer: whoever finishes first wins, later builds are discarded.
 * Vite's output goes to stderr so stdout keeps the host's own lines; rejects with vite's tail on failure.
 */
export async function buildRenderer(repoRoot: string, outDir: string = rendererDirOf(repoRoot)): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join(repoRoot, 'src-renderer', 'vite.config.ts');
  if (!fs.existsSync(config)) throw new Error(`cannot build the renderer: ${config} is missing`);
  const staging = `${outDir}.build-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [vite, 'build', '--config', config, '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
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
    if (!isRendererBuilt(staging)) throw new Error(`vite build wrote no index.html into ${staging}`);
    if (!isRendererBuilt(outDir)) {
      fs.rmSync(outDir, { recursive: true, force: true });
      try {
        fs.renameSync(staging, outDir);
      } catch (err) {
        // another process renamed its build into place first: use that one
        if (!isRendererBuilt(outDir)) throw err;
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
