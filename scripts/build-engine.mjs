// `npm run build:engine`: the engine as a library (package exports "." and "./node") — ESM
// bundles in dist/lib plus type declarations. Dependencies stay external: they are the packed
// library's own dependencies (scripts/library.mjs, LIBRARY_DEPENDENCIES).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { LIBRARY_DEPENDENCIES } from './library.mjs';

rmSync('dist/lib', { recursive: true, force: true });
const external = LIBRARY_DEPENDENCIES.flatMap((name) => [name, `${name}/*`]);
await build({ entryPoints: { engine: 'src/engine/index.ts' }, outdir: 'dist/lib', bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', external, sourcemap: true });
await build({ entryPoints: { node: 'src/io/node-api.ts' }, outdir: 'dist/lib', bundle: true, format: 'esm', platform: 'node', target: 'node20', external, sourcemap: true });
execFileSync(
  process.execPath,
  [
    'node_modules/typescript/bin/tsc',
    '--declaration',
    '--emitDeclarationOnly',
    '--noEmit',
    'false',
    '--outDir',
    'dist/lib/types',
    '--rootDir',
    'src',
    '--skipLibCheck',
    '--strict',
    '--target',
    'ES2022',
    '--module',
    'ESNext',
    '--moduleResolution',
    'Bundler',
    '--esModuleInterop',
    '--resolveJsonModule',
    'src/engine/index.ts',
    'src/io/node-api.ts',
  ],
  { stdio: 'inherit' },
);
process.stdout.write('dist/lib: engine.js, node.js and types/\n');
