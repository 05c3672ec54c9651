import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { BRIDGE_GLOBAL, channelOf } from '../../src/studio/api/bridge.js';
import { CONTRACT, type Envelope, type PublishedRelease } from '../../src/studio/api/contract.js';
import { scratch, SEED } from './helpers.js';

/**
 * The bundle `npm run build:electron` makes of Electron's main (dist-electron/main.cjs), built
 * here into a scratch app laid out as the packaged one (package.json beside dist-electron/) and
 * loaded by Node with a stand-in `electron`: what the installed app runs, not the sources.
 */
describe('the bundled Electron main (vite build --mode electron-main)', async () => {
  const app = join(scratch('electron-bundle-'), 'app');
  mkdirSync(app, { recursive: true });
  copyFileSync(join(PROJECT_ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), root: PROJECT_ROOT, mode: 'electron-main', logLevel: 'silent', build: { outDir: join(app, 'dist-electron') } });
  await build({
    configFile: join(PROJECT_ROOT, 'vite.config.ts'),
    root: PROJECT_ROOT,
    mode: 'electron-preload',
    logLevel: 'silent',
    build: { outDir: join(app, 'dist-electron') },
  });
  const main = join(app, 'dist-electron', 'main.cjs');
  const code = readFileSync(main, 'utf8');

  const ipc = new Map<string, (event: unknown, payload: unknown) => Promise<Envelope<unknown>>>();
  let ready: (() => void) | undefined;
  const fakeElectron = {
    app: {
      getAppPath: () => app,
      isPackaged: false,
      getPath: () => join(app, 'userData'),
      on: () => undefined,
      requestSingleInstanceLock: () => true,
      whenReady: () => ({ then: (fn: () => void) => void (ready = fn) }),
      exit: (code: number) => {
        throw new Error(`main exited ${code}`);
      },
      quit: () => undefined,
    },
    BrowserWindow: class {
      webContents = { on: () => undefined };
      once() {}
      loadFile() {
        return Promise.resolve();
      }
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    dialog: {
      showErrorBox: (title: string, body: string) => {
        throw new Error(`${title}: ${body}`);
      },
    },
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<Envelope<unknown>>) => ipc.set(channel, fn), removeHandler: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
        on: () => undefined,
      },
    },
  };
  const env = { TARIFF_STUDIO_WORKSPACE: join(app, 'workspace.sqlite'), TARIFF_STUDIO_RULES: SEED.rulesDir, TARIFF_STUDIO_TARIFFS: SEED.tariffsDir };
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
  ready!();
  afterAll(() => ipc.clear());
  const page = { senderFrame: { url: `${pathToFileURL(join(app, 'dist-renderer')).href}/index.html` } };

  it('knows where it is: no import.meta left empty ({}.url), no file of the project inlined as a data: URL', () => {
    expect(code).not.toMatch(/\{\}\.url/u);
    expect(code).not.toMatch(/new URL\("data:/u);
    // The simulator's worker is the one beside main.cjs (`npm run build:electron` writes it there).
    expect(code).toContain('new URL("./worker-entry.mjs", __tariffStudioBundleUrl)');
    // package.json is found by walking up from the bundle (io/program-info.ts), not at a path relative to a source file.
    expect(code).not.toContain('"../../package.json"');
  });

  it('publishes a release whose manifest names the program that built it', async () => {
    const r = (await ipc.get(channelOf('rules.publishRelease'))!(page, { publisher: 'kato' })) as Envelope<PublishedRelease>;
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const release = JSON.parse(Buffer.from(r.value.contentBase64, 'base64').toString('utf8')) as { content: { manifest: { program: { name: string; version: string } } } };
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(release.content.manifest.program).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('builds a preload that runs sandboxed: it requires electron and nothing else, and needs no file name', async () => {
    const preload = readFileSync(join(app, 'dist-electron', 'preload.cjs'), 'utf8');
    const exposed = new Map<string, unknown>();
    const sent: [string, unknown][] = [];
    const sandboxedRequire = (id: string): unknown => {
      if (id !== 'electron') throw new Error(`module not found: ${id} (a sandboxed preload can require electron only)`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
        ipcRenderer: { invoke: (channel: string, args: unknown) => (sent.push([channel, args]), Promise.resolve({ ok: true, value: { versions: [] } })) },
      };
    };
    const module = { exports: {} };
    // As Electron runs a sandboxed preload: a CommonJS wrapper with that require, no __filename or __dirname.
    new Function('require', 'module', 'exports', preload)(sandboxedRequire, module, module.exports);
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const bridge = exposed.get(BRIDGE_GLOBAL) as Record<string, Record<string, (a: unknown) => Promise<unknown>>>;
    expect(Object.keys(bridge)).toEqual(Object.keys(CONTRACT));
    expect(await bridge.tariffs!.list!({})).toEqual({ ok: true, value: { versions: [] } });
    expect(sent).toEqual([[channelOf('tariffs.list'), {}]]);
  });
});
