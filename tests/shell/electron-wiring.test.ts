/**
 * main.ts and preload.ts wired against a recorded stand-in for the 'electron' module (the runtime cannot run here):
 * the hooks a user's safety depends on are installed and answer as the policy says.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const rec = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const state = {
    appEvents: new Map<string, Fn>(),
    ipcHandlers: new Map<string, Fn>(),
    exposed: new Map<string, unknown>(),
    rendererSent: [] as unknown[][],
    rendererListeners: new Map<string, Fn>(),
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    protocolHandler: null as Fn | null,
    headersHook: null as Fn | null,
    privileged: [] as unknown[],
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    menuTemplate: null as unknown,
    coreCalls: [] as { channel: string; input: unknown }[],
    ready: null as Promise<unknown> | null,
    singleInstance: true,
    userData: '',
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: vi.fn(), print: vi.fn(), printToPDF: vi.fn(), getTitle: () => '协同' };
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      rec.windows.push({ options, loaded: this.loaded });
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  class Tray {
    setToolTip() {}
    on() {}
    setContextMenu() {}
  }
  class Notification {
    static isSupported() {
      return false;
    }
  }
  let resolveReady: (v?: unknown) => void = () => undefined;
  const readyPromise = new Promise((r) => (resolveReady = r));
  const app = {
    requestSingleInstanceLock: () => rec.singleInstance,
    on: (name: string, fn: (...a: unknown[]) => unknown) => rec.appEvents.set(name, fn),
    whenReady: () => {
      const p = readyPromise;
      resolveReady();
      return p;
    },
    getAppPath: () => '/app',
    getPath: () => rec.userData,
    quit: vi.fn(),
    exit: vi.fn(),
    setBadgeCount: vi.fn(),
    getVersion: () => '0.1.0',
  };
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => rec.ipcHandlers.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => ((rec.menuTemplate ??= t), t), setApplicationMenu: vi.fn() },
    nativeImage: { createFromBitmap: () => ({}) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (_scheme: string, fn: (...a: unknown[]) => unknown) => (rec.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...a: unknown[]) => unknown) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: (...a: unknown[]) => unknown) => (rec.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: (...a: unknown[]) => unknown) => (rec.headersHook = fn) },
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => rec.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        rec.rendererSent.push(args);
        return { ok: true, value: null };
      },
      on: (ch: string, fn: (...a: unknown[]) => unknown) => rec.rendererListeners.set(ch, fn),
      removeListener: (ch: string) => rec.rendererListeners.delete(ch),
    },
  };
});

vi.mock('../../src-main/hosts/launch-backend.ts', () => ({
  startBackend: async () => ({
    serverUrl: 'http://127.0.0.1:1',
    embedded: true,
    close: async () => undefined,
    core: {
      invoke: async (channel: string, input: unknown) => {
        rec.coreCalls.push({ channel, input });
        return { ok: true, value: { unsigned: 0, unread: 0, urgentUnsigned: 0 } };
      },
      onEvent: () => () => undefined,
      close: async () => undefined,
    },
  }),
}));

import { ELECTRON_CSP, secureWebPreferences } from '../../src-main/electron/security-policy.ts';

type Handler = (...args: unknown[]) => unknown;
const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });

async function until(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for main.ts to finish start-up');
    await new Promise((r) => setImmediate(r));
  }
}

describe('Electron main process wiring', () => {
  beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    rec.userData = mkdtempSync(`${tmpdir()}/xt-wiring-`);
    delete process.env.XT_DATA_DIR;
    await import('../../src-main/electron/main.ts');
    await until(() => rec.windows.length > 0 && rec.ipcHandlers.has('xt:invoke'));
  });

  it('opens one hardened window on the app:// origin', () => {
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({ ...secureWebPreferences(prefs.preload as string), disableBlinkFeatures: 'Auxclick' });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(rec.windows[0].loaded).toEqual(['app://xietong/index.html']);
    expect(rec.privileged).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('refuses IPC from a foreign frame or an iframe without calling the core', async () => {
    const handle = rec.ipcHandlers.get('xt:invoke') as Handler;
    rec.coreCalls.length = 0;
    expect(await handle(frame('https://evil.example/'), 'documents.counts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(frame('app://xietong/index.html', {}), 'documents.counts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(frame('app://xietong/index.html'), 'app.relaunch', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(frame('app://xietong/index.html'), 'documents.sign', { deliveryId: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(rec.coreCalls).toEqual([]);
    expect(await handle(frame('app://xietong/index.html'), 'documents.counts', {})).toMatchObject({ ok: true });
    expect(rec.coreCalls).toEqual([{ channel: 'documents.counts', input: {} }]);
  });

  it('denies navigation, redirects, new windows and webviews in every web contents', () => {
    const listeners = new Map<string, Handler>();
    let openHandler: Handler | null = null;
    const contents = {
      setWindowOpenHandler: (fn: Handler) => (openHandler = fn),
      on: (name: string, fn: Handler) => listeners.set(name, fn),
    };
    (rec.appEvents.get('web-contents-created') as Handler)({}, contents);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect']) {
      const blocked = { preventDefault: vi.fn() };
      listeners.get(name)!(blocked, 'https://evil.example/');
      expect(blocked.preventDefault, name).toHaveBeenCalled();
      const allowed = { preventDefault: vi.fn() };
      listeners.get(name)!(allowed, 'app://xietong/index.html#/sent');
      expect(allowed.preventDefault, name).not.toHaveBeenCalled();
    }
    const frameNav = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    listeners.get('will-frame-navigate')!(frameNav);
    expect(frameNav.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests by default', () => {
    const answers: boolean[] = [];
    const wc = { getURL: () => 'app://xietong/index.html' };
    rec.permissionRequest!(wc, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://xietong/index.html' });
    rec.permissionRequest!(wc, 'geolocation', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://xietong/index.html' });
    rec.permissionRequest!(wc, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    rec.permissionRequest!(wc, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://xietong/index.html' });
    expect(answers).toEqual([false, false, false, true]);
    expect(rec.permissionCheck!(null, 'notifications', 'app://xietong')).toBe(false);
  });

  it('serves app:// from the renderer folder with the CSP and refuses other hosts', async () => {
    const res = (await rec.protocolHandler!(new Request('app://other/index.html'))) as Response;
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('adds the same CSP to every web response', () => {
    let answer: { responseHeaders: Record<string, string[]> } | null = null;
    rec.headersHook!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (a: typeof answer) => (answer = a));
    expect(answer!.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [ELECTRON_CSP] });
  });

  it('has a zh-CN application menu with print and save as PDF', () => {
    const labels = JSON.stringify(rec.menuTemplate);
    for (const l of ['文件', '编辑', '视图', '窗口', '帮助', '打印…', '另存为 PDF…']) expect(labels).toContain(l);
  });
});

describe('preload', () => {
  beforeAll(async () => {
    await import('../../src-main/electron/preload.ts');
  });

  it('exposes a frozen window.api with invoke, onEvent and the contract channels only', () => {
    const api = rec.exposed.get('api') as { invoke: Handler; onEvent: Handler; channels: string[] };
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['channels', 'invoke', 'onEvent']);
    expect(api.channels).toContain('documents.sign');
    expect(api.channels.every((c) => /^[a-z]+\.[A-Za-z]+$/.test(c))).toBe(true);
  });

  it('refuses non-contract channels before anything reaches main', async () => {
    const api = rec.exposed.get('api') as { invoke: Handler };
    rec.rendererSent.length = 0;
    expect(await api.invoke('shell.openExternal', 'https://evil.example')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rec.rendererSent).toEqual([]);
    await api.invoke('documents.counts', {});
    expect(rec.rendererSent).toEqual([['xt:invoke', 'documents.counts', {}]]);
  });

  it('delivers core events and unsubscribes', () => {
    const api = rec.exposed.get('api') as { onEvent: Handler };
    const got: unknown[] = [];
    const off = api.onEvent((e: unknown) => got.push(e)) as () => void;
    rec.rendererListeners.get('xt:event')!({}, { type: 'changed', entities: ['documents'] });
    expect(got).toEqual([{ type: 'changed', entities: ['documents'] }]);
    off();
    expect(rec.rendererListeners.has('xt:event')).toBe(false);
  });
});
