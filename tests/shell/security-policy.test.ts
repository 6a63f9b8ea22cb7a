/** The Electron shell's security decisions, checked without the Electron runtime. */
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL, ELECTRON_CSP, appRequestToFile, isAllowedNavigation, isTrustedSender, mainWindowOptions,
  shouldAllowPermission, validateIpc, windowOpenDecision,
} from '../../src-main/electron/security-policy.ts';

const top = { url: 'app://xietong/index.html#/inbox', isMainFrame: true };
const DELIVERY = '0193a6f0-1c2d-7e3f-8a4b-5c6d7e8f9a0b';

describe('navigation', () => {
  it('allows in-app routes only', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://xietong/documents/1?tab=files')).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://xietong.evil/index.html',
    'app://evil/index.html',
    'app://user:pw@xietong/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('window.open', () => {
  it('is denied for every URL, including our own', () => {
    for (const url of [APP_ENTRY_URL, 'https://www.gov.cn/', 'about:blank']) expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'camera', 'microphone', 'openExternal', 'fullscreen', 'clipboard-read', 'hid', 'serial'])(
    'denies %s even to the app',
    (permission) => {
      expect(shouldAllowPermission(permission, APP_ENTRY_URL)).toBe(false);
    },
  );
  it('grants sanitized clipboard writes to the app only', () => {
    expect(shouldAllowPermission('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(shouldAllowPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(shouldAllowPermission('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('IPC', () => {
  it('accepts a contract call with valid input from the top frame of the app', () => {
    expect(validateIpc(top, 'documents.sign', { deliveryId: DELIVERY })).toEqual({
      ok: true,
      channel: 'documents.sign',
      input: { deliveryId: DELIVERY },
    });
  });
  it.each([
    ['a foreign page', { url: 'https://evil.example/', isMainFrame: true }],
    ['an iframe of the app', { url: 'app://xietong/frame.html', isMainFrame: false }],
    ['a look-alike host', { url: 'app://xietong.evil/', isMainFrame: true }],
    ['a file:// page', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['a destroyed frame', null],
    ['a frame without URL', { url: undefined, isMainFrame: true }],
  ])('refuses a sender that is %s', (_what, sender) => {
    expect(validateIpc(sender, 'documents.counts', {})).toMatchObject({ ok: false, result: { ok: false, error: { code: 'FORBIDDEN' } } });
  });
  it.each(['shell.openExternal', 'documents', 'documents.', '.sign', 'documents.__proto__', 'constructor.name', 'documents.sign.x', 42, null])(
    'refuses the non-contract channel %s',
    (channel) => {
      expect(validateIpc(top, channel, {})).toMatchObject({ ok: false, result: { error: { code: 'FORBIDDEN' } } });
    },
  );
  it('refuses invalid input with VALIDATION_FAILED and the failing fields', () => {
    const r = validateIpc(top, 'documents.sign', { deliveryId: 'x', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.result.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.result.error)).toContain('deliveryId');
    expect(validateIpc(top, 'documents.refuse', { deliveryId: DELIVERY, reason: '' })).toMatchObject({ ok: false });
    expect(validateIpc(top, 'files.add', { name: '../etc/passwd', data: new Uint8Array([1]) })).toMatchObject({ ok: false });
  });
});

describe('window and content', () => {
  it('hardens the window', () => {
    const wp = mainWindowOptions('/x/preload.cjs').webPreferences;
    expect(wp).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, webviewTag: false, preload: '/x/preload.cjs',
    });
  });
  it('serves a CSP without eval or remote origins', () => {
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).not.toContain("'unsafe-eval'");
    expect(ELECTRON_CSP).not.toMatch(/https?:|ws:|\*/);
    expect(ELECTRON_CSP).toContain("object-src 'none'");
  });
  it('maps app:// requests into the renderer folder only', () => {
    expect(appRequestToFile('/r', 'app://xietong/assets/app.js')).toBe('/r/assets/app.js');
    expect(appRequestToFile('/r', 'app://xietong/')).toBe('/r/index.html');
    expect(appRequestToFile('/r', 'app://xietong/inbox')).toBe('/r/index.html');
    // the URL parser folds %2e%2e segments itself, so these stay inside /r; encoded slashes are refused outright
    for (const url of ['app://xietong/%2e%2e/%2e%2e/etc/passwd', 'app://xietong/../../etc/hosts.txt']) {
      const file = appRequestToFile('/r', url);
      expect(file === null || file.startsWith('/r/'), url).toBe(true);
    }
    expect(appRequestToFile('/r', 'app://xietong/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(appRequestToFile('/r', 'app://xietong/..%5c..%5cwin.ini')).toBeNull();
    expect(appRequestToFile('/r', 'app://other/index.html')).toBeNull();
    expect(appRequestToFile('/r', 'app://xietong/.env')).toBeNull();
  });
});
