import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideFast } from '../../engine/decide.js';
import { Registry } from '../../engine/registry.js';
import type { RegressionCase } from '../../engine/review/regression.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import { DataLoadError } from '../../engine/errors.js';
import { CASE_WALK_LIMITS, readCaseFile, walkCaseFolder } from '../../io/case-files.js';
import type { CaseFolder } from '../api/contract.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { allRuleVersions } from '../workspace/rule-store.js';
import { getSetting, setSetting } from '../workspace/settings.js';
import { allTariffVersions } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * The case files a rule version is checked against: the project's test/cases (found above the
 * studio's code: from source `../../..`, from Electron's bundle in a checkout `..`, from the CLI's
 * bundle or the installed desktop app `../..`, where electron-builder.yml ships it beside app.asar)
 * and the user's own folders, kept in the workspace's settings. Unreadable files are reported,
 * never fatal.
 */
const SETTING = 'rules.caseFolders';

function projectCases(): string[] {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    for (const up of ['../../..', '..', '../..']) {
      const p = resolve(here, up, 'test', 'cases');
      if (existsSync(p)) return [p];
    }
  } catch {
    // No file URL (an unusual bundle): only the user's folders are run.
  }
  return [];
}

export const userCaseFolders = (ws: Workspace): string[] => getSetting<string[]>(ws, SETTING) ?? [];
export const setUserCaseFolders = (ws: Workspace, folders: string[]): void => setSetting(ws, SETTING, [...new Set(folders.map((f) => resolve(f)))]);
export const caseFolderPaths = (ws: Workspace): string[] => [...new Set([...projectCases(), ...userCaseFolders(ws)])];

/** The first problem of a DataLoadError (a walk refused: too large, a loop, unreadable), else the error's message. */
const problemOf = (e: unknown): { code: string; message: string } => {
  if (e instanceof DataLoadError && e.errors[0]) return { code: e.code, message: `${e.errors[0].file}: ${e.errors[0].message}` };
  return { code: 'FILE_UNREADABLE', message: e instanceof Error ? e.message : String(e) };
};

type FolderRead = { files: string[] } | { problem: { code: string; message: string } };

/** A path's stat, or undefined where existsSync would say false (missing, or not reachable). */
const statIfThere = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** The case files under a path already stat'ed (once: the walk does not stat the folder again). */
const filesUnder = (path: string, st: Stats): FolderRead => {
  if (!st.isDirectory()) return { problem: { code: 'CASE_FOLDER_NOT_FOLDER', message: `${path}: is not a folder; give the folder that holds your case files` } };
  try {
    return { files: walkCaseFolder(path) };
  } catch (e) {
    return { problem: problemOf(e) };
  }
};

/**
 * The *.json files of one case folder, read within the walk's limits (io/case-files.ts
 * CASE_WALK_LIMITS: a folder such as / or a home folder is refused, not walked), or why not. A
 * path that is not a folder is refused too: a pipe or a device named as a folder would be read
 * as a case file and wait forever. The folder is stat'ed once, every file in it at most once.
 */
export function caseFolderFiles(path: string): FolderRead {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return { problem: problemOf(e) };
  }
  return filesUnder(path, st);
}

export const describeFolders = (ws: Workspace): CaseFolder[] =>
  caseFolderPaths(ws).map((path) => {
    const st = statIfThere(path);
    if (!st) return { path, exists: false, files: 0 };
    const r = filesUnder(path, st);
    return 'files' in r ? { path, exists: true, files: r.files.length } : { path, exists: true, files: 0, problem: r.problem };
  });

/**
 * Refuses (before anything is saved) a case folder being added that exists and cannot be read
 * whole: not a folder, too large (CASE_FOLDER_TOO_LARGE), a loop, unreadable. `field`: the
 * folder's pointer in the call. A folder that does not exist yet is taken (it shows as missing).
 */
