import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { DataLoadError } from '../engine/errors.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../engine/json-depth.js';
import type { CaseInput } from '../engine/output-types.js';
import { misspeltKeys, type CaseFileWarning } from './case-keys.js';
import { readJson, STDIN_LABEL } from './json-file.js';

export type { CaseFileWarning };
export type CaseFile = { file: string; cases: CaseInput[]; single: boolean; warnings: CaseFileWarning[] };

const fail = (code: string, file: string, message: string, pointer = ''): never => {
  throw new DataLoadError(code, [{ file, pointer, message, code }]);
};

const statOf = (p: string): Stats => {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return fail('CASE_PATH_LOOP', p, 'is a symbolic link that leads back to itself (a loop); remove or fix the link');
    if (code === 'ENOENT')
      return fail(
        'FILE_UNREADABLE',
        p,
        /[*?[]/.test(p)
          ? 'does not exist: a pattern such as *.json is expanded by the shell, not by tariff; give the folder instead (every *.json in it is read)'
          : 'does not exist (or is a broken symbolic link); check the path',
      );
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
    if (p === '-') return void out.push(p); // standard input
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one case file: a JSON object or an array of them. Throws DataLoadError when unreadable,
 * not JSON, JSON of another shape (a number, a string, an array holding a non-object), when it
 * holds no case (an empty array), or when it nests deeper than a case ever does: each is an error
 * of the whole run rather than a file of no cases.
 */
export function readCaseFile(path: string): CaseFile {
  const data = readJson(path);
  const file = path === '-' ? STDIN_LABEL : path;
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
    data.forEach((c, i) => checkExpect(file, c as Record<string, unknown>, `/${i}`));
    return { file, cases: data as CaseInput[], single: false, warnings: data.flatMap((c, i) => misspeltKeys(c as Record<string, unknown>, `/${i}`)) };
  }
  if (!isObject(data)) throw shape('', data);
  checkExpect(file, data, '');
  return { file, cases: [data as CaseInput], single: true, warnings: misspeltKeys(data, '') };
}

/**
 * `expect` is a deep subset of the output (an object of output fields): anything else could never
 * be met as meant, so it is an error of the file (with its pointer), not a case that fails with
 * the whole output printed as "actual".
 */
const checkExpect = (file: string, c: Record<string, unknown>, at: string): void => {
  if (c.expect === undefined || isObject(c.expect)) return;
  const got = c.expect === null ? 'null' : Array.isArray(c.expect) ? 'an array' : typeof c.expect;
  fail(
    'CASE_EXPECT_SHAPE',
    file,
    `"expect" must be an object of output fields, as {"outcome": "settle", "amount": 14000}; got ${got}. Write the fields to check inside { }, or remove "expect".`,
    `${at}/expect`,
  );
};
