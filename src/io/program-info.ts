import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This program's name and version, from the nearest package.json above this module (a release's
 * manifest names what built it). Found by walking up, so it holds from src/io and from a bundle in dist/lib.
 */
export function programInfo(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return { name: pkg.name, version: pkg.version };
    }
    const up = dirname(dir);
    if (up === dir) return { name: 'tariff-studio', version: 'unknown' };
    dir = up;
  }
}
