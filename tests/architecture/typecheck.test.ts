/** `tsc --noEmit` for each layer, each with its own lib/types so a wrong import fails to compile. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/environment.ts';

const run = promisify(execFile);
const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const layers = ['shared', 'src-server', 'src-main', 'src-renderer', 'tests'].filter((l) => fs.existsSync(path.join(REPO_ROOT, l, 'tsconfig.json')));

describe('typecheck', () => {
  it.each(layers)('%s compiles under strict TypeScript', async (layer) => {
    const result = await run(process.execPath, [tsc, '--noEmit', '-p', `${layer}/tsconfig.json`], { cwd: REPO_ROOT, maxBuffer: 16 << 20 }).then(
      () => '',
      (e: { stdout?: string }) => e.stdout ?? String(e),
    );
    expect(result).toBe('');
  }, 240_000);
});
