import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This program's name and version, from the nearest package.json above this module (a release's
 * manifest names what built it). Found by walking up, so it holds from src/io and from a bundle in dist/lib.
 */
/** The folder of the nearest package.json above this module that names this program (its root), or undefined. */
export function programRoot(): string | undefined {
  return findProgram()?.root;
}

export function programInfo(): { name: string; version: string } {
  const found = findProgram();
  return found ? { name: found.name, version: found.version } : { name: 'tariff-studio', version: 'unknown' };
}

function findProgram(): { root: string; name: string; version: string } | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return { root: dir, name: pkg.name, version: pkg.version };
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
