import type { MenuItemConstructorOptions } from 'electron';

/**
 * The studio's application menu. File › Open Workspace… (local workspace only) picks a
 * workspace file in the system's dialog; Edit carries the clipboard shortcuts (on macOS they
 * work only through the menu); View's reload and developer tools exist in a development checkout
 * only (the installed app's windows have no developer tools).
 */
export function studioMenu(opts: { platform: NodeJS.Platform; packaged: boolean; openWorkspace?: () => void }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const open = opts.openWorkspace;
  const file: MenuItemConstructorOptions[] = [
    ...(open ? [{ label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => open() }, { type: 'separator' } satisfies MenuItemConstructorOptions] : []),
    mac ? { role: 'close' } : { role: 'quit' },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(opts.packaged
      ? []
      : [
          { type: 'separator' } satisfies MenuItemConstructorOptions,
          { role: 'reload' } satisfies MenuItemConstructorOptions,
          { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions,
        ]),
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
