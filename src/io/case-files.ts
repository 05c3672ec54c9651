import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { DataLoadError } from '../engine/errors.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../engine/json-depth.js';
import type { CaseInput } from '../engine/output-types.js';
import { readJson } from './json-file.js';

export type CaseFile = { file: string; cases: CaseInput[]; single: boolean };

const fail = (code: string, file: string, message: string, pointer = ''): never => {
  throw new DataLoadError(code, [{ file, pointer, message, code }]);
};

const statOf = (p: string): Stats => {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return fail('CASE_PATH_LOOP', p, 'is a symbolic link that leads back to itself (a loop); remove or fix the link');
    if (code === 'ENOENT') return fail('FILE_UNREADABLE', p, 'does not exist (or is a broken symbolic link)');
    return fail('FILE_UNREADABLE', p, `cannot be read: ${(e as Error).message}`);
  }
};

/**
 * Expands paths to *.json files; a directory is read recursively, in name order. A folder that
 * is its own ancestor through a symbolic link, or that cannot be read, is a located error (never
 * an endless walk or a crash).
 */
export function listCaseFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, ancestors: Set<string>): void => {
    const st = statOf(p);
    if (!st.isDirectory()) return void out.push(p);
    const real = realpathSync(p);
    if (ancestors.has(real)) fail('CASE_PATH_LOOP', p, `leads back to ${real}, a folder that contains it (a symbolic link loop); remove or fix the link`);
    let names: string[];
    try {
      names = readdirSync(p).sort();
    } catch (e) {
      return fail('FILE_UNREADABLE', p, `the folder cannot be read: ${(e as Error).message}. Check its permissions.`);
    }
    const inner = new Set(ancestors).add(real);
    for (const name of names) {
      const child = join(p, name);
      if (statOf(child).isDirectory() || name.endsWith('.json')) walk(child, inner);
    }
  };
  for (const p of paths) walk(p, new Set());
  return out;
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one case file: a JSON object or an array of them. Throws DataLoadError when unreadable,
 * not JSON, JSON of another shape (a number, a string, an array holding a non-object), when it
 * holds no case (an empty array), or when it nests deeper than a case ever does: each is an error
 * of the whole run rather than a file of no cases.
 */
export function readCaseFile(file: string): CaseFile {
  const data = readJson(file);
  const deep = tooDeepAt(data, MAX_JSON_DEPTH + (Array.isArray(data) ? 1 : 0));
  if (deep !== undefined) fail('CASE_TOO_DEEP', file, `nests deeper than ${MAX_JSON_DEPTH} levels; a case's facts and expect are a few levels deep`, deep);
  const shape = (pointer: string, got: unknown): DataLoadError =>
    new DataLoadError('CASE_FILE_SHAPE', [
      {
        file,
        pointer,
        message: `a case file holds one case (a JSON object) or an array of them; got ${got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got} here. Wrap each case in { }.`,
        code: 'CASE_FILE_SHAPE',
      },
    ]);
  if (Array.isArray(data)) {
    if (data.length === 0) fail('CASE_FILE_EMPTY', file, 'holds no case (an empty array); write at least one case, or remove the file');
    const bad = data.findIndex((c) => !isObject(c));
    if (bad >= 0) throw shape(`/${bad}`, data[bad]);
    return { file, cases: data as CaseInput[], single: false };
  }
  if (!isObject(data)) throw shape('', data);
  return { file, cases: [data as CaseInput], single: true };
}
