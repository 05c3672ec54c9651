import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `dir` and its missing parents one at a time. Not `mkdirSync(dir, { recursive: true })`:
 * node's recursive mkdir never returns for a folder the kernel answers ENOENT while its parent
 * exists (any path under /proc, such as /proc/self/x), and the call hung the process for good.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}
