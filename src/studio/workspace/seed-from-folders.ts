import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataLoadError } from '../../engine/errors.js';
import { DECISIONS } from '../../engine/rule-types.js';
import { validateVersionIndex } from '../../engine/validate-data.js';
import { loadRuleVersions, loadTariffVersions, TARIFF_FILES } from '../../io/folder-store.js';
import { fileProblem } from '../../io/file-problem.js';
import { readJson } from '../../io/json-file.js';
import { readFileWithin } from '../../io/read-file.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { setSetting } from './settings.js';
import type { IndexMeta, RuleMeta, TariffMeta } from './version-meta.js';
import { nowIso, type Workspace } from './workspace.js';

export type SeedFolders = { rulesDir: string; tariffsDir: string };

export const RULE_FILES = [...DECISIONS.map((d) => `${d}.json`), 'interpretations.json'];

/** Every file under dir, as posix paths relative to it. */
/** What the folders may not hold: the studio keeps every other file of them, and reads each. */
const oddFile = (path: string, what: string): StudioError =>
  new StudioError(
    'SEED_INVALID',
    `the folders cannot seed a workspace: ${path} ${what}`,
    [],
    'Remove it from the folder (the studio keeps every file of rules/ and tariffs/), then open the studio again.',
  );

/** Folders nested deeper than this under rules/ or tariffs/ are a symbolic link loop, or not version folders. */
const MAX_DEPTH = 16;

const walk = (dir: string, depth = 0): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (depth >= MAX_DEPTH) throw oddFile(`${p}/`, `is ${MAX_DEPTH} folders deep (a symbolic link that leads back to a folder above it?)`);
        return walk(p, depth + 1).map((c) => `${name}/${c}`);
      }
      // A pipe waits for a writer and a device never ends: only files are kept.
      if (!st.isFile()) throw oddFile(p, 'is not a file (a named pipe, a device or a socket), and reading it could wait forever');
      return [name];
    });

const load = <T>(fn: () => T): T => {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DataLoadError)
      throw new StudioError(
        'SEED_INVALID',
        `the folders cannot seed a workspace: ${e.message}`,
        e.errors.map((x) => ({ severity: 'error', code: x.code, message: `${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}` })),
        'Fix the files (tariff validate lists every error), then open the studio again.',
      );
    throw e;
  }
};

/** Fills an empty workspace from rules/ and tariffs/ (validated by the engine's loaders). Runs inside the caller's transaction. */
export function seedFromFolders(ws: Workspace, folders: SeedFolders): { tariffVersions: number; ruleVersions: number; files: number } {
  const tariffs = load(() => loadTariffVersions(folders.tariffsDir));
  const rules = load(() => loadRuleVersions(folders.rulesDir));
  const now = nowIso();
  const known = { rules: new Set<string>(['index.json']), tariffs: new Set<string>(['index.json']) };
  const readIndex = (dir: string) => {
    const file = join(dir, 'index.json');
    const original = readFileSync(file, 'utf8');
    const data = readJson(file) as { description?: string };
    return {
      entries: load(() => validateVersionIndex(data, file)),
      meta: { ...(data.description !== undefined ? { description: data.description } : {}), original } satisfies IndexMeta,
    };
  };

  const tIndex = readIndex(folders.tariffsDir);
  setSetting(ws, 'tariffs.index', tIndex.meta);
  const insertTariff = ws.db.prepare(
    'INSERT INTO tariff_versions (effective, status, title, data, meta, created_at, created_by, updated_at) VALUES (@effective, @status, @title, @data, @meta, @now, @actor, @now)',
  );
  for (const entry of tIndex.entries) {
    const v = tariffs.find((t) => t.effective === entry.effective)!;
    const originals: Record<string, string> = {};
    const sources: Record<string, string> = {};
    for (const name of Object.values(TARIFF_FILES)) {
      const text = readFileSync(join(folders.tariffsDir, entry.dir, name), 'utf8');
      originals[name] = text;
      const source = (JSON.parse(text.replace(/^\uFEFF/u, '')) as { source?: string }).source;
      if (source !== undefined) sources[name] = source;
      known.tariffs.add(`${entry.dir}/${name}`);
    }
    const { effective: _e, status: _s, ...data } = v;
    const meta: TariffMeta = { dir: entry.dir, ...pick(entry, ['note', 'author', 'approvedBy']), sources, originals };
    insertTariff.run({ effective: entry.effective, status: entry.status, title: entry.note ?? '', data: JSON.stringify(data), meta: JSON.stringify(meta), now, actor: ws.actor });
  }

  const rIndex = readIndex(folders.rulesDir);
  setSetting(ws, 'rules.index', rIndex.meta);
  const insertRule = ws.db.prepare(
    'INSERT INTO rule_versions (effective, status, title, data, meta, created_at, created_by, updated_at) VALUES (@effective, @status, @title, @data, @meta, @now, @actor, @now)',
  );
  for (const entry of rIndex.entries) {
    const v = rules.find((r) => r.effective === entry.effective)!;
    const originals: Record<string, string> = {};
    for (const name of RULE_FILES) {
      const p = join(folders.rulesDir, entry.dir, name);
      try {
        originals[name] = readFileSync(p, 'utf8');
        known.rules.add(`${entry.dir}/${name}`);
      } catch {
        // A decision without a file is caught by the loader above; nothing to keep.
      }
    }
    const interpretationsDescription = (JSON.parse(originals['interpretations.json'] ?? '{}') as { description?: string }).description;
    const meta: RuleMeta = {
      dir: entry.dir,
      ...pick(entry, ['author', 'approvedBy', 'note']),
      ...(interpretationsDescription !== undefined ? { interpretationsDescription } : {}),
      originals,
    };
    const data = { decisions: v.decisions, interpretations: v.interpretations };
    insertRule.run({ effective: entry.effective, status: entry.status, title: entry.note ?? '', data: JSON.stringify(data), meta: JSON.stringify(meta), now, actor: ws.actor });
  }

  let files = 0;
  const insertFile = ws.db.prepare('INSERT INTO folder_files (root, path, content) VALUES (?, ?, ?)');
  for (const root of ['rules', 'tariffs'] as const) {
    const dir = root === 'rules' ? folders.rulesDir : folders.tariffsDir;
    for (const path of walk(dir)) {
      if (known[root].has(path)) continue;
      const file = join(dir, ...path.split('/'));
      let content: Buffer;
      try {
        // Kept in the workspace to be written back on export: a text or a note, far below this.
        content = readFileWithin(file, 64 * 1024 * 1024);
      } catch (e) {
        throw oddFile(file, fileProblem(e, { use: 'read' }));
      }
      insertFile.run(root, path, content);
      files += 1;
    }
  }
  return { tariffVersions: tIndex.entries.length, ruleVersions: rIndex.entries.length, files };
}

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> => {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
};
