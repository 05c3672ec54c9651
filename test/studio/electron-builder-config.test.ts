import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    ]);
    // The native module, and the simulator's bundled worker (loaded from disk by worker threads).
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**', 'dist-electron/worker-entry.mjs']);
  });

  it('builds a Windows installer and macOS disk images', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac?.target).toEqual(expect.arrayContaining([{ target: 'dmg', arch: ['x64', 'arm64'] }]));
    expect(config.mac?.hardenedRuntime).toBe(true);
  });
});
