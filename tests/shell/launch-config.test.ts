/** Which central server npm start uses, and the one-instance-per-data-directory lock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredServerUrl } from '../../src-main/hosts/launch-backend.ts';
import { acquireInstanceLock } from '../../src-main/hosts/instance-lock.ts';
import { REPO_ROOT } from '../helpers/environment.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-launch-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('server choice', () => {
  it('runs the embedded demo server when nothing is configured', () => {
    expect(configuredServerUrl({ dataDir: tempDir(), env: {} })).toBeNull();
  });
  it('prefers the option, then XT_SERVER_URL, then settings.json', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ serverUrl: 'https://settings.example' }));
    expect(configuredServerUrl({ dataDir, env: {} })).toBe('https://settings.example');
    expect(configuredServerUrl({ dataDir, env: { XT_SERVER_URL: 'https://env.example' } })).toBe('https://env.example');
    expect(configuredServerUrl({ dataDir, env: { XT_SERVER_URL: 'https://env.example' }, serverUrl: 'https://flag.example' })).toBe('https://flag.example');
  });
  it('refuses a settings file whose serverUrl is not a URL', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ serverUrl: 'not a url' }));
    expect(() => configuredServerUrl({ dataDir, env: {} })).toThrow(/serverUrl must be a URL/);
  });
});

describe('instance lock', () => {
  it('lets one instance in, names it to the next, and frees the directory on release', () => {
    const dataDir = tempDir();
    const first = acquireInstanceLock(dataDir);
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    first.setUrl('http://127.0.0.1:1234/?token=x');
    // another process asking for the same directory
    const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
      import('${path.join(REPO_ROOT, 'src-main/hosts/instance-lock.ts')}').then((m) => {
        const r = m.acquireInstanceLock(${JSON.stringify(dataDir)});
        console.log(JSON.stringify(r.acquired ? { acquired: true } : r));
      });`], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(JSON.parse(other.stdout.trim())).toEqual({ acquired: false, holder: { pid: process.pid, url: 'http://127.0.0.1:1234/?token=x' } });
    first.release();
    expect(fs.existsSync(path.join(dataDir, 'instance.lock'))).toBe(false);
  });
  it('takes over a lock left behind by a process that died', () => {
    const dataDir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dataDir, 'instance.lock'), JSON.stringify({ pid: Number(dead.stdout.trim()), url: null }));
    const lock = acquireInstanceLock(dataDir);
    expect(lock.acquired).toBe(true);
    if (lock.acquired) lock.release();
  });
});
