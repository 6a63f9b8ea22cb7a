/**
 * `npm start` as a newcomer runs it: on this machine (no Electron runtime) it says so in one line, starts the
 * embedded demo server and the browser host, prints the URL; the page is the renderer with the CSP header; a second
 * start on the same data directory points at the first; Ctrl-C (SIGINT) shuts everything down.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeElectronRuntime } from '../../src-main/electron/runtime-probe.ts';
import { REPO_ROOT } from '../helpers/environment.ts';

interface Started {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

function npmStart(args: string[]): Started {
  const env = { ...process.env };
  delete env.XT_SERVER_URL;
  delete env.XT_PORT;
  delete env.XT_DATA_DIR;
  const child = spawn('npm', ['start', '--silent', '--', ...args], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters) w();
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    for (const w of waiters) w();
    resolve(code);
  }));
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    lines,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const l of lines) {
            const m = l.match(pattern);
            if (m) {
              cleanup();
              return resolve(m);
            }
          }
          if (done) {
            cleanup();
            reject(new Error(`npm start exited before printing ${pattern}\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const electronHere = probeElectronRuntime(REPO_ROOT).available;
let dataDir: string;
let port: number;
let first: Started;
let url: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-npm-start-'));
  port = await freePort();
  // where Electron can run, npm start would open it: ask for the browser host explicitly there
  first = npmStart(['--data-dir', dataDir, '--port', String(port), ...(electronHere ? ['--browser'] : [])]);
  // first run on a clean clone also builds the renderer
  url = (await first.waitFor(/^协同 browser host: (http:\/\/\S+)$/, 240_000))[1];
}, 300_000);

afterAll(async () => {
  if (first && first.child.exitCode === null && first.child.signalCode === null && first.child.pid) {
    process.kill(-first.child.pid, 'SIGKILL');
    await first.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('says in one line that the Electron runtime is missing, and serves the browser host on the given port', () => {
    expect(first.lines.filter((l) => /Electron runtime not available/.test(l))).toHaveLength(electronHere ? 0 : 1);
    const u = new URL(url);
    expect(u.hostname).toBe('127.0.0.1');
    expect(Number(u.port)).toBe(port);
    expect(u.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(first.lines.some((l) => /^embedded demo server: http:\/\/127\.0\.0\.1:\d+/.test(l))).toBe(true);
  });

  it('serves the renderer HTML with the CSP header', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    expect(html).toMatch(/<script type="module"[^>]*src="\.?\/?assets\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain(`ws://127.0.0.1:${port}`);
    const script = html.match(/src="\.?\/?(assets\/[^"]+\.js)"/)![1];
    const js = await fetch(new URL(script, url));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('points a second start on the same data directory at the running one', async () => {
    const second = npmStart(['--data-dir', dataDir, '--port', '0']);
    const line = await second.waitFor(/already running/, 120_000);
    expect(line.input).toContain(url);
    expect(await second.exited).toBe(1);
  }, 150_000);

  it('shuts down cleanly on Ctrl-C', async () => {
    const serverLine = first.lines.find((l) => l.startsWith('embedded demo server: '))!;
    const serverUrl = serverLine.match(/(http:\/\/127\.0\.0\.1:\d+)/)![1];
    process.kill(-first.child.pid!, 'SIGINT');
    await first.exited;
    // npm re-raises the signal on itself (exit code null, signal SIGINT); what matters is what the app did:
    expect(first.child.exitCode === 0 || first.child.signalCode === 'SIGINT').toBe(true);
    expect(first.lines).toContain('SIGINT: shutting down…');
    expect(fs.existsSync(path.join(dataDir, 'instance.lock'))).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
    await expect(fetch(serverUrl)).rejects.toThrow();
  }, 60_000);
});
