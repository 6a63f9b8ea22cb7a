/**
 * Every security decision of the Electron shell, as pure functions (no 'electron' import) so unit tests check them
 * without the runtime. main.ts only wires these into Electron's hooks.
 */
import { gateRequest, type GateResult } from '../hosts/contract-gate.ts';
import { rendererCsp, resolveRendererFile } from '../hosts/static-files.ts';

/** The renderer is served from app://xietong/… (a privileged standard scheme registered in main.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'xietong';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { IPC_EVENT, IPC_INVOKE } from './ipc-channels.ts';

/** Under Electron the renderer only talks to its own origin; IPC needs no network at all. */
export const ELECTRON_CSP = rendererCsp();

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of the app's own origin (parsed, never prefix-matched: app://xietong.evil/ is refused). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** will-navigate / will-redirect / will-frame-navigate: only in-app URLs (client-side routes) are allowed. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: never a new window (links to elsewhere are not opened either). */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Renderer permissions that are granted, and only to the app's own origin. Everything else is denied. */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** setPermissionRequestHandler / setPermissionCheckHandler: deny by default. */
export function shouldAllowPermission(permission: string, requestingUrl: string | undefined | null): boolean {
  return GRANTED_PERMISSIONS.has(permission) && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}

/** What main knows about the frame that sent an IPC message (event.senderFrame). */
export interface SenderInfo {
  url: string | null | undefined;
  /** True when the frame is the window's top frame (senderFrame.parent === null). */
  isMainFrame: boolean;
}

/** Only the top frame of our own page may talk to the core: no iframe, no foreign page after a navigation. */
export function isTrustedSender(sender: SenderInfo | null | undefined): boolean {
  return !!sender && sender.isMainFrame && typeof sender.url === 'string' && isAppUrl(sender.url);
}

export type IpcDecision = GateResult | { ok: false; result: { ok: false; error: { code: 'FORBIDDEN'; message: string } } };

/** Every IPC message: trusted sender first, then the contract gate (known channel, schema-valid input). */
export function validateIpc(sender: SenderInfo | null | undefined, channel: unknown, input: unknown): IpcDecision {
  if (!isTrustedSender(sender)) {
    return { ok: false, result: { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender' } } };
  }
  return gateRequest(channel, input);
}

/** Maps an app:// request URL to a file of the built renderer, or null (foreign host, traversal, dotfile). */
export function appRequestToFile(rendererDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (u === null || !isAppUrl(requestUrl)) return null;
  return resolveRendererFile(rendererDir, u.pathname);
}

/** The hardened webPreferences of the one window (Electron's security checklist, items 2–4, 6, 8–11). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    /** Middle-click would otherwise try to open links in new windows. */
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '协同',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
