import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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
 * How much of the disk reading one case folder may touch: every folder inside it is read, to any
 * depth, so a folder such as `/` or a home folder would be a walk of the whole disk (the studio's
 * regression runs it on every click). Past any of these the folder is refused with
 * CASE_FOLDER_TOO_LARGE, naming it and the limit. A case folder of this project holds 3 folders
 * and 74 files; these are far above any folder of case files a person keeps.
 */
export type CaseWalkLimits = {
  /** Folders read, the given one included. */
  readonly folders: number;
  /** Names seen in those folders (files, folders, links, anything). */
  readonly entries: number;
  /** *.json files listed. */
  readonly files: number;
  /** Folders below the given one (its own files are at depth 0). */
  readonly depth: number;
};
export const CASE_WALK_LIMITS: CaseWalkLimits = { folders: 2_000, entries: 100_000, files: 10_000, depth: 32 };

const n = (x: number): string => x.toLocaleString('en');

/** Whether a path's symbolic link resolves (false for a dangling link or a loop of links; other refusals are left for statOf to name). */
const linkLeadsSomewhere = (p: string): boolean => {
  try {
    statSync(p);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ELOOP';
  }
};

const KIND_OF: [(s: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }) => boolean, string][] = [
  [(s) => s.isFIFO(), 'a named pipe (FIFO)'],
  [(s) => s.isSocket(), 'a socket'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
];

/**
 * Reads one folder for case files: every *.json regular file in it and in its folders, in name
 * order, within `limits`. `root` is known to be a folder (its caller stat'ed it once: listCaseFiles,
 * or the studio's caseFolderFiles), so it is not stat'ed again here.
 */
export function walkCaseFolder(root: string, limits: CaseWalkLimits = CASE_WALK_LIMITS): string[] {
  const out: string[] = [];
  let folders = 0;
  let entries = 0;
  const tooLarge = (what: string, at: string): never =>
    fail(
      'CASE_FOLDER_TOO_LARGE',
      root,
      `is too large a folder to read for case files: ${what} (stopped at ${at}; every folder inside a case folder is read). ` +
        'Give the folder that holds your case files (such as test/cases), not a folder above it such as / or your home folder',
    );
  const walk = (dir: string, ancestors: Set<string>, depth: number): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      return fail('FILE_UNREADABLE', dir, `cannot be read: ${(e as Error).message}`);
    }
    if (ancestors.has(real)) fail('CASE_PATH_LOOP', dir, `leads back to ${real}, a folder that contains it (a symbolic link loop); remove or fix the link`);
    if (++folders > limits.folders) tooLarge(`it holds more than ${n(limits.folders)} folders`, dir);
    if (depth > limits.depth) tooLarge(`its folders nest more than ${n(limits.depth)} deep`, dir);
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return fail('FILE_UNREADABLE', dir, `the folder cannot be read: ${(e as Error).message}. Check its permissions.`);
    }
    entries += names.length;
    if (entries > limits.entries) tooLarge(`it holds more than ${n(limits.entries)} files and folders`, dir);
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const inner = new Set(ancestors).add(real);
    for (const d of names) {
      const child = join(dir, d.name);
      // A symbolic link (or an entry whose file system does not say what it is) is looked at through stat.
      const known = d.isDirectory() || d.isFile() || KIND_OF.some(([is]) => is(d));
      // A link that leads nowhere (or round to itself) is no folder, so one not named *.json is no
      // case file either: skipped like any other file (an editor's or a tool's dangling link beside
      // the cases stopped the run with FILE_UNREADABLE). One named *.json is still refused: a case
      // file that cannot be read.
      if (!known && !d.name.endsWith('.json') && !linkLeadsSomewhere(child)) continue;
      const st: Dirent | Stats = known ? d : statOf(child);
      if (st.isDirectory()) walk(child, inner, depth + 1);
      else if (d.name.endsWith('.json')) {
        // Reading a pipe waits for a writer, and a device never ends: only files are case files.
        const other = st.isFile() ? undefined : (KIND_OF.find(([is]) => is(st))?.[1] ?? 'not a regular file');
        if (other)
          fail('CASE_PATH_NOT_FILE', child, `is ${other}, not a file: reading it could wait forever. Remove it from the case folder, or rename it so it does not end in .json`);
        if (out.length >= limits.files) tooLarge(`it holds more than ${n(limits.files)} .json files`, child);
        out.push(child);
      }
    }
  };
  walk(root, new Set(), 0);
  return out;
}

/**
 * Expands paths to *.json files; a directory is read recursively, in name order (a path given
 * that is not a folder is taken as it is: a file, `-` for standard input, or a pipe such as the
 * shell's <(…)). A folder that is its own ancestor through a symbolic link, that cannot be read,
 * that holds a *.json that is not a file (a pipe, a device), or that is too large to read
 * (`limits`, CASE_WALK_LIMITS) is a located error: never an endless walk, a hang or a crash.
 */
export function listCaseFiles(paths: string[], limits: CaseWalkLimits = CASE_WALK_LIMITS): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-')
      out.push(p); // standard input
    else if (!statOf(p).isDirectory()) out.push(p);
    else out.push(...walkCaseFolder(p, limits));
  }
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
