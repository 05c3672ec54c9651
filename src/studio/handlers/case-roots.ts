import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';
import type { StudioContext } from './studio-context.js';

/**
 * Where case folders may be on a team server. Its users are remote: a folder they name is a
 * path on the server, so `explorer.saveCase` and `rules.setCaseFolders` are confined to the
 * server's case root(s) (`ctx.caseRoots`, by default `cases/` beside the workspace), symbolic
 * links resolved. In the desktop app and the browser mode (the user's own machine, no
 * `caseRoots`) any folder is taken; a relative name there is taken from the workspace's folder
 * (`cases` is `cases/` beside the workspace, as on a team server), never from the studio's working
 * directory (the checkout for `npm start`, `/` for an app started from a menu), and `~/x` is in
 * the home folder. A folder outside is refused with CASE_FOLDER_OUTSIDE_ROOT, the same answer
 * whether it exists or not.
 */

/** The real path of `p`: its deepest existing ancestor resolved (symbolic links), the rest appended. */
function realPathOf(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const up = dirname(existing);
    if (up === existing) break;
    rest.unshift(basename(existing));
    existing = up;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    real = existing;
  }
  return rest.length ? join(real, ...rest) : real;
}

const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** A folder typed on the user's own machine: `~` and `~/x` in the home folder, a relative name beside the workspace. */
function ownMachineFolder(ctx: StudioContext, folder: string): string {
  if (folder === '~' || folder.startsWith('~/') || (sep === '\\' && folder.startsWith('~\\'))) return join(homedir(), folder.slice(1));
  return resolve(dirname(resolve(ctx.ws.file)), folder);
}

/** The absolute folder to use for `folder`; on a team server, refused unless it is inside a case root (a relative one is taken from the first root). */
export function caseFolderFor(ctx: StudioContext, folder: string, field: string): string {
  // No file system takes a NUL in a path (node refuses it with a TypeError): said here, for every caller.
  if (folder.includes('\u0000')) {
    const message = `${field}: a folder name cannot contain a NUL character (\\u0000)`;
    throw new StudioError(
      'CASE_FOLDER_NAME',
      message,
      [{ severity: 'error', code: 'CASE_FOLDER_NAME', message, field }],
      'Choose the folder again, or type its path without control characters.',
    );
  }
  const roots = ctx.caseRoots;
  if (!roots?.length) return ownMachineFolder(ctx, folder);
  const target = isAbsolute(folder) ? resolve(folder) : resolve(roots[0]!, folder);
  const real = realPathOf(target);
  if (roots.some((r) => inside(real, realPathOf(resolve(r))))) return target;
  const message = `${JSON.stringify(folder.slice(0, 300))} is outside the case folders of this team server: case folders must be inside ${roots.join(' or ')}`;
  throw new StudioError(
    'CASE_FOLDER_OUTSIDE_ROOT',
    message,
    [{ severity: 'error', code: 'CASE_FOLDER_OUTSIDE_ROOT', message, field, value: folder.slice(0, 300) }],
    `Choose a folder inside ${roots[0]} (for example ${join(roots[0]!, 'legal')}), or a name relative to it.`,
  );
}
