import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, matchesGlob, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { channelOf } from '../../src/studio/api/bridge.js';
import type { Envelope, RunProgress, ScenarioChoices, ScenarioForm } from '../../src/studio/api/contract.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { buildElectronApp, builtFiles, electronBuilderConfig, packLikeElectronBuilder, packs, startBundledMain } from './electron-app.js';
import { scratch } from './helpers.js';

/**
 * electron-builder.yml against what the builds write, without electron-builder (it downloads
 * Electron): main, preload, the simulator's worker and the renderer are built into a scratch app
 * as `npm run build:studio` builds them, packed as the file's `files`, `asarUnpack` and
 * `extraResources` say (app.asar stands in as a folder), and main's bundle is started as the
 * installed app (`app.isPackaged`, Electron's resources folder): it must find everything it
 * loads there, the window's page and preload, its seed, the shipped case files and the worker.
 */
describe('the desktop app as electron-builder.yml packs the build', async () => {
  const root = scratch('electron-packed-');
  const app = join(root, 'app');
  const resources = join(root, 'resources');
  await buildElectronApp(app, { worker: true, renderer: true });
  const config = await electronBuilderConfig();
  const built = builtFiles(app);
  const { asar, packed } = packLikeElectronBuilder(app, resources, config);
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { main: string };
  const electron = startBundledMain(asar, join(asar, pkg.main), { TARIFF_STUDIO_WORKSPACE: join(root, 'workspace.sqlite') }, { resourcesPath: resources });
  afterAll(() => electron.quit());
  const inAsar = (file: string): string => relative(asar, file).split(sep).join('/');
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = (await electron.ipc.get(channelOf(name))!({ senderFrame: { url: `file://${asar}/dist-renderer/index.html` } }, args)) as Envelope<T>;
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  it('names built files with each of its `files` patterns, and packs no source map', () => {
    for (const pattern of config.files.filter((p) => !p.startsWith('!') && !p.startsWith('node_modules/')))
      expect(
        built.filter((f) => packs({ ...config, files: [pattern] }, f)),
        pattern,
      ).not.toEqual([]);
    expect(built.filter((f) => f.endsWith('.map'))).not.toEqual([]);
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packed.filter((f) => !/^(?:dist-electron|dist-renderer)\//u.test(f) && f !== 'package.json')).toEqual([]);
  });

  it("packs package.json's main, and main finds its page, the page's script and style, and the preload in the archive", () => {
    expect(packed).toContain(pkg.main);
    const [win] = electron.windows;
    expect(win?.loaded).toBe(join(asar, 'dist-renderer', 'index.html'));
    expect(existsSync(win!.loaded!)).toBe(true);
    const html = readFileSync(win!.loaded!, 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/gu)].map((m) => `dist-renderer/${m[1]!}`);
    expect(assets).toEqual([expect.stringMatching(/^dist-renderer\/assets\/index-[\w-]+\.js$/u), expect.stringMatching(/^dist-renderer\/assets\/index-[\w-]+\.css$/u)]);
    for (const a of assets) expect(packed, a).toContain(a);
    expect(packed).toContain(inAsar(String(win!.options.webPreferences.preload)));
    // The installed app has no developer tools.
    expect(win!.options.webPreferences.devTools).toBe(false);
  });

  it("requires only what the archive holds: main package.json's dependencies (not those `files` leaves out), the preload electron, the unpacked worker Node's own modules", () => {
    const required = (file: string): string[] => {
      // Not the text ajv's code generator keeps for standalone code (`require("ajv/dist/runtime/…")` in a string or template literal): never run here.
      const names = [...readFileSync(join(asar, file), 'utf8').matchAll(/(?<![`'\w.])(?:require|import)\("([^"]+)"\)/gu)].map((m) => m[1]!);
      return [
        ...new Set(
          names
            .filter((n) => !n.startsWith('node:') && !builtinModules.includes(n))
            .map((n) =>
              n
                .split('/')
                .slice(0, n.startsWith('@') ? 2 : 1)
                .join('/'),
            ),
        ),
      ].sort();
    };
    const { dependencies } = JSON.parse(readFileSync(join(asar, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const left = (name: string): boolean => config.files.some((p) => p.startsWith('!') && matchesGlob(`node_modules/${name}/package.json`, p.slice(1)));
    const main = required(pkg.main);
    expect(main).toContain('better-sqlite3');
    for (const name of main.filter((n) => n !== 'electron')) {
      expect(Object.keys(dependencies), name).toContain(name);
      expect(left(name), name).toBe(false);
    }
    expect(required('dist-electron/preload.cjs')).toEqual(['electron']);
    expect(required('dist-electron/worker-entry.mjs')).toEqual([]);
  });

  it('creates its workspace from the rules and tariffs shipped beside the archive', async () => {
    const { versions } = await call<{ versions: { effective: string; status: string }[] }>('tariffs.list', {});
    expect(versions).toEqual([expect.objectContaining({ effective: '2023-09-19', status: 'approved' })]);
    const info = await call<{ file: string }>('workspace.info', {});
    expect(info.file).toBe(join(root, 'workspace.sqlite'));
  });

  it("runs regression and approval on the project's case files shipped beside the archive (test/cases)", async () => {
    const { folders } = await call<{ folders: { path: string; exists: boolean; files: number }[] }>('rules.caseFolders', {});
    const shipped = builtFiles(join(PROJECT_ROOT, 'test', 'cases')).filter((f) => f.endsWith('.json')).length;
    expect(folders).toEqual([{ path: join(resources, 'test', 'cases'), exists: true, files: shipped }]);
  });

  it('runs a scenario in worker threads from the worker unpacked from the archive, with no node_modules beside it', async () => {
    const worker = join(`${asar}.unpacked`, 'dist-electron', 'worker-entry.mjs');
    expect(process.env.TARIFF_SIM_WORKER_ENTRY).toBe(worker);
    expect(existsSync(worker)).toBe(true);
    expect(existsSync(join(`${asar}.unpacked`, 'node_modules'))).toBe(false);
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const form: ScenarioForm = {
      ...c.defaultForm,
      name: 'packaged',
      horizon: { start: '2025-04', months: 3 },
      fleet: { ...c.defaultForm.fleet, size: 40, startDates: { from: '2024-10-01', to: '2025-03-31' } },
    };
    const { runId } = await call<{ runId: string }>('scenarios.run', { id: null, form });
    let p: RunProgress;
    for (;;) {
      p = await call<RunProgress>('scenarios.progress', { runId });
      if (p.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(p).toMatchObject({ state: 'done', contractsDone: p.contracts });
  });
});
