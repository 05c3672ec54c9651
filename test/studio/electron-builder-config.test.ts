import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/**
 * electron-builder.yml cannot be exercised by packaging here (no Electron binary), so it is
 * checked the way electron-builder itself checks it before packaging: loaded and validated
 * against electron-builder's own configuration schema, plus what the studio relies on.
 */
describe('electron-builder.yml', async () => {
  const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = await import('builder-util');
  const config = await getConfig(PROJECT_ROOT, 'electron-builder.yml', null);

  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packages the built main, preload and renderer, seeds the workspace from rules/ and tariffs/, unpacks the native module', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    // electron-builder normalizes `files` to file sets with a filter.
    const filters = [config.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));
    expect(filters).toEqual(expect.arrayContaining(['dist-electron/**', 'dist-renderer/**', 'package.json']));
    // Built JavaScript only: no TypeScript sources (tsx is a development dependency).
    expect(filters.some((f) => f.startsWith('src/'))).toBe(false);
    expect(config.extraResources).toEqual([
      { from: 'rules', to: 'rules' },
      { from: 'tariffs', to: 'tariffs' },
      { from: 'test/cases', to: 'test/cases' },
    ]);
    // The native module, and the simulator's bundled worker (loaded from disk by worker threads).
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**', 'dist-electron/worker-entry.mjs']);
  });

  it('builds a Windows installer, macOS disk images and a Linux AppImage', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac?.target).toEqual(expect.arrayContaining([{ target: 'dmg', arch: ['x64', 'arm64'] }]));
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it("passes electron-builder's check of package.json (electron is a devDependency: the app carries its own runtime)", async () => {
    // Marked internal in its typings; it is the check `electron-builder` runs on package.json before packaging.
    const { checkMetadata } = (await import('app-builder-lib/out/util/packageMetadata.js')) as unknown as {
      checkMetadata: (metadata: object, devMetadata: object, appPackageFile: string, devAppPackageFile: string) => void;
    };
    const file = join(PROJECT_ROOT, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(() => checkMetadata(pkg, pkg, file, file)).not.toThrow();
    expect(pkg.devDependencies.electron).toMatch(/^~41\.7\./u);
  });

  it("packages what `npm run build:electron` writes: package.json's main, the preload main.ts loads, the simulator's worker", async () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    // By its path: vite.config.ts is linted and type-checked as a config file of its own, outside test/'s program.
    const viteConfigFile = join(PROJECT_ROOT, 'vite.config.ts');
    const viteConfig = ((await import(viteConfigFile)) as { default: (env: { mode: string; command: 'build' }) => UserConfig }).default;
    const output = (mode: string): string => {
      const b = viteConfig({ mode, command: 'build' }).build!;
      const lib = b.lib as { fileName: () => string };
      return `${b.outDir!}/${lib.fileName()}`;
    };
    expect(pkg.scripts['build:electron']).toBe('vite build --mode electron-main && vite build --mode electron-preload && node scripts/build.mjs --electron');
    expect(output('electron-main')).toBe(pkg.main);
    expect(output('electron-preload')).toBe('dist-electron/preload.cjs');
    expect(readFileSync(join(PROJECT_ROOT, 'src', 'studio', 'main', 'main.ts'), 'utf8')).toContain("join(__dirname, 'preload.cjs')");
    expect(readFileSync(join(PROJECT_ROOT, 'scripts', 'build.mjs'), 'utf8')).toContain("join(root, 'dist-electron', 'worker-entry.mjs')");
    // The renderer main.ts loads (app path/dist-renderer/index.html) is vite's default build.
    expect(viteConfig({ mode: 'production', command: 'build' }).build!.outDir).toBe('../../../dist-renderer');
    const filters = [config.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));
    for (const built of [pkg.main, 'dist-electron/preload.cjs', 'dist-electron/worker-entry.mjs', 'dist-renderer/index.html'])
      expect(
        filters.some((f) => matchesGlob(built, f)),
        built,
      ).toBe(true);
    expect((config.asarUnpack as string[]).some((f) => matchesGlob('dist-electron/worker-entry.mjs', f))).toBe(true);
    expect((config.asarUnpack as string[]).some((f) => matchesGlob('node_modules/better-sqlite3/build/Release/better_sqlite3.node', f))).toBe(true);
  });

  it('ships the seed folders main.ts reads from the resources folder, each with its index, and the case files under the name regression looks for', () => {
    for (const { from, to } of config.extraResources as { from: string; to: string }[]) {
      expect(statSync(join(PROJECT_ROOT, from)).isDirectory(), from).toBe(true);
      if (from !== 'test/cases') expect(existsSync(join(PROJECT_ROOT, from, 'index.json')), `${from}/index.json`).toBe(true);
      expect(to).toBe(from);
    }
    // test/cases is found above main's bundle, resources/app.asar/dist-electron/../.. (electron-packaged.test.ts starts the packed app and asks).
    const main = readFileSync(join(PROJECT_ROOT, 'src', 'studio', 'main', 'main.ts'), 'utf8');
    expect(main).toContain('app.isPackaged ? process.resourcesPath : appRoot');
    expect(main).toMatch(/join\(seedRoot, 'rules'\)[\s\S]*join\(seedRoot, 'tariffs'\)/u);
  });

  it("flips Electron's fuses: no running as Node, no NODE_OPTIONS or --inspect, code from app.asar only", () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    // The renderer is loaded from file:// and its script is a module: without the file protocol's privileges Chromium refuses to load it (e2e electron-renderer.test.ts).
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).not.toBe(false);
  });
});