export function checkNewCaseFolder(path: string, field: string): void {
  const st = statIfThere(path);
  if (!st) return;
  const r = filesUnder(path, st);
  if ('files' in r) return;
  const message = `${field}: ${r.problem.message}`;
  throw new StudioError(
    r.problem.code,
    `the case folder cannot be used: ${r.problem.message}`,
    [{ code: r.problem.code, severity: 'error', field, message, value: path }],
    r.problem.code === 'CASE_FOLDER_TOO_LARGE'
      ? `Choose a narrower folder, the one holding your case files (at most ${CASE_WALK_LIMITS.folders.toLocaleString('en')} folders, ${CASE_WALK_LIMITS.entries.toLocaleString('en')} names, ${CASE_WALK_LIMITS.files.toLocaleString('en')} .json files, ${CASE_WALK_LIMITS.depth} levels deep). Nothing was saved.`
      : 'Fix the folder or choose another one. Nothing was saved.',
  );
}

export function loadCases(ws: Workspace): { cases: RegressionCase[]; folders: string[]; unreadable: { file: string; message: string }[] } {
  const folders = caseFolderPaths(ws);
  const cases: RegressionCase[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const folder of folders) {
    const listed = caseFolderFiles(folder);
    if (!('files' in listed)) {
      unreadable.push({ file: folder, message: `cannot read the folder: ${listed.problem.message}` });
      continue;
    }
    for (const file of listed.files) {
      try {
        const f = readCaseFile(file);
        f.cases.forEach((c, index) => cases.push({ file, index, case: c }));
      } catch (e) {
        unreadable.push({ file, message: (e as Error).message });
      }
    }
  }
  return { cases, folders, unreadable };
}

/**
 * Refuses an approval while a case file, or a case folder that is there, cannot be read (not JSON,
 * too large, unreadable): a case that was not read was not checked, so "no case answers invalid"
 * cannot be said. A kept folder that does not exist (yet) is only shown as missing, as before.
 */
export function requireReadableCases(unreadable: readonly { file: string; message: string }[], what: string): void {
  const blocking = unreadable.filter((u) => existsSync(u.file));
  if (!blocking.length) return;
  throw new StudioError(
    'APPROVAL_BLOCKED_BY_UNREADABLE_CASES',
    `${blocking.length === 1 ? 'a case file or folder' : `${blocking.length} case files or folders`} could not be read, so ${what} was not checked against ${blocking.length === 1 ? 'it' : 'them'}: ${blocking[0]!.file}`,
    blocking.map((u) => ({ code: 'CASE_FILE_UNREADABLE', severity: 'error' as const, message: `${u.file}: ${u.message}`, sheet: u.file })),
    'Nothing was approved. Fix the file or folder (the regression tab lists it), or remove its folder from the case folders, then approve again.',
  );
}

/** The engine's registry over the workspace: approved (and superseded) rule versions, approved tariff versions. */
export const workspaceRegistry = (ws: Workspace): Registry =>
  new Registry(
    allRuleVersions(ws)
      .filter((r) => r.status === 'approved' || r.status === 'superseded')
      .map((r) => r.version),
    allTariffVersions(ws)
      .filter((t) => t.status === 'approved' || t.status === 'superseded')
      .map((t) => ({ ...t.version, status: 'approved' as const })),
  );

const expectsInvalid = (c: RegressionCase): boolean => (c.case?.expect as { outcome?: unknown } | undefined)?.outcome === 'invalid';

/** The cases that answer `invalid` under `rules` and do not expect to: approval waits until there are none. */
export function failingCases(registry: Registry, cases: RegressionCase[], rules: RuleVersion, today: string) {
  return cases
    .filter((c) => !expectsInvalid(c))
    .map((c) => ({ c, out: decideFast(registry, c.case, { today, rules }) }))
    .filter((x) => x.out.outcome === 'invalid')
    .map(({ c, out }) => ({ file: c.file, index: c.index, name: typeof c.case?.name === 'string' ? c.case.name : `case ${c.index + 1}`, case: c.case, output: out }));
}

/** The issue of a case that answers `invalid` under a version being approved: the case, and its first error with its JSON pointer. */
export const failingCaseIssue = (file: string, name: string, output: { errors?: { path: string; message: string; code?: string }[] }): Issue => {
  const e = output.errors?.[0];
  return {
    code: e?.code ?? 'CASE_INVALID',
    severity: 'error',
    message: `${file} › ${name}: ${e ? `${e.path} ${e.message}` : 'answers invalid'}`,
    sheet: file,
    header: name,
    ...(e ? { field: e.path } : {}),
  };
};
