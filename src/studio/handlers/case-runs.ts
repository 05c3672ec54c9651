import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideFast } from '../../engine/decide.js';
import { Registry } from '../../engine/registry.js';
import type { RegressionCase } from '../../engine/review/regression.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import { listCaseFiles, readCaseFile } from '../../io/case-files.js';
import type { CaseFolder } from '../api/contract.js';
import type { Issue } from '../../tariff-model/issue.js';
import { allRuleVersions } from '../workspace/rule-store.js';
import { getSetting, setSetting } from '../workspace/settings.js';
import { allTariffVersions } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * The case files a rule version is checked against: the project's test/cases (found beside the
 * studio's code, from source or from the Electron bundle) and the user's own folders, kept in
 * the workspace's settings. Unreadable files are reported, never fatal.
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

const countFiles = (p: string): number => {
  try {
    return listCaseFiles([p]).length;
  } catch {
    return 0;
  }
};

export const describeFolders = (ws: Workspace): CaseFolder[] =>
  caseFolderPaths(ws).map((path) => {
    const exists = existsSync(path) && statSync(path).isDirectory();
    return { path, exists, files: exists ? countFiles(path) : 0 };
  });

export function loadCases(ws: Workspace): { cases: RegressionCase[]; folders: string[]; unreadable: { file: string; message: string }[] } {
  const folders = caseFolderPaths(ws);
  const cases: RegressionCase[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const folder of folders) {
    let files: string[];
    try {
      files = listCaseFiles([folder]);
    } catch (e) {
      unreadable.push({ file: folder, message: `cannot read the folder: ${(e as Error).message}` });
      continue;
    }
    for (const file of files) {
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
    .map(({ c, out }) => ({ file: c.file, index: c.index, name: typeof c.case?.name === 'string' ? c.case.name : `case ${c.index + 1}`, output: out }));
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
