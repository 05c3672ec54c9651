import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './options.js';

/** --rules DIR and --tariffs DIR name a folder of versions, which holds an index.json: say so before loading. */
export const dataFolder = (flag: 'rules' | 'tariffs', given: string | boolean | undefined, fallback: string): string => {
  if (given === undefined) return fallback;
  const dir = String(given);
  let kind: string;
  try {
    kind = statSync(dir).isDirectory() ? (existsSync(join(dir, 'index.json')) ? 'ok' : 'a folder without index.json') : 'a file';
  } catch {
    kind = 'not there';
  }
  if (kind !== 'ok')
    throw new UsageError(
      `--${flag} ${dir} is ${kind === 'not there' ? 'not a folder that exists' : kind}; give the ${flag}/ folder, the one holding index.json (the project's own is ${fallback})`,
    );
  return dir;
};
