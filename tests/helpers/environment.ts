/**
 * What a test needs from the machine. Outside CI a missing tool makes the test say so in one line and skip;
 * with CI=true a missing tool is a failure, never a skip.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PDFS = path.resolve(REPO_ROOT, '../shared/fixtures/pdfs');
export const PG_URL = process.env.XT_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

function has(cmd: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** Returns true when the requirement is met; otherwise logs one line and returns false (or throws in CI). */
export function requireThing(ok: boolean, what: string): boolean {
  if (ok) return true;
  if (IN_CI) throw new Error(`CI requires ${what}, which is missing`);
  console.warn(`skipped: ${what} is missing on this machine`);
  return false;
}

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p)) ?? null;
export const hasChromium = () => requireThing(CHROMIUM !== null, 'Debian chromium (/usr/bin/chromium)');
export const hasPoppler = () => requireThing(has('pdftotext', ['-v']), 'poppler-utils (pdftotext)');
export const hasQpdf = () => requireThing(has('qpdf'), 'qpdf');
export const hasFixtures = () => requireThing(fs.existsSync(FIXTURE_PDFS), `the team fixtures at ${FIXTURE_PDFS}`);

let pgChecked: boolean | null = null;
export async function hasPostgres(): Promise<boolean> {
  if (pgChecked === null) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      pgChecked = true;
    } catch {
      pgChecked = false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return requireThing(pgChecked, `PostgreSQL at ${PG_URL}`);
}

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
