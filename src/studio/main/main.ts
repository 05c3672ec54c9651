import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { studioDispatch } from '../handlers/studio-dispatch.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { defaultWorkspacePath } from '../workspace/default-path.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../workspace/workspace.js';
import { closeOnQuit, holdSingleInstance, relaunchArgs, workspaceArg, type SecondStart } from './app-lifecycle.js';
import { studioMenu } from './app-menu.js';
import { chooseConnection, type Connection } from './connection.js';
import { saveDownloadsWithDialog } from './downloads.js';
import { trackCalls, type TrackedDispatch } from './in-flight.js';
import { registerIpcHandlers, senderIn } from './ipc-bridge.js';
import { askBeforeUnload } from './unsaved-prompt.js';
import { denyPermissions, hardenContents, loadedFilePrefix, onlyStudioRequests, studioPageCheck, windowPreferences } from './window-security.js';

/**
 * Electron's main process: a thin shell. It opens the workspace, registers the IPC transport
 * over the shared handlers and shows the renderer; the studio's logic lives in the handlers,
 * the workspace and the engine, exactly as in the browser mode.
 */
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist-renderer');
const seedRoot = app.isPackaged ? process.resourcesPath : appRoot;
// The file chosen with File › Open Workspace… (the restart names it), else the same file the
// browser mode opens ($TARIFF_STUDIO_WORKSPACE, else the per-user data folder).
const workspaceFile = workspaceArg(process.argv) ?? defaultWorkspacePath();
// As the window's page, its requests and its frame name it (never pathToFileURL's form: see loadedFilePrefix).
const rendererPrefix = loadedFilePrefix(rendererDir);
const seed = { rulesDir: process.env.TARIFF_STUDIO_RULES ?? join(seedRoot, 'rules'), tariffsDir: process.env.TARIFF_STUDIO_TARIFFS ?? join(seedRoot, 'tariffs') };

// The packaged app's main is one bundled file; the simulator's workers run the bundled worker
// (dist-electron/worker-entry.mjs, `npm run build:electron`) from the unpacked copy electron-builder ships.
if (app.isPackaged && !process.env.TARIFF_SIM_WORKER_ENTRY)
  process.env.TARIFF_SIM_WORKER_ENTRY = join(process.resourcesPath, 'app.asar.unpacked', 'dist-electron', 'worker-entry.mjs');

/** What this start opens, as a second start is told: the team server asked for, else the workspace. */
const opens = process.env.TARIFF_STUDIO_SERVER && process.env.TARIFF_STUDIO_SERVER !== 'local' ? process.env.TARIFF_STUDIO_SERVER : workspaceFile;

let ws: Workspace | undefined;
/** The studio calls over the workspace, counted while they run (a quit waits for them). */
let calls: TrackedDispatch | undefined;
let win: BrowserWindow | undefined;
// Where a window may navigate: the local renderer's folder, or the team server's origin once chosen.
let isStudioPage = studioPageCheck({ filePrefix: rendererPrefix });

app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => isStudioPage(url)));

/**
 * File › Open Workspace…: the system's dialog picks a workspace file (or names a new one, created
 * from the seed); the studio then restarts on it, so this workspace is closed (checkpointed, its
 * lock released) before the other opens, as on a quit.
 */
async function chooseWorkspace(): Promise<void> {
  const options = {
    title: 'Open a Tariff Studio workspace',
    defaultPath: workspaceFile,
    buttonLabel: 'Open',
    properties: ['openFile', 'promptToCreate'] as ('openFile' | 'promptToCreate')[],
    filters: [{ name: 'Tariff Studio workspace', extensions: ['sqlite'] }],
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = picked.canceled ? undefined : picked.filePaths[0];
  if (!file || file === workspaceFile) return;
  app.relaunch({ args: relaunchArgs(process.argv, file) });
  app.quit();
}

/** A second start: the open window comes forward; asked for something else, it says what is open. */
function secondStart({ opens: asked }: SecondStart): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  if (asked !== undefined && asked !== opens)
    void dialog.showMessageBox(win, {
      type: 'info',
      message: `Tariff Studio is already open on ${opens}`,
      detail: `It opens one workspace at a time. To open ${asked}, close this window, then start Tariff Studio again.`,
    });
}

const first = holdSingleInstance(app, opens, secondStart);
if (!first) app.quit();
else
  closeOnQuit(
    app,
    () => {
      if (ws) closeWorkspace(ws);
    },
    { pending: () => calls?.pending() ?? 0, settled: () => calls?.settled() ?? Promise.resolve() },
  );

// Startup failures are handled inside (a dialog, then quit); nothing awaits the ready promise.
if (first)
  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    onlyStudioRequests(session.defaultSession, (url) => isStudioPage(url));
    saveDownloadsWithDialog(session.defaultSession, (fileName, filters) => {
      const options = { title: 'Save', defaultPath: join(app.getPath('downloads'), fileName), filters };
      return win ? dialog.showSaveDialogSync(win, options) : dialog.showSaveDialogSync(options);
    });
    let connection: Connection;
    const menu = (local: boolean) =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(studioMenu({ platform: process.platform, packaged: app.isPackaged, ...(local ? { openWorkspace: () => void chooseWorkspace() } : {}) })),
      );
    try {
      connection = chooseConnection(process.env.TARIFF_STUDIO_SERVER, app.getPath('userData'));
    } catch (e) {
      dialog.showErrorBox('Tariff Studio cannot connect', e instanceof StudioError ? `${e.message}\n\n${e.hint ?? ''}` : String(e));
      app.exit(1);
      return;
    }
    menu(connection.kind === 'local');
    if (connection.kind === 'server') return openTeamServer(connection.url);
    try {
      const opened = openWorkspace(workspaceFile, { seed, lock: 'the desktop studio', ...(process.env.TARIFF_STUDIO_READ_ONLY === '1' ? { readOnly: true } : {}) });
      ws = opened.ws;
      calls = trackCalls(studioDispatch(ws, opened.created, (name, e) => console.error(`studio: ${name} failed`, e)));
      registerIpcHandlers(ipcMain, calls.dispatch, senderIn(rendererPrefix));
    } catch (e) {
      const detail = e instanceof StudioError ? `${e.code}: ${e.message}\n\n${e.hint ?? ''}` : String(e);
      const native = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/u.test(detail)
        ? '\n\nbetter-sqlite3 is built for Node, not Electron: run `npm run studio:rebuild-native` (see docs/studio.md).'
        : '';
      dialog.showErrorBox('Tariff Studio cannot open its workspace', `${workspaceFile}\n\n${detail}${native}`);
      app.exit(1);
      return;
    }
    const local = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1000,
      minHeight: 600,
      title: 'Tariff Studio',
      show: false,
      webPreferences: windowPreferences({ packaged: app.isPackaged, preload: join(__dirname, 'preload.cjs') }),
    });
    win = local;
    askBeforeUnload(local.webContents, (o) => dialog.showMessageBoxSync(local, o));
    local.once('ready-to-show', () => local.show());
    void local.loadFile(join(rendererDir, 'index.html'));
  });

/** A team server's page: its own renderer over HTTP with its login; no preload, no workspace here. */
function openTeamServer(url: string): void {
  isStudioPage = studioPageCheck({ origin: new URL(url).origin });
  const team = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 600,
    title: `Tariff Studio — ${url}`,
    show: false,
    webPreferences: windowPreferences({ packaged: app.isPackaged }),
  });
  win = team;
  askBeforeUnload(team.webContents, (o) => dialog.showMessageBoxSync(team, o));
  team.once('ready-to-show', () => team.show());
  void team.loadURL(url);
}
