/**
 * The zh-CN application menu as plain data (Electron's MenuItemConstructorOptions shape) with the actions injected,
 * so tests read the labels without the runtime. Role items get Electron's own behaviour; labels are ours.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  print(): void;
  saveAsPdf(): void;
  about(): void;
}

export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { label: '另存为 PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAsPdf() },
        { type: 'separator' },
        { role: 'quit', label: platform === 'darwin' ? '退出协同' : '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭窗口' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于协同', click: () => actions.about() }],
    },
  ];
}

/** Tray tooltip and badge text for the unsigned count. */
export function trayTooltip(unsigned: number, urgentUnsigned: number): string {
  if (unsigned === 0) return '协同 — 没有待签收公文';
  return urgentUnsigned > 0 ? `协同 — 待签收 ${unsigned} 件（紧急 ${urgentUnsigned} 件）` : `协同 — 待签收 ${unsigned} 件`;
}
