import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '../engine/registry.js';
import { loadRegistry } from '../io/folder-store.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, UsageError } from './options.js';

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

/** The folders --rules DIR and --tariffs DIR name, each checked (dataFolder); the program's own where one is not given. */
export const dataFolders = (v: { rules?: string | boolean; tariffs?: string | boolean }): { rules: string; tariffs: string } => ({
  rules: dataFolder('rules', v.rules, DEFAULT_RULES),
  tariffs: dataFolder('tariffs', v.tariffs, DEFAULT_TARIFFS),
});

/** The versions of those folders, loaded, and the rules folder (its terms and coverage.json sit beside the versions). */
export const folderRegistry = (v: { rules?: string | boolean; tariffs?: string | boolean }): { rulesDir: string; registry: Registry } => {
  const { rules, tariffs } = dataFolders(v);
  return { rulesDir: rules, registry: loadRegistry(rules, tariffs) };
};
