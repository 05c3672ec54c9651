import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { studioDispatch } from '../handlers/studio-dispatch.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../workspace/workspace.js';
import { chooseConnection, type Connection } from './connection.js';
import { registerIpcHandlers, senderIn } from './ipc-bridge.js';
import { denyPermissions, hardenContents, SECURE_PREFERENCES } from './window-security.js';

/**
 * Electron's main process: a thin shell. It opens the workspace, registers the IPC transport
 * over the shared handlers and shows the renderer; the studio's logic lives in the handlers,
 * the workspace and the engine, exactly as in the browser mode.
 */
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist-renderer');
const seedRoot = app.isPackaged ? process.resourcesPath : appRoot;
const workspaceFile = process.env.TARIFF_STUDIO_WORKSPACE ?? join(app.getPath('userData'), 'workspace.sqlite');
const seed = { rulesDir: process.env.TARIFF_STUDIO_RULES ?? join(seedRoot, 'rules'), tariffsDir: process.env.TARIFF_STUDIO_TARIFFS ?? join(seedRoot, 'tariffs') };

// The packaged app's main is one bundled file; the simulator's workers run the bundled worker
// (dist-electron/worker-entry.mjs, `npm run build:electron`) from the unpacked copy electron-builder ships.
if (app.isPackaged && !process.env.TARIFF_SIM_WORKER_ENTRY)
  process.env.TARIFF_SIM_WORKER_ENTRY = join(process.resourcesPath, 'app.asar.unpacked', 'dist-electron', 'worker-entry.mjs');

let ws: Workspace | undefined;

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

// Startup failures are handled inside (a dialog, then quit); nothing awaits the ready promise.
void app.whenReady().then(() => {
  denyPermissions(session.defaultSession);
  let connection: Connection;
  try {
    connection = chooseConnection(process.env.TARIFF_STUDIO_SERVER, app.getPath('userData'));
  } catch (e) {
    dialog.showErrorBox('Tariff Studio cannot connect', e instanceof StudioError ? `${e.message}\n\n${e.hint ?? ''}` : String(e));
    app.exit(1);
    return;
  }
  if (connection.kind === 'server') return openTeamServer(connection.url);
  try {
    const opened = openWorkspace(workspaceFile, { seed, lock: 'the desktop studio', ...(process.env.TARIFF_STUDIO_READ_ONLY === '1' ? { readOnly: true } : {}) });
    ws = opened.ws;
    const dispatch = studioDispatch(ws, opened.created, (name, e) => console.error(`studio: ${name} failed`, e));
    registerIpcHandlers(ipcMain, dispatch, senderIn(`${pathToFileURL(rendererDir).href}/`));
  } catch (e) {
    const detail = e instanceof StudioError ? `${e.code}: ${e.message}\n\n${e.hint ?? ''}` : String(e);
    const native = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/u.test(detail)
      ? '\n\nbetter-sqlite3 is built for Node, not Electron: run `npm run studio:rebuild-native` (see docs/studio.md).'
      : '';
    dialog.showErrorBox('Tariff Studio cannot open its workspace', `${workspaceFile}\n\n${detail}${native}`);
    app.exit(1);
    return;
  }
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 600,
    title: 'Tariff Studio',
    show: false,
    webPreferences: { ...SECURE_PREFERENCES, preload: join(__dirname, 'preload.cjs') },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
});

/** A team server's page: its own renderer over HTTP with its login; no preload, no workspace here. */
function openTeamServer(url: string): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 600,
    title: `Tariff Studio — ${url}`,
    show: false,
    webPreferences: { ...SECURE_PREFERENCES },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
}

app.on('window-all-closed', () => {
  if (ws) closeWorkspace(ws);
  app.quit();
});
