import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { BRIDGE_GLOBAL, channelOf } from '../../src/studio/api/bridge.js';
import { CALL_NAMES, CONTRACT, type Envelope, type PublishedRelease } from '../../src/studio/api/contract.js';
import { buildElectronApp, startBundledMain } from './electron-app.js';
import { scratch, SEED } from './helpers.js';

/**
 * The bundle `npm run build:electron` makes of Electron's main (dist-electron/main.cjs), built
 * here into a scratch app laid out as the packaged one (package.json beside dist-electron/) and
 * loaded by Node with a stand-in `electron`: what the installed app runs, not the sources.
 */
describe('the bundled Electron main (vite build --mode electron-main)', async () => {
  const app = join(scratch('electron-bundle-'), 'app');
  const { main, preload } = await buildElectronApp(app);
  const code = readFileSync(main, 'utf8');
  const electron = startBundledMain(app, main, {
    TARIFF_STUDIO_WORKSPACE: join(app, 'workspace.sqlite'),
    TARIFF_STUDIO_RULES: SEED.rulesDir,
    TARIFF_STUDIO_TARIFFS: SEED.tariffsDir,
  });
  const ipc = electron.ipc;
  afterAll(() => electron.quit());
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
    const preloadCode = readFileSync(preload, 'utf8');
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
    new Function('require', 'module', 'exports', preloadCode)(sandboxedRequire, module, module.exports);
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const bridge = exposed.get(BRIDGE_GLOBAL) as Record<string, Record<string, (a: unknown) => Promise<unknown>>>;
    expect(Object.keys(bridge)).toEqual(Object.keys(CONTRACT));
    expect(await bridge.tariffs!.list!({})).toEqual({ ok: true, value: { versions: [] } });
    expect(sent).toEqual([[channelOf('tariffs.list'), {}]]);
  });

  it("carries every call of the contract from the bundled preload's function to the bundled main's handler for that call, and none other", async () => {
    expect([...ipc.keys()]).toEqual(CALL_NAMES.map(channelOf));
    const exposed = new Map<string, unknown>();
    const sent: string[] = [];
    const electronOfPreload = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string, args: unknown) => {
          sent.push(channel);
          const handler = ipc.get(channel);
          if (!handler) throw new Error(`No handler registered for '${channel}'`);
          return structuredClone(await handler(page, structuredClone(args)));
        },
      },
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', readFileSync(preload, 'utf8'))(() => electronOfPreload, module, module.exports);
    const bridge = exposed.get(BRIDGE_GLOBAL) as Record<string, Record<string, (a: unknown) => Promise<Envelope<unknown>>>>;
    for (const name of CALL_NAMES) {
      const [domain, method] = name.split('.') as [string, string];
      const fn = bridge[domain]?.[method];
      expect(typeof fn, `the preload's ${name}`).toBe('function');
      // Arguments no call accepts: the dispatcher behind main's handler names the call it checked them against.
      const answer = await fn!(42);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: `${name}: the arguments do not match the call's schema` } });
    }
    expect(sent).toEqual(CALL_NAMES.map(channelOf));
    expect(Object.values(bridge).flatMap((calls) => Object.keys(calls))).toHaveLength(CALL_NAMES.length);
  });
});
