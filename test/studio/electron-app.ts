import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import type { Envelope } from '../../src/studio/api/contract.js';

/**
 * The desktop studio as `npm run build:electron` builds it, run under Node with a stand-in
 * `electron`: main and preload are bundled by vite into a scratch app laid out as the packaged
 * one (package.json beside dist-electron/, node_modules beside them), and main's bundle is loaded
 * as Electron loads it. What main registers (IPC handlers, the session's request filter, the
 * window it opens and the file it loads) is recorded for the test to drive.
 */
export async function buildElectronApp(app: string): Promise<{ main: string; preload: string }> {
  mkdirSync(app, { recursive: true });
  copyFileSync(join(PROJECT_ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  const { build } = await import('vite');
  for (const mode of ['electron-main', 'electron-preload'])
    await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), root: PROJECT_ROOT, mode, logLevel: 'silent', build: { outDir: join(app, 'dist-electron') } });
  return { main: join(app, 'dist-electron', 'main.cjs'), preload: join(app, 'dist-electron', 'preload.cjs') };
}

export type IpcHandler = (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<Envelope<unknown>>;

/** A window main opened: its options (webPreferences with the preload) and the file it loaded. */
export type OpenedWindow = { options: { webPreferences: Record<string, unknown> }; loaded: string | undefined };

export type BundledMain = {
  /** The IPC handler main registered for each channel. */
  ipc: Map<string, IpcHandler>;
  windows: OpenedWindow[];
  /** Whether the session lets a request through (main's `onlyStudioRequests`). */
  allowsRequest(url: string): boolean;
  /** Quits as the app's Quit does (will-quit): the workspace is closed. */
  quit(): void;
};

/**
 * Loads main's bundle with the stand-in and makes the app ready. `env` is set while main loads
 * (it reads the workspace and the seed folders then) and removed after.
 */
export function startBundledMain(app: string, main: string, env: Record<string, string>): BundledMain {
  const ipc = new Map<string, IpcHandler>();
  const windows: OpenedWindow[] = [];
  const appHandlers = new Map<string, (...a: unknown[]) => void>();
  let beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  let ready: (() => void) | undefined;
  const fakeElectron = {
    app: {
      getAppPath: () => app,
      isPackaged: false,
      getPath: () => join(app, 'userData'),
      on: (event: string, fn: (...a: unknown[]) => void) => appHandlers.set(event, fn),
      requestSingleInstanceLock: () => true,
      whenReady: () => ({ then: (fn: () => void) => void (ready = fn) }),
      exit: (code: number) => {
        throw new Error(`main exited ${code}`);
      },
      quit: () => undefined,
    },
    BrowserWindow: class {
      webContents = { on: () => undefined };
      readonly opened: OpenedWindow;
      constructor(options: OpenedWindow['options']) {
        this.opened = { options, loaded: undefined };
        windows.push(this.opened);
      }
      once() {}
      loadFile(file: string) {
        this.opened.loaded = file;
        return Promise.resolve();
      }
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    dialog: {
      showErrorBox: (title: string, body: string) => {
        throw new Error(`${title}: ${body}`);
      },
    },
    ipcMain: { handle: (channel: string, fn: IpcHandler) => ipc.set(channel, fn), removeHandler: (channel: string) => ipc.delete(channel) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: (fn: typeof beforeRequest) => (beforeRequest = fn) },
        on: () => undefined,
      },
    },
  };
  Object.assign(process.env, env);
  const Module = createRequire(import.meta.url)('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : load.call(this, request, ...rest);
  };
  try {
    createRequire(main)(main);
  } finally {
    Module._load = load;
    for (const k of Object.keys(env)) delete process.env[k];
  }
  if (!ready) throw new Error(`${main} did not wait for the app to be ready`);
  ready();
  return {
    ipc,
    windows,
    allowsRequest: (url) => {
      if (!beforeRequest) throw new Error('main set no request filter on the session');
      let cancel: boolean | undefined;
      beforeRequest({ url }, (r) => (cancel = r.cancel));
      return cancel === false;
    },
    quit: () => appHandlers.get('will-quit')?.({ preventDefault: () => undefined }),
  };
}
