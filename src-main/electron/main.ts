/**
 * The Electron shell (thin): single instance, one hardened window on app://xietong, IPC to the core gated by
 * security-policy.ts, tray with the unsigned count, OS notifications, zh-CN menu, print / save as PDF.
 * Every decision lives in security-policy.ts (unit-tested without the runtime); this file only wires it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, session, Tray, type WebContents,
} from 'electron';
import type { CoreEvent } from '../../shared/ipc/contract.ts';
import { acquireInstanceLock } from '../hosts/instance-lock.ts';
import { startBackend, type Backend } from '../hosts/launch-backend.ts';
import { contentTypeOf, securityHeaders } from '../hosts/static-files.ts';
import { buildMenuTemplate, trayTooltip } from './menu-template.ts';
import {
  APP_ENTRY_URL, APP_SCHEME, ELECTRON_CSP, IPC_EVENT, IPC_INVOKE, appRequestToFile, isAllowedNavigation,
  mainWindowOptions, secureWebPreferences, shouldAllowPermission, validateIpc, windowOpenDecision,
} from './security-policy.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(HERE, 'preload.cjs');
const RENDERER_DIR = process.env.XT_RENDERER_DIR ?? path.join(app.getAppPath(), 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let win: BrowserWindow | null = null;
let tray: Tray | null = null;
let backend: Backend | null = null;
let releaseLock: () => void = () => undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
}

function fail(err: unknown): void {
  dialog.showErrorBox('协同无法启动', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(shouldAllowPermission(permission, details.requestingUrl || wc.getURL())),
  );
  ses.setPermissionCheckHandler((_wc, permission, origin) => shouldAllowPermission(permission, origin));
  // The CSP also on every web response, written out literally so static analysis (Electronegativity) sees it;
  // tests/shell/electron-wiring.test.ts checks it equals ELECTRON_CSP, which app:// responses carry.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  protocol.handle(APP_SCHEME, serveAppRequest);
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));

  const dataDir = process.env.XT_DATA_DIR ?? app.getPath('userData');
  // the same store must never be opened twice, e.g. by `npm start -- --browser` on this data directory
  const lock = acquireInstanceLock(dataDir);
  if (!lock.acquired) {
    dialog.showErrorBox('协同已在运行', `此数据目录已被另一个协同实例使用（进程 ${lock.holder.pid}）${lock.holder.url ? `：${lock.holder.url}` : ''}`);
    app.exit(1);
    return;
  }
  releaseLock = lock.release;
  backend = await startBackend({ dataDir });
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const decision = validateIpc(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null, channel, input);
    if (!decision.ok) return decision.result;
    try {
      return await backend!.core.invoke(decision.channel, decision.input);
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
    }
  });
  backend.core.onEvent(onCoreEvent);

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ print: printCurrent, saveAsPdf, about })));
  createWindow();
  createTray();
  void refreshCounts();
}

async function serveAppRequest(request: Request): Promise<Response> {
  const file = appRequestToFile(RENDERER_DIR, request.url);
  const headers = securityHeaders(ELECTRON_CSP);
  if (file === null) return new Response('not found', { status: 404, headers });
  try {
    const body = await fs.promises.readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (e, url) => guard(e, url));
  contents.on('will-redirect', (e, url) => guard(e, url));
  contents.on('will-frame-navigate', (e) => guard(e, e.url));
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

function createWindow(): void {
  // The decisive webPreferences are repeated literally (after the policy's full set) so static analysis sees them.
  win = new BrowserWindow({
    ...mainWindowOptions(PRELOAD),
    webPreferences: {
      ...secureWebPreferences(PRELOAD),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadURL(APP_ENTRY_URL);
}

function trayImage() {
  const size = 32;
  const bgra = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x > 2 && x < 29 && y > 2 && y < 29;
      const mark = inside && ((y >= 9 && y <= 11) || (y >= 20 && y <= 22) || (x >= 15 && x <= 16));
      const o = (y * size + x) * 4;
      bgra.set(inside ? (mark ? [255, 255, 255, 255] : [43, 57, 192, 255]) : [0, 0, 0, 0], o);
    }
  }
  return nativeImage.createFromBitmap(bgra, { width: size, height: size });
}

function createTray(): void {
  tray = new Tray(trayImage());
  tray.setToolTip(trayTooltip(0, 0));
  tray.on('click', () => {
    if (!win) createWindow();
    else {
      win.show();
      win.focus();
    }
  });
  tray.setContextMenu(Menu.buildFromTemplate([
    { label: '打开协同', click: () => (win ? win.show() : createWindow()) },
    { type: 'separator' },
    { role: 'quit', label: '退出' },
  ]));
}

async function refreshCounts(): Promise<void> {
  if (!backend) return;
  const r = await backend.core.invoke('documents.counts', {});
  if (!r.ok) return; // not logged in yet
  const { unsigned, urgentUnsigned } = r.value as { unsigned: number; urgentUnsigned: number };
  tray?.setToolTip(trayTooltip(unsigned, urgentUnsigned));
  app.setBadgeCount(unsigned);
}

function onCoreEvent(event: CoreEvent): void {
  win?.webContents.send(IPC_EVENT, event);
  if (event.type === 'changed') void refreshCounts();
  if (event.type === 'notify' && Notification.isSupported()) {
    const n = new Notification({ title: event.title, body: event.body, urgency: event.kind === 'urgent-document' ? 'critical' : 'normal' });
    n.on('click', () => {
      win?.show();
      win?.focus();
    });
    n.show();
  }
}

function printCurrent(): void {
  win?.webContents.print({ silent: false, printBackground: true });
}

async function saveAsPdf(): Promise<void> {
  if (!win) return;
  const target = await dialog.showSaveDialog(win, {
    title: '另存为 PDF',
    defaultPath: `${win.webContents.getTitle() || '协同'}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target.canceled || !target.filePath) return;
  const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  await fs.promises.writeFile(target.filePath, pdf);
}

function about(): void {
  void dialog.showMessageBox({ type: 'info', title: '关于协同', message: `协同 ${app.getVersion()}`, detail: '公文交换与协同办公客户端' });
}

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !backend) return;
  e.preventDefault();
  quitting = true;
  void backend.close().finally(() => {
    releaseLock();
    app.quit();
  });
});
app.on('window-all-closed', () => app.quit());
