/**
 * Electronegativity over the Electron shell, as a gate: it exits 0 even with findings, so the SARIF it writes is
 * parsed and any result above informational ("note" = manual-review hint) fails the test. A deliberately insecure
 * sample proves the gate can fail. The tool lives in its own tree (tools/electronegativity, installed by .ci/run).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, requireThing } from '../helpers/environment.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'tools/electronegativity/node_modules/.bin/electronegativity');
const ELECTRON_VERSION = '45.5.0';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
}

async function scan(target: string): Promise<SarifResult[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-eneg-'));
  const sarif = path.join(out, 'x.sarif');
  await run(BIN, ['-i', target, '-e', ELECTRON_VERSION, '-o', sarif, '-r', '-v', 'false'], {
    cwd: REPO_ROOT,
    env: { ...process.env, LANG: 'en-US' },
    timeout: 120_000,
    maxBuffer: 16 << 20,
  });
  const doc = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: { tool: { driver: { name: string } }; results: SarifResult[] }[] };
  fs.rmSync(out, { recursive: true, force: true });
  expect(doc.runs[0].tool.driver.name).toBe('Electronegativity');
  return doc.runs.flatMap((r) => r.results);
}

const blocking = (results: SarifResult[]) =>
  results
    .filter((r) => r.level !== 'note' && r.level !== 'none')
    .map((r) => `${r.ruleId} ${r.locations[0]?.physicalLocation.artifactLocation.uri}:${r.locations[0]?.physicalLocation.region?.startLine} ${r.message.text}`);

const installed = fs.existsSync(BIN);

describe.concurrent('Electronegativity', () => {
  it('finds nothing above informational in src-main/electron', async () => {
    if (!requireThing(installed, 'tools/electronegativity (npm ci --prefix tools/electronegativity)')) return;
    const results = await scan('src-main/electron');
    expect(blocking(results)).toEqual([]);
  }, 180_000);

  it('does flag an insecure window (the gate can fail)', async () => {
    if (!requireThing(installed, 'tools/electronegativity (npm ci --prefix tools/electronegativity)')) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-eneg-bad-'));
    fs.writeFileSync(
      path.join(dir, 'bad-main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    try {
      const found = blocking(await scan(dir)).join('\n');
      expect(found).toContain('SANDBOX_JS_CHECK');
      expect(found).toContain('CONTEXT_ISOLATION_JS_CHECK');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
