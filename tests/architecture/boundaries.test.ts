/**
 * Architecture rules as a failing test: arrows point one way (renderer → shared ← core ← hosts; server → shared),
 * shared is environment-free, the core never imports electron or a host, nothing imports the renderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/environment.ts';

function sourceFiles(dir: string): string[] {
  const abs = path.join(REPO_ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path.join(e.parentPath, e.name));
  }
  return out.filter((f) => !f.includes('node_modules'));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function resolveTarget(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(REPO_ROOT, path.resolve(path.dirname(file), spec)) : spec;
}

/** Build configuration runs under Node at build time and is not part of any layer's runtime code. */
const isBuildConfig = (f: string) => /(^|\/)(vite|vitest)\.config\.ts$/.test(f);

function violations(dir: string, bad: (target: string, spec: string) => boolean): string[] {
  const found: string[] = [];
  for (const f of sourceFiles(dir).filter((x) => !isBuildConfig(x))) {
    for (const spec of importsOf(f)) {
      const target = resolveTarget(f, spec);
      if (bad(target, spec)) found.push(`${path.relative(REPO_ROOT, f)} → ${spec}`);
    }
  }
  return found;
}

const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net'].includes(spec);

describe('import boundaries', () => {
  it('shared/ depends only on itself and zod (environment-free)', () => {
    // Data files (e.g. the holiday calendar in resources/) may be imported as JSON: data, not code.
    const isData = (t: string) => t.startsWith('resources/') && t.endsWith('.json');
    expect(violations('shared', (t, spec) => (spec.startsWith('.') ? !t.startsWith('shared') && !isData(t) : spec !== 'zod'))).toEqual([]);
  });
  it('the renderer uses browser APIs and shared/ only', () => {
    expect(
      violations('src-renderer', (t, spec) => isNodeBuiltin(spec) || spec === 'electron' || t.startsWith('src-main') || t.startsWith('src-server')),
    ).toEqual([]);
  });
  it('the client core never imports electron, a host, the renderer or the server', () => {
    expect(
      violations('src-main/core', (t, spec) => spec === 'electron' || t.startsWith('src-main/hosts') || t.startsWith('src-main/electron') || t.startsWith('src-renderer') || t.startsWith('src-server')),
    ).toEqual([]);
  });
  it('the server never imports the client or the renderer', () => {
    expect(violations('src-server', (t) => t.startsWith('src-main') || t.startsWith('src-renderer'))).toEqual([]);
  });
  it('nothing outside the renderer imports the renderer', () => {
    const outside = ['shared', 'src-main', 'src-server'].flatMap((d) => violations(d, (t) => t.startsWith('src-renderer')));
    expect(outside).toEqual([]);
  });
});
