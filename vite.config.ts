import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Three builds of the studio:
 *   vite build                          the React renderer → dist-renderer/ (served by the browser mode, loaded by Electron)
 *   vite build --mode electron-main     Electron's main process → dist-electron/main.cjs (dependencies stay in node_modules)
 *   vite build --mode electron-preload  the preload → dist-electron/preload.cjs (self-contained: a sandboxed preload can require only electron)
 */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

/**
 * `import.meta.url` in a CommonJS bundle: the bundle's own file (dist-electron/main.cjs), as in
 * the sources each module's file. Left to the bundler it becomes `{}.url` (undefined), and a
 * `new URL('./x', import.meta.url)` becomes an inlined data: URL: finding package.json (a
 * release's manifest, so publishing a release) and the simulator's worker beside main.cjs broke.
 */
export const BUNDLE_URL = '__tariffStudioBundleUrl';
const importMetaUrlOfBundle = (): Plugin => ({
  name: 'tariff-studio:import-meta-url-of-bundle',
  enforce: 'pre',
  transform(code, id) {
    return /\.[cm]?[jt]sx?$/u.test(id) && code.includes('import.meta.url') ? { code: code.replaceAll('import.meta.url', BUNDLE_URL), map: null } : undefined;
  },
});

// Main only: the sandboxed preload can require nothing but `electron` (and has no file of its own).
const electronBuild = (entry: string, fileName: string, external: (string | RegExp)[], main: boolean): UserConfig => ({
  publicDir: false,
  plugins: main ? [importMetaUrlOfBundle()] : [],
  build: {
    outDir: 'dist-electron',
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: { entry, formats: ['cjs'], fileName: () => fileName },
    rolldownOptions: { external, ...(main ? { output: { intro: `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;` } } : {}) },
  },
});

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'electron-main')
    return electronBuild(
      'src/studio/main/main.ts',
      'main.cjs',
      ['electron', /^node:/u, ...builtinModules, ...Object.keys(pkg.dependencies).flatMap((d) => [d, new RegExp(`^${d}/`, 'u')])],
      true,
    );
  if (mode === 'electron-preload') return electronBuild('src/studio/preload/preload.ts', 'preload.cjs', ['electron'], false);
  return {
    root: 'src/studio/renderer',
    base: './',
    plugins: [react()],
    build: { outDir: '../../../dist-renderer', emptyOutDir: true, target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  };
});
