import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkspacePath } from '../studio/workspace/default-path.js';

/** The project root (where rules/ and tariffs/ live by default), whatever the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RULES = join(PROJECT_ROOT, 'rules');
export const DEFAULT_TARIFFS = join(PROJECT_ROOT, 'tariffs');

/** The folders a workspace created here is seeded from: --rules DIR and --tariffs DIR, else the program's own. */
export const workspaceSeed = (v: { rules?: string; tariffs?: string }): { rulesDir: string; tariffsDir: string } => ({
  rulesDir: resolve(v.rules ?? DEFAULT_RULES),
  tariffsDir: resolve(v.tariffs ?? DEFAULT_TARIFFS),
});

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * What a command that needs --workspace adds when it is missing: the studio's own workspace (the
 * one `npm start` opens without --workspace) when it exists, quoted to be pasted, since a new user
 * never typed its path.
 */
export const ownWorkspaceHint = (): string => {
  const own = defaultWorkspacePath();
  return existsSync(own) ? `; the studio's own workspace (opened when it is started without --workspace) is --workspace "${own}"` : '';
};

/**
 * What a command reading a workspace says when none is at the path given: which file it wants,
 * how one comes to be, and the studio's own when it exists.
 */
export const missingWorkspaceHint = (): string => {
  const own = defaultWorkspacePath();
  return `Give the path of an existing workspace: the file the studio saves into (tariff studio --workspace FILE creates one from tariffs/ and rules/)${
    existsSync(own) ? `; the studio's own (opened when it is started without --workspace) is "${own}"` : ''
  }.`;
};
