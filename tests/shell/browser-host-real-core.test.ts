/**
 * The `npm start` stack in-process: embedded demo server (SQLite, seeded), the real client core and the browser host.
 * A renderer-side bridge client logs in as the General Office clerk and reads the directory through the bridge.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../src-main/hosts/browser-host.ts';
import { startBackend, type Backend } from '../../src-main/hosts/launch-backend.ts';
import { createBridgeClient, type BridgeClient } from '../../shared/ipc/bridge-client.ts';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../shared/ipc/bridge.ts';

let dataDir: string;
let rendererDir: string;
let backend: Backend;
let host: BrowserHost;
let client: BridgeClient;
const events: unknown[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-shell-core-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-shell-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>协同</title>');
  backend = await startBackend({ dataDir, env: {} });
  host = await startBrowserHost({ core: backend.core, rendererDir, host: '127.0.0.1' });
  const token = new URL(host.url).searchParams.get(BRIDGE_TOKEN_PARAM);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${token}`, { origin: host.origin });
  client = createBridgeClient(ws as unknown as Parameters<typeof createBridgeClient>[0]);
  client.onEvent((e) => events.push(e));
  await client.ready;
});

afterAll(async () => {
  client?.close();
  await host?.close();
  await backend?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('browser host with the real core and the embedded demo server', () => {
  it('runs the embedded server when none is configured', () => {
    expect(backend.embedded).toBe(true);
    expect(backend.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a wrong password with the stable error code', async () => {
    const r = await client.invoke('auth.login', { username: 'bgt.clerk', password: 'wrong-password' });
    expect(r).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_PASSWORD' } });
  });

  it('logs in through the bridge and reads the directory of the 69 units', async () => {
    const login = await client.invoke('auth.login', { username: 'bgt.clerk', password: 'Xietong@2026' });
    expect(login.ok).toBe(true);
    if (!login.ok) return;
    const session = login.value as { unit: { code: string }; user: { username: string } };
    expect(session.unit.code).toBe('BGT');
    expect(session.user.username).toBe('bgt.clerk');

    const dir = await client.invoke('directory.get', {});
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    const units = (dir.value as { units: { code: string; name: string }[] }).units;
    expect(units.length).toBeGreaterThanOrEqual(70);
    expect(units.map((u) => u.code)).toContain('BGT');

    const counts = await client.invoke('documents.counts', {});
    expect(counts).toEqual({ ok: true, value: { unsigned: 0, unread: 0, urgentUnsigned: 0 } });
  });

  it('pushes the core’s events to the renderer', async () => {
    const deadline = Date.now() + 10_000;
    await client.invoke('sync.now', {});
    while (!events.some((e) => (e as { type?: string }).type === 'sync') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(events.some((e) => (e as { type?: string }).type === 'sync')).toBe(true);
  });

  it('keeps the embedded server on the same port for the next launch', () => {
    const recorded = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-server.json'), 'utf8')) as { port: number };
    expect(`http://127.0.0.1:${recorded.port}`).toBe(backend.serverUrl);
  });
});
