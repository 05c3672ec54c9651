import { copyFileSync, cpSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import type { Envelope } from '../../src/studio/api/contract.js';

/**
 * The desktop studio as `npm run build:electron` builds it, run under Node with a stand-in
 * `electron`: main and preload are bundled by vite into a scratch app laid out as the project
 * (package.json beside dist-electron/, node_modules beside them), with the simulator's worker
 * and the renderer when asked, and main's bundle is loaded as Electron loads it. What main
 * registers (IPC handlers, the session's request filter, the window it opens and the file it
 * loads) is recorded for the test to drive.
 */
export async function buildElectronApp(app: string, also: { worker?: boolean; renderer?: boolean } = {}): Promise<{ main: string; preload: string }> {
  mkdirSync(app, { recursive: true });
  copyFileSync(join(PROJECT_ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  const { build } = await import('vite');
  const configFile = join(PROJECT_ROOT, 'vite.config.ts');
  for (const mode of ['electron-main', 'electron-preload'])
    await build({ configFile, root: PROJECT_ROOT, mode, logLevel: 'silent', build: { outDir: join(app, 'dist-electron') } });
  if (also.renderer) await build({ configFile, mode: 'production', logLevel: 'silent', build: { outDir: join(app, 'dist-renderer'), emptyOutDir: true } });
  if (also.worker) {
    // By its path: scripts/ is plain JavaScript, outside test/'s program.
    const script = join(PROJECT_ROOT, 'scripts', 'build.mjs');
    const { buildElectronWorker } = (await import(script)) as { buildElectronWorker: (outfile: string) => Promise<void> };
    await buildElectronWorker(join(app, 'dist-electron', 'worker-entry.mjs'));
  }
  return { main: join(app, 'dist-electron', 'main.cjs'), preload: join(app, 'dist-electron', 'preload.cjs') };
}

/** What electron-builder.yml packs, as electron-builder reads it (its own loader): `files` patterns (`!` excludes), `asarUnpack`, `extraResources`. */
export type PackConfig = { files: string[]; asarUnpack: string[]; extraResources: { from: string; to: string }[] };

export async function electronBuilderConfig(): Promise<PackConfig> {
  const { getConfig } = await import('app-builder-lib/out/util/config/config.js');
  const config = await getConfig(PROJECT_ROOT, 'electron-builder.yml', null);
  // electron-builder normalizes `files` to file sets with a filter.
  const files = [config.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));
  return { files, asarUnpack: [config.asarUnpack ?? []].flat(), extraResources: config.extraResources as { from: string; to: string }[] };
}

/** The files under `dir` (node_modules aside), as paths relative to it with forward slashes, as electron-builder's patterns name them. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/'))
    .sort();
}

/** Whether electron-builder packs `file` (relative to the app): some `files` pattern selects it and no `!` pattern excludes it. */
export const packs = (config: PackConfig, file: string): boolean =>
  config.files.some((p) => !p.startsWith('!') && matchesGlob(file, p)) && !config.files.some((p) => p.startsWith('!') && matchesGlob(file, p.slice(1)));

/**
 * The installed app's resources folder as electron-builder.yml makes it from a built `app`:
 * `app.asar` (a folder standing in for the archive, which Electron reads as one) holding what
 * `files` selects, `app.asar.unpacked` the files `asarUnpack` names, and each extra resource
 * beside them. The production node_modules electron-builder adds are the project's (linked).
 */
export function packLikeElectronBuilder(app: string, resources: string, config: PackConfig): { asar: string; packed: string[] } {
  const asar = join(resources, 'app.asar');
  const packed = builtFiles(app).filter((f) => packs(config, f));
  for (const f of packed) {
    for (const to of config.asarUnpack.some((p) => matchesGlob(f, p)) ? [asar, `${asar}.unpacked`] : [asar]) {
      mkdirSync(dirname(join(to, f)), { recursive: true });
      copyFileSync(join(app, f), join(to, f));
    }
  }
  symlinkSync(realpathSync(join(app, 'node_modules')), join(asar, 'node_modules'), 'dir');
  for (const { from, to } of config.extraResources) cpSync(join(PROJECT_ROOT, from), join(resources, to), { recursive: true });
  return { asar, packed };
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
 * (it reads the workspace and the seed folders then) and removed after. With `resourcesPath` main
 * runs as the installed app (`app.isPackaged`, Electron's `process.resourcesPath`), `app` being
 * the app.asar inside it; what main sets in process.env then (the worker's path) stays until `quit`.
 */
export function startBundledMain(app: string, main: string, env: Record<string, string>, installed?: { resourcesPath: string }): BundledMain {
  const ipc = new Map<string, IpcHandler>();
  const windows: OpenedWindow[] = [];
  const appHandlers = new Map<string, (...a: unknown[]) => void>();
  let beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  let ready: (() => void) | undefined;
  const fakeElectron = {
    app: {
      getAppPath: () => app,
      isPackaged: installed !== undefined,
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
  const envBefore = new Set(Object.keys(process.env));
  const electronProcess = process as { resourcesPath?: string };
  if (installed) electronProcess.resourcesPath = installed.resourcesPath;
  const Module = createRequire(import.meta.url)('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : load.call(this, request, ...rest);
  };
  try {
    createRequire(main)(main);
  } finally {
    Module._load = load;
    delete electronProcess.resourcesPath;
    for (const k of Object.keys(env)) delete process.env[k];
  }
  const setByMain = Object.keys(process.env).filter((k) => !envBefore.has(k));
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
    quit: () => {
      appHandlers.get('will-quit')?.({ preventDefault: () => undefined });
      for (const k of setByMain) delete process.env[k];
    },
  };
}
