/**
 * Browser host guards against a recording stand-in core: what reaches the core and what never does.
 * (The round trip through the real core and server is in browser-host-real-core.test.ts.)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../src-main/hosts/browser-host.ts';
import type { CorePort } from '../../src-main/hosts/core-port.ts';
import type { CoreEvent } from '../../shared/ipc/contract.ts';
import { createBridgeClient } from '../../shared/ipc/bridge-client.ts';
import { BRIDGE_PATH } from '../../shared/ipc/bridge.ts';

const calls: { channel: string; input: unknown }[] = [];
const listeners = new Set<(e: CoreEvent) => void>();
const stubCore: CorePort = {
  async invoke(channel, input) {
    calls.push({ channel, input });
    return { ok: true, value: { echoed: channel } };
  },
  onEvent(l) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  async close() {},
};

let dir: string;
let host: BrowserHost;
const MAX_FRAME = 64 * 1024;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>协同</title><script type="module" src="/assets/app.js"></script>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'xt-host-secret.txt'), 'secret');
  host = await startBrowserHost({ core: stubCore, rendererDir: dir, host: '127.0.0.1', maxFrameBytes: MAX_FRAME });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token') ?? '';
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function openClient() {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?token=${tokenOf(host.url)}`, { origin: host.origin });
  return { ws, client: createBridgeClient(ws as unknown as Parameters<typeof createBridgeClient>[0]) };
}

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the per-launch token', () => {
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(tokenOf(host.url)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serves the renderer with a strict CSP and no remote origins', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>协同</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${host.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths that leave the renderer folder and requests for another Host', async () => {
    for (const p of ['/..%2fxt-host-secret.txt', '/%2e%2e/xt-host-secret.txt', '/.hidden', '/assets/..%5c..%5cx.js']) {
      const res = await fetch(`${host.origin}${p}`);
      expect(res.status, p).toBe(404);
    }
    const rebind = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(rebind).toBe(403);
    // an absolute-form request target that is not a valid URL must not take the host down
    const odd = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: 'http://[', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(odd).toBe(404);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('refuses the bridge without the token, with a wrong token, or from another origin', async () => {
    const base = `ws://127.0.0.1:${host.port}${BRIDGE_PATH}`;
    expect(await upgradeStatus(base, host.origin)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${'A'.repeat(43)}`, host.origin)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${tokenOf(host.url)}`, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(`${base}?token=${tokenOf(host.url)}`, undefined)).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${host.port}/other?token=${tokenOf(host.url)}`, host.origin)).toBe(404);
    expect(await upgradeStatus(`${base}?token=${tokenOf(host.url)}`, host.origin)).toBe(101);
  });

  it('answers non-contract channels and invalid input with an error and never calls the core', async () => {
    const { client } = openClient();
    await client.ready;
    calls.length = 0;
    const unknown = await client.invoke('shell.exec', { cmd: 'rm -rf /' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const proto = await client.invoke('auth.__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await client.invoke('documents.sign', { deliveryId: 'not-a-uuid' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(calls).toEqual([]);
    const good = await client.invoke('documents.counts', {});
    expect(good).toEqual({ ok: true, value: { echoed: 'documents.counts' } });
    expect(calls).toEqual([{ channel: 'documents.counts', input: {} }]);
    client.close();
  });

  it('pushes core events to connected renderers', async () => {
    const { client } = openClient();
    await client.ready;
    const got = new Promise<unknown>((resolve) => client.onEvent(resolve));
    for (const l of listeners) l({ type: 'changed', entities: ['documents'] });
    expect(await got).toEqual({ type: 'changed', entities: ['documents'] });
    client.close();
  });

  it('closes the socket on malformed or oversized frames', async () => {
    const closeCode = (payload: string | Buffer) =>
      new Promise<number>((resolve) => {
        const { ws } = openClient();
        ws.on('open', () => ws.send(payload));
        ws.on('close', (code) => resolve(code));
      });
    expect(await closeCode('not json')).toBe(1008);
    expect(await closeCode(JSON.stringify({ id: 1, channel: 'documents.counts', input: {}, extra: 1 }))).toBe(1008);
    expect(await closeCode(Buffer.from([1, 2, 3]))).toBe(1003);
    expect(await closeCode(JSON.stringify({ id: 1, channel: 'documents.counts', input: 'x'.repeat(MAX_FRAME + 1) }))).toBe(1009);
  });
});
