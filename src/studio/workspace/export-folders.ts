import { isDeepStrictEqual } from 'node:util';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DECISIONS } from '../../engine/rule-types.js';
import { writeFileAtomically } from '../../io/atomic-write.js';
import { TARIFF_FILES } from '../../io/folder-store.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { allRuleVersions } from './rule-store.js';
import { getSetting } from './settings.js';
import { allTariffVersions } from './tariff-store.js';
import type { IndexMeta } from './version-meta.js';
import { auditHead } from './audit-anchor.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * Writes the workspace back as rules/ and tariffs/ folders: index.json, one folder per version,
 * and every other file kept from the folders it was created from. A file whose value did not
 * change is written with its original text, so an untouched export is byte-identical; a changed
 * one is pretty-printed JSON. Each folder is built beside the target and swapped in at the end.
 */
export type ExportOptions = { rulesDir: string; tariffsDir: string; includeDrafts?: boolean; anchorFile?: string };

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const textFor = (value: unknown, original: string | undefined): string => {
  if (original !== undefined) {
    try {
      if (isDeepStrictEqual(JSON.parse(original.replace(/^\uFEFF/u, '')), value)) return original;
    } catch {
      // An original that no longer parses is simply not reused.
    }
  }
  return json(value);
};

type FileMap = Map<string, string | Buffer>;

export function folderFiles(ws: Workspace, opts: { includeDrafts?: boolean } = {}): { rules: FileMap; tariffs: FileMap } {
  const rules: FileMap = new Map();
  const tariffs: FileMap = new Map();
  for (const f of ws.db.prepare('SELECT root, path, content FROM folder_files ORDER BY root, path').all() as { root: 'rules' | 'tariffs'; path: string; content: Buffer }[])
    (f.root === 'rules' ? rules : tariffs).set(f.path, f.content);

  const tVersions = allTariffVersions(ws).filter((v) => opts.includeDrafts || v.status !== 'draft');
  const dirOf = (v: { meta: { dir?: string }; effective: string }): string => v.meta.dir ?? v.effective;
  checkUnique('tariff', tVersions);
  const tIndex = getSetting<IndexMeta>(ws, 'tariffs.index') ?? {};
  const tIndexValue = {
    ...(tIndex.description !== undefined ? { description: tIndex.description } : {}),
    versions: tVersions.map((v) => ({
      effective: v.effective,
      status: v.status,
      dir: dirOf(v),
      ...(v.version.existingContracts ? { existingContracts: v.version.existingContracts } : {}),
      ...optional(v.meta, ['author', 'approvedBy', 'note']),
    })),
  };
  tariffs.set('index.json', textFor(tIndexValue, tIndex.original));
  for (const v of tVersions) {
    const source = (name: string) => (v.meta.sources?.[name] !== undefined ? { source: v.meta.sources[name] } : {});
    const files: Record<string, unknown> = {
      [TARIFF_FILES.courses]: { ...source(TARIFF_FILES.courses), courses: v.version.courses },
      [TARIFF_FILES.initialFees]: { ...source(TARIFF_FILES.initialFees), groups: v.version.initialFeeGroups },
      [TARIFF_FILES.options]: { ...source(TARIFF_FILES.options), options: v.version.options },
      [TARIFF_FILES.policies]: { ...source(TARIFF_FILES.policies), policies: v.version.policies, minimumPeriods: v.version.minimumPeriods },
    };
    for (const [name, value] of Object.entries(files)) tariffs.set(`${dirOf(v)}/${name}`, textFor(value, v.meta.originals?.[name]));
  }

  const rVersions = allRuleVersions(ws).filter((v) => opts.includeDrafts || v.status !== 'draft');
  checkUnique('rule', rVersions);
  const rIndex = getSetting<IndexMeta>(ws, 'rules.index') ?? {};
  const rIndexValue = {
    ...(rIndex.description !== undefined ? { description: rIndex.description } : {}),
    versions: rVersions.map((v) => ({ effective: v.effective, status: v.status, dir: dirOf(v), ...optional(v.meta, ['author', 'approvedBy', 'note']) })),
  };
  rules.set('index.json', textFor(rIndexValue, rIndex.original));
  for (const v of rVersions) {
    for (const d of DECISIONS) rules.set(`${dirOf(v)}/${d}.json`, textFor(v.version.decisions[d], v.meta.originals?.[`${d}.json`]));
    const interp = { ...(v.meta.interpretationsDescription !== undefined ? { description: v.meta.interpretationsDescription } : {}), interpretations: v.version.interpretations };
    rules.set(`${dirOf(v)}/interpretations.json`, textFor(interp, v.meta.originals?.['interpretations.json']));
  }
  return { rules, tariffs };
}

