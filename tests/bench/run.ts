/**
 * npm run bench [-- name-filter]: runs every tests/bench/*.bench.ts (each exports `run(): Promise<BenchFigure[]>`),
 * prints each figure beside its baseline and writes them all as JSON under bench-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure } from './figures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const all: Record<string, BenchFigure[]> = {};
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run: () => Promise<BenchFigure[]> };
  console.log(`\n## ${f}`);
  const figures = await mod.run();
  all[f] = figures;
  for (const x of figures) {
    const base = x.baseline ? `   baseline ${x.baseline.name}: ${x.baseline.value.toFixed(2)} ${x.baseline.unit}` : '';
    const extra = x.extra ? `   ${Object.entries(x.extra).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(2) : v}`).join(' ')}` : '';
    console.log(`${x.name}: ${x.value.toFixed(2)} ${x.unit}${base}${extra}`);
  }
}
const outDir = path.resolve(here, '../../bench-results');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, figures: all }, null, 2));
console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
