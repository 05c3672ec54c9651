#!/usr/bin/env node
// `npm start`: Tariff Studio for a product manager. Builds what is missing or out of date,
// then opens the Electron window where Electron's binary is installed (node_modules/electron/dist),
// and otherwise serves the browser mode and prints its URL. Extra arguments go to
// `tariff studio` (e.g. `npm start -- --workspace my.sqlite --port 5180`; a relative path is taken
// from the folder npm start was typed in).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { newestSource } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

const outdated = (output, sources) => !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newestSource(sources);

function run(script) {
  // A new clone before ./scripts/install.sh: said with what to do, not a build's stack trace.
  if (!existsSync(join(root, 'node_modules'))) {
    console.error('npm start: the packages are not installed here (no node_modules): run ./scripts/install.sh first (it runs npm ci), then npm start.');
    process.exit(1);
  }
  console.log(`npm start: npm run ${script}`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm start: \`npm run ${script}\` failed; fix the error above and run npm start again.`);
    process.exit(r.status ?? 1);
  }
}

if (outdated('dist/cli/main.mjs', ['src', 'package.json'])) run('build');
const rendererSources = ['src/studio/renderer', 'src/tariff-model', 'src/studio/api', 'src/engine', 'vite.config.ts'];
if (outdated('dist-renderer/index.html', rendererSources)) run('build:renderer');
if (electronBinary() && outdated('dist-electron/main.cjs', ['src', 'vite.config.ts'])) run('build:electron');

// npm runs this script in the checkout; a relative --workspace is the user's, taken from the
// folder they typed `npm start` in (INIT_CWD), as `tariff studio` itself would take it.
const child = spawn(process.execPath, [join(root, 'bin', 'tariff.mjs'), 'studio', ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD || process.cwd(),
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
// A SIGTERM sent to npm alone (a service manager, `kill` of npm's pid) reaches npm's shell, which
// dies without passing it on: this script is then orphaned and the studio would keep the
// workspace locked. When the parent goes, the studio is stopped as by SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill('SIGTERM');
}, 500).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