const optional = <T extends object>(o: T, keys: (keyof T)[]): Partial<T> => {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
};

function checkUnique(kind: string, versions: { effective: string; meta: { dir?: string } }[]): void {
  const seen = new Set<string>();
  for (const v of versions) {
    const dir = v.meta.dir ?? v.effective;
    if (seen.has(v.effective) || seen.has(dir))
      throw new StudioError(
        'EXPORT_DUPLICATE_DATE',
        `two ${kind} versions take effect on ${v.effective}; a folder holds one version per date`,
        [],
        'Discard or re-date one of the drafts, or export without drafts.',
      );
    seen.add(v.effective);
    seen.add(dir);
  }
}

/** Writes both folders; each replaces its target only once completely written. */
/**
 * Writes both folders, then the audit head they were exported at (an anchor for `tariff audit
 * verify --since-anchor`) as audit-anchor.json beside the rules folder (default), outside the
 * folders so they stay byte for byte the folders the workspace was made from.
 */
export function exportFolders(ws: Workspace, opts: ExportOptions): { files: number; anchorFile: string } {
  checkTargets(opts.rulesDir, opts.tariffsDir);
  const { rules, tariffs } = folderFiles(ws, opts);
  writeFolder(opts.rulesDir, rules);
  writeFolder(opts.tariffsDir, tariffs);
  const anchorFile = opts.anchorFile ?? join(dirname(opts.rulesDir), 'audit-anchor.json');
  writeFileAtomically(anchorFile, `${JSON.stringify({ ...auditHead(ws), at: nowIso(), workspace: ws.file, for: 'exported folders' }, null, 2)}\n`);
  return { files: rules.size + tariffs.size, anchorFile };
}

/**
 * What a target folder is: absent or an empty folder (written into), a folder of versions (it holds
 * index.json: replaced, as an export of the same folders does), or anything else, which an export
 * must never replace (a file, or a folder of the user's own such as a home folder: the swap would
 * delete it).
 */
const targetKind = (dir: string): 'new' | 'versions' | 'file' | 'other-folder' => {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return 'new';
  }
  if (!st.isDirectory()) return 'file';
  if (existsSync(join(dir, 'index.json'))) return 'versions';
  return readdirSync(dir).length === 0 ? 'new' : 'other-folder';
};

/** Refuses, before anything is written, targets an export would destroy or that overlap. */
function checkTargets(rulesDir: string, tariffsDir: string): void {
  const [r, t] = [resolve(rulesDir), resolve(tariffsDir)];
  const inside = (a: string, b: string): boolean => {
    const rel = relative(b, a);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
  if (inside(r, t) || inside(t, r))
    throw new StudioError(
      'EXPORT_TARGET_OVERLAP',
      `--rules ${rulesDir} and --tariffs ${tariffsDir} are the same folder or one is inside the other`,
      [],
      'Give two separate folders, such as OUT/rules and OUT/tariffs.',
    );
  for (const [flag, dir] of [
    ['--rules', rulesDir],
    ['--tariffs', tariffsDir],
  ] as const) {
    const kind = targetKind(dir);
    if (kind === 'file' || kind === 'other-folder')
      throw new StudioError(
        'EXPORT_TARGET_IN_USE',
        `${flag} ${dir} is ${kind === 'file' ? 'a file' : 'a folder that holds other files and no index.json'}; the export replaces its target as a whole, so it would be lost. Nothing was written`,
        [],
        `Give a new or empty folder, or a ${flag.slice(2)} folder written before (one holding index.json).`,
      );
  }
}

function writeFolder(target: string, files: FileMap): void {
  const staging = `${target}.writing-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const p = join(staging, ...path.split('/'));
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  } catch (e) {
    // A disk that fills or a folder that cannot be written: no half-written staging folder is left.
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}
